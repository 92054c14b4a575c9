package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.SharedData;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.results.CountFileRows;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.validation.ValidationCode;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.domain.validation.Validator;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real TK2021 510c files of kieskring 5 Lelystad (six municipalities) and 9 Amsterdam carry, per municipality
 * and in their total, eleven UncountedVotes rows and no "geldige stempassen" or "toegelaten kiezers". Read into the
 * kieskring-totals model, added up as the HSB adds up (Kieswet O 2) and written again as our 510c, every row of every
 * reporting unit and of the total comes back with the same count, no row is added, and the file is XSD-valid and
 * byte-stable; the totals pass every check that applies to them (before, F.201 and F.312 fired on A = D = 0).
 */
class Tk2021ExplanationRowsTest {
  private static final LocalDateTime CREATED = LocalDateTime.of(2021, 3, 26, 10, 0);

  private static Count read(byte[] bytes) {
    return EmlReader.readCount(new ByteArrayInputStream(bytes), "510c", ReadOptions.none()).count();
  }

  private static byte[] file(String kieskring) {
    return SharedData.read("data/eml/TK2021/Telling_TK2021_kieskring_" + kieskring + ".eml.xml");
  }

  /** The shape of the kieskring's lists as the 510c's total has them (every candidate of the 230b appears). */
  private static ResultsShape shape(VoteCounts total) {
    List<ListShape> lists = new ArrayList<>();
    total.lists().forEach(l -> lists.add(new ListShape(l.listNumber(), l.candidates().size())));
    return new ResultsShape(lists, true);
  }

  /** The 510c as the HSB writes it: its municipalities' totals and their sum. */
  private static byte[] rewrite(Count real) {
    ContestCount contest = real.contests().get(0);
    ResultsShape shape = shape(contest.total());
    Map<Integer, String> names = new java.util.LinkedHashMap<>();
    contest.total().lists().forEach(l -> names.put(l.listNumber(), l.appellation()));
    List<GsbResults> municipalities = new ArrayList<>();
    List<ReportingUnitCount> units = new ArrayList<>();
    for (ReportingUnitCount u : contest.units()) {
      GsbResults m = GsbTotals.fromCount(u.votes(), shape);
      municipalities.add(m);
      units.add(new ReportingUnitCount(u.id(), u.name(), null, null, GsbTotals.toCount(m, names), List.of()));
    }
    GsbResults sum = GsbTotals.sum(municipalities);
    return EmlWriter.writeCount(EmlKind.E510C, new Count(real.election(), real.authority(), null, null,
        List.of(new ContestCount(contest.contestId(), contest.contestName(), GsbTotals.toCount(sum, names), units))),
        CREATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lelystad", "Amsterdam"})
  void everyUncountedVotesRowOfTheReal510cSurvivesTheHsbAndOur510c(String kieskring) {
    Count real = read(file(kieskring));
    byte[] ours = rewrite(real);
    assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", ours)).isNull();
    assertThat(rewrite(real)).as("byte-stable").isEqualTo(ours);
    ContestCount theirs = real.contests().get(0);
    ContestCount back = read(ours).contests().get(0);
    assertThat(back.total().uncounted()).isEqualTo(theirs.total().uncounted());
    assertThat(theirs.total().uncounted()).containsKey(UncountedReason.NO_EXPLANATION)
        .doesNotContainKeys(UncountedReason.POLL_CARDS, UncountedReason.ADMITTED_VOTERS);
    assertThat(back.units()).hasSameSizeAs(theirs.units());
    for (int i = 0; i < theirs.units().size(); i++) {
      assertThat(back.units().get(i).votes().uncounted()).as(theirs.units().get(i).id())
          .isEqualTo(theirs.units().get(i).votes().uncounted());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lelystad", "Amsterdam"})
  void theHsbsSumOfTheExplanationRowsIsTheRealKieskringTotal(String kieskring) {
    ContestCount contest = read(file(kieskring)).contests().get(0);
    ResultsShape shape = shape(contest.total());
    List<GsbResults> municipalities = new ArrayList<>();
    contest.units().forEach(u -> municipalities.add(GsbTotals.fromCount(u.votes(), shape)));
    CountFileRows total = GsbTotals.fromCount(contest.total(), shape).rows();
    assertThat(GsbTotals.sum(municipalities).rows()).isEqualTo(total);
    assertThat(total.admittedVotersRecorded()).isFalse();
    // Eleven rows in the file: B, C, I and J are keyed fields, the other seven explain differences
    // ("kwijtgeraakte stembiljetten" does not occur in 2021).
    assertThat(total.explanations()).hasSize(7).doesNotContainKey(Explanation.LOST_BALLOTS)
        .containsKey(Explanation.NO_EXPLANATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lelystad", "Amsterdam"})
  void theReal510cTotalsPassTheChecksThatApplyWithoutAdmittedVoters(String kieskring) {
    ContestCount contest = read(file(kieskring)).contests().get(0);
    ResultsShape shape = shape(contest.total());
    List<VoteCounts> all = new ArrayList<>();
    all.add(contest.total());
    contest.units().forEach(u -> all.add(u.votes()));
    for (VoteCounts v : all) {
      GsbResults totals = GsbTotals.fromCount(v, shape);
      var results = Validator.validate(totals, ValidationContext.withDefaults(shape));
      assertThat(results.errors()).as("errors of the real totals").isEmpty();
      // The same totals, had the file recorded A = D = 0, break F.201 and F.312: the rows make the difference.
      var asIfRecorded = Validator.validate(totals.withRows(new CountFileRows(true, totals.rows().explanations())),
          ValidationContext.withDefaults(shape));
      assertThat(asIfRecorded.codes()).contains(ValidationCode.F201, ValidationCode.F312);
    }
  }
}
