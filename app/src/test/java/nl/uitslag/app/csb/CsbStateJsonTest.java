package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.CountFileRows;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import nl.uitslag.domain.validation.ValidationContext;
import org.junit.jupiter.api.Test;

/** Every double-entry state of GSB totals is stored and read back unchanged, including corrections. */
class CsbStateJsonTest {
  static final ResultsShape SHAPE = new ResultsShape(List.of(new ListShape(1, 2), new ListShape(2, 1)), false);
  static final DoubleEntry DE = new DoubleEntry(ValidationContext.withDefaults(SHAPE),
      SHAPE.emptyResults(ModelVariant.GSB_TOTALS));
  static final UserId IMPORTER = new UserId(1);
  static final UserId TYPIST = new UserId(2);
  static final Instant T = Instant.parse("2022-03-17T10:00:00Z");

  static GsbResults totals(int a) {
    int l1 = a + 5;
    int e = l1 + 10;
    return new GsbResults(500, new VoterCounts(e + 3, 0, null, e + 3),
        new VotesCounts(List.of(new ListTotal(1, l1), new ListTotal(2, 10)), e, 2, 1, e + 3), 0, 0,
        List.of(new ListVotes(1, List.of(a, 5), l1), new ListVotes(2, List.of(10), 10)));
  }

  private static DataEntryState next(DataEntryOutcome o) {
    assertThat(o.isAccepted()).as(o.toString()).isTrue();
    return ((DataEntryOutcome.Accepted) o).state();
  }

  private static void roundTrip(DataEntryState s) {
    assertThat(CsbStateJson.read(CsbStateJson.write(s), SHAPE)).isEqualTo(s);
  }

  @Test
  void everyStateOfAnImportedFirstEntryAndATypedSecondEntryRoundTrips() {
    DataEntryState empty = new DataEntryState.Empty();
    roundTrip(empty);
    DataEntryState imported = next(DE.importDigitalEntry(empty, IMPORTER, totals(20), T));
    roundTrip(imported);
    DataEntryState second = next(DE.claim(imported, EntryNumber.SECOND, TYPIST, T));
    second = next(DE.save(second, EntryNumber.SECOND, TYPIST, totals(21), 50, "{\"x\":1}", T));
    roundTrip(second);
    DataEntryState different = next(DE.finalise(second, EntryNumber.SECOND, TYPIST, T));
    assertThat(different).isInstanceOf(DataEntryState.EntriesDifferent.class);
    roundTrip(different);
    DataEntryState correction = next(DE.resolveDifferences(different, DifferenceResolution.KEEP_FIRST_CORRECT_SECOND,
        IMPORTER, T));
    assertThat(correction).isInstanceOf(DataEntryState.SecondEntryCorrection.class);
    roundTrip(correction);
    DataEntryState claimed = next(DE.claim(correction, EntryNumber.SECOND, TYPIST, T));
    DataEntryState saved = next(DE.save(claimed, EntryNumber.SECOND, TYPIST, totals(20), 100, "", T));
    DataEntryState definitive = next(DE.finalise(saved, EntryNumber.SECOND, TYPIST, T));
    assertThat(definitive).isInstanceOf(DataEntryState.Definitive.class);
    roundTrip(definitive);
  }

  @Test
  void anImportedFileWithExplanationRowsAndNoAdmittedVotersIsStoredWithItsRowsAndDefinitiveWithThem() {
    CountFileRows rows = new CountFileRows(false, java.util.Map.of(Explanation.NO_EXPLANATION, 34,
        Explanation.BALLOTS_TAKEN_AWAY, 30, Explanation.TOO_MANY_POSTAL_BALLOTS, 0));
    DataEntryState imported = next(DE.importDigitalEntry(new DataEntryState.Empty(), IMPORTER,
        totals(20).withRows(rows), T));
    roundTrip(imported);
    assertThat(CsbStateJson.write(imported)).contains("\"NO_EXPLANATION\":34");
    DataEntryState second = next(DE.claim(imported, EntryNumber.SECOND, TYPIST, T));
    // The typed second entry takes the file's rows (CsbService), so the two compare on the keyed fields.
    second = next(DE.save(second, EntryNumber.SECOND, TYPIST, totals(20).withRows(rows), 100, "", T));
    DataEntryState definitive = next(DE.finalise(second, EntryNumber.SECOND, TYPIST, T));
    assertThat(definitive).isInstanceOf(DataEntryState.Definitive.class);
    roundTrip(definitive);
    assertThat(((GsbResults) ((DataEntryState.Definitive) CsbStateJson.read(CsbStateJson.write(definitive), SHAPE))
        .results()).rows()).isEqualTo(rows);
  }

  @Test
  void totalsWithoutRowsKeepThePlainArraySoOlderStatesReadUnchanged() {
    DataEntryState imported = next(DE.importDigitalEntry(new DataEntryState.Empty(), IMPORTER, totals(20), T));
    assertThat(CsbStateJson.write(imported)).doesNotContain("explanations");
  }

  @Test
  void typedFirstEntriesWithErrorsAndInProgressRoundTrip() {
    DataEntryState first = next(DE.claim(new DataEntryState.Empty(), EntryNumber.FIRST, TYPIST, T));
    roundTrip(first);
    GsbResults good = totals(20);
    GsbResults bad = new GsbResults(500, good.voters(), new VotesCounts(good.votes().listTotals(), 99, 2, 1, 38), 0,
        0, good.lists());
    DataEntryState saved = next(DE.save(first, EntryNumber.FIRST, TYPIST, bad, 100, "", T));
    DataEntryState errors = next(DE.finalise(saved, EntryNumber.FIRST, TYPIST, T));
    assertThat(errors).isInstanceOf(DataEntryState.FirstEntryHasErrors.class);
    roundTrip(errors);
  }
}
