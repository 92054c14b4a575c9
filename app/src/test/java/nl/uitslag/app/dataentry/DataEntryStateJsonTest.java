package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.validation.ValidationContext;
import org.junit.jupiter.api.Test;

/** Every double-entry state survives being stored as JSON and read back, for both counting methods. */
class DataEntryStateJsonTest {
  static final Instant T = Instant.parse("2026-03-18T21:15:30.123456Z");
  static final UserId ANNA = new UserId(11);
  static final UserId BERT = new UserId(12);
  static final UserId COORD = new UserId(1);

  @Test
  void everyStateOfACsoFirstSessionRoundTrips() {
    assertAllRoundTrip(CountingMethod.CSO, false);
  }

  @Test
  void everyStateOfADsoFirstSessionWithVoterCardsRoundTrips() {
    assertAllRoundTrip(CountingMethod.DSO, true);
  }

  @Test
  void aDamagedStoredStateIsRefusedWithTheReason() {
    assertThatThrownBy(() -> DataEntryStateJson.read("{\"type\":\"Approved\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Approved");
  }

  private void assertAllRoundTrip(CountingMethod method, boolean voterCards) {
    List<DataEntryState> states = reachableStates(method, voterCards);
    assertThat(states.stream().map(s -> s.getClass().getSimpleName()).distinct())
        .as("every state record is covered")
        .hasSize(DataEntryState.class.getPermittedSubclasses().length);
    for (DataEntryState s : states) {
      String json = DataEntryStateJson.write(s);
      assertThat(DataEntryStateJson.read(json)).as(json).isEqualTo(s);
      assertThat(DataEntryStateJson.write(DataEntryStateJson.read(json))).isEqualTo(json);
    }
  }

  /** Drives the machine through every state, with realistic, different values per entry. */
  static List<DataEntryState> reachableStates(CountingMethod method, boolean voterCards) {
    ResultsShape shape = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(4, 2)), voterCards);
    ResultsModel empty = shape.emptyResults(ModelVariant.forPollingStation(method, 1));
    DoubleEntry de = new DoubleEntry(ValidationContext.withDefaults(shape), empty);
    ResultsModel typed = empty.with(Map.of(
        "A", new FieldValue.Count(100), "D", new FieldValue.Count(100), "H", new FieldValue.Count(100),
        "E", new FieldValue.Count(97), "F", new FieldValue.Count(3), "difference.explained", YesNo.BOTH,
        "compare.equal", new FieldValue.Checkbox(true), "list.1.candidate.2", new FieldValue.Count(97)));
    ResultsModel other = typed.with(Map.of("F", new FieldValue.Count(2), "G", new FieldValue.Count(1)));
    List<DataEntryState> states = new ArrayList<>();
    DataEntryState s = new DataEntryState.Empty();
    states.add(s);
    s = ok(de.claim(s, EntryNumber.FIRST, ANNA, T));
    s = ok(de.save(s, EntryNumber.FIRST, ANNA, typed, 40, "section=2", T.plusSeconds(1)));
    states.add(s);
    DataEntryState errors = ok(de.finalise(s, EntryNumber.FIRST, ANNA, T.plusSeconds(2)));
    states.add(errors); // the typed entry has errors (list totals missing)
    // An entry without errors: empty lists, all zero except a consistent blank vote count.
    ResultsModel clean = empty.with(Map.of("A", new FieldValue.Count(5), "D", new FieldValue.Count(5),
        "F", new FieldValue.Count(5), "H", new FieldValue.Count(5), "compare.equal", new FieldValue.Checkbox(true)))
        .with(method == CountingMethod.CSO
            ? Map.of("countingDifferences.explainedBySb", YesNo.YES, "countingDifferences.listTotalsDiffer", YesNo.NO)
            : Map.of("aboutReport.corrigendumPresent", YesNo.NO, "aboutReport.checksPagePresent", YesNo.NO));
    ResultsModel cleanOther = clean.with(Map.of("A", new FieldValue.Count(4), "B", new FieldValue.Count(1)));
    s = ok(de.claim(new DataEntryState.Empty(), EntryNumber.FIRST, ANNA, T));
    s = ok(de.save(s, EntryNumber.FIRST, ANNA, clean, 100, "", T));
    s = ok(de.finalise(s, EntryNumber.FIRST, ANNA, T));
    states.add(s);
    s = ok(de.claim(s, EntryNumber.SECOND, BERT, T));
    s = ok(de.save(s, EntryNumber.SECOND, BERT, cleanOther, 100, "", T));
    states.add(s);
    DataEntryState different = ok(de.finalise(s, EntryNumber.SECOND, BERT, T));
    states.add(different);
    states.add(ok(de.resolveDifferences(different, DifferenceResolution.KEEP_FIRST_CORRECT_SECOND, COORD, T)));
    states.add(ok(de.resolveDifferences(different, DifferenceResolution.KEEP_SECOND_CORRECT_FIRST, COORD, T)));
    DataEntryState second = ok(de.claim(ok(de.resolveDifferences(different,
        DifferenceResolution.KEEP_FIRST_DISCARD_SECOND, COORD, T)), EntryNumber.SECOND, BERT, T));
    second = ok(de.save(second, EntryNumber.SECOND, BERT, clean, 100, "", T));
    states.add(ok(de.finalise(second, EntryNumber.SECOND, BERT, T)));
    assertThat(other).isNotEqualTo(typed);
    return states;
  }

  private static DataEntryState ok(DataEntryOutcome o) {
    assertThat(o).isInstanceOf(DataEntryOutcome.Accepted.class);
    return ((DataEntryOutcome.Accepted) o).state();
  }
}
