package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.NextSessionResults;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsModel;

/**
 * The count file of a next session (Kieswet N 11 / N 12 applied to the corrected results): for every list and
 * candidate and for blank and invalid votes, the new 510b total = the previous total − the original result +
 * the corrected result of each corrected station; and every changed value carries the value it replaced
 * (kr:Initial*, EML_NL 510), every unchanged value none.
 */
class CorrigendumTotalsProperties {

  /** One station's figures: list 1 (three candidates), list 2 (two), blank, invalid. */
  record Figures(int[] list1, int[] list2, int blank, int invalid) {
    CsoFirstSessionResults first() {
      return ResultsFixture.smallResult(list1, list2, blank, invalid);
    }

    NextSessionResults corrected() {
      CsoFirstSessionResults r = first();
      return new NextSessionResults(CountingMethod.CSO, r.voters(), r.votes(), r.differences(), r.lists());
    }
  }

  @Provide
  Arbitrary<Figures> figures() {
    Arbitrary<Integer> votes = Arbitraries.integers().between(0, 5_000);
    return Combinators.combine(votes.array(int[].class).ofSize(3), votes.array(int[].class).ofSize(2),
        Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 50)).as(Figures::new);
  }

  @Provide
  Arbitrary<List<Figures>> stations() {
    return figures().list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Figures>> corrections() {
    return figures().list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 200)
  void kieswetN11_newTotalsAreOldMinusOriginalPlusCorrected(
      @ForAll("stations") List<Figures> before, @ForAll("corrections") List<Figures> recounts,
      @ForAll @IntRange(min = 0, max = 1_000) int seed) {
    SessionData template = ResultsFilesGoldenTest.data(CountingMethod.CSO);
    List<SessionData.Station> previousStations = new ArrayList<>();
    List<SessionData.Station> nextStations = new ArrayList<>();
    Map<Integer, ResultsModel> originals = new HashMap<>();
    Map<Integer, PollingStationResults> corrected = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      int number = i + 1;
      PollingStationResults original = before.get(i).first();
      previousStations.add(new SessionData.Station(number, number, "Stembureau " + number, null, 0, original));
      // The seed picks which stations the CSB had recounted; some get the recount's figures.
      boolean recounted = ((seed >> (i % 10)) & 1) == 1 && i < recounts.size();
      PollingStationResults now = recounted ? recounts.get(i).corrected() : original;
      if (recounted) {
        originals.put(number, original);
        corrected.put(number, now);
      }
      nextStations.add(new SessionData.Station(number, number, "Stembureau " + number, null, 0, now));
    }
    SessionData previous = with(template, 1, previousStations);
    SessionData next = with(template, 2, nextStations);

    GsbResults oldTotals = ResultsFiles.totals(previous);
    GsbResults newTotals = ResultsFiles.totals(next);
    Count count = ResultsFiles.count(next, newTotals, originals, oldTotals);
    VoteCounts total = count.contests().get(0).total();

    for (int l = 0; l < 2; l++) {
      long expectedList = oldTotals.lists().get(l).total();
      for (int number : corrected.keySet()) {
        expectedList += corrected.get(number).lists().get(l).total() - originals.get(number).lists().get(l).total();
      }
      ListVotes list = total.lists().get(l);
      assertThat(list.votes()).isEqualTo(expectedList);
      assertThat(list.initialVotes()).isEqualTo(
          expectedList == oldTotals.lists().get(l).total() ? null : (long) oldTotals.lists().get(l).total());
      for (int k = 0; k < list.candidates().size(); k++) {
        long expected = oldTotals.lists().get(l).candidateVotes().get(k);
        for (int number : corrected.keySet()) {
          expected += corrected.get(number).lists().get(l).candidateVotes().get(k)
              - originals.get(number).lists().get(l).candidateVotes().get(k);
        }
        assertThat(list.candidates().get(k).votes()).isEqualTo(expected);
      }
    }
    long expectedBlank = oldTotals.votes().blankVotes();
    long expectedInvalid = oldTotals.votes().invalidVotes();
    for (int number : corrected.keySet()) {
      expectedBlank += corrected.get(number).votes().blankVotes() - originals.get(number).votes().blankVotes();
      expectedInvalid += corrected.get(number).votes().invalidVotes() - originals.get(number).votes().invalidVotes();
    }
    assertThat(total.blank()).isEqualTo(expectedBlank);
    assertThat(total.invalid()).isEqualTo(expectedInvalid);

    // Initial values only beside changed values, and only at corrected stations.
    for (ReportingUnitCount unit : count.contests().get(0).units()) {
      int number = Integer.parseInt(unit.id().substring(unit.id().indexOf("::SB") + 4));
      ResultsModel original = originals.get(number);
      for (int l = 0; l < 2; l++) {
        ListVotes list = unit.votes().lists().get(l);
        for (int k = 0; k < list.candidates().size(); k++) {
          CandidateVotes cv = list.candidates().get(k);
          if (original == null || original.lists().get(l).candidateVotes().get(k) == cv.votes()) {
            assertThat(cv.initialVotes()).isNull();
          } else {
            assertThat(cv.initialVotes()).isEqualTo((long) original.lists().get(l).candidateVotes().get(k));
          }
        }
      }
      Long initialBlank = unit.votes().initialRejected().get(RejectedReason.BLANK);
      if (original == null || original.votes().blankVotes() == unit.votes().blank()) {
        assertThat(initialBlank).isNull();
      } else {
        assertThat(initialBlank).isEqualTo((long) original.votes().blankVotes());
      }
    }
  }

  static SessionData with(SessionData d, int sessionNumber, List<SessionData.Station> stations) {
    return new SessionData(d.electionId(), d.electionName(), d.category(), d.subcategory(), d.electionDate(),
        d.municipalityName(), d.municipalityCode(), d.countingMethod(), sessionNumber, d.eligibleVoters(),
        d.shape(), d.lists(), stations, d.location(), d.start());
  }
}
