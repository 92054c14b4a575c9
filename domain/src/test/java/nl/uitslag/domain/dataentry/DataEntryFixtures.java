package nl.uitslag.domain.dataentry;

import static nl.uitslag.domain.results.ResultsFixtures.change;
import static nl.uitslag.domain.results.ResultsFixtures.count;
import static nl.uitslag.domain.results.ResultsFixtures.ticked;

import java.time.Instant;
import java.util.List;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsFixtures;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.validation.ValidationContext;

/** Entries and users for the double-entry tests: CSO first session, GR shape. */
final class DataEntryFixtures {
  private DataEntryFixtures() {}

  static final UserId ANNA = new UserId(1);
  static final UserId BERT = new UserId(2);
  static final UserId CAROL = new UserId(3);
  static final UserId COORDINATOR = new UserId(9);
  static final Instant T0 = Instant.parse("2026-03-18T21:00:00Z");

  static final ValidationContext CONTEXT = ValidationContext.withDefaults(ResultsFixtures.GR);
  static final ResultsModel INITIAL = ResultsFixtures.GR.emptyResults(ModelVariant.CSO_FIRST_SESSION);

  /** Clean: no errors, no warnings. */
  static final ResultsModel A = ResultsFixtures.csoFirst();
  /** Clean, differs from A in two candidate fields (a swapped reading). */
  static final ResultsModel B = change(A, "list.1.candidate.1", count(31), "list.1.candidate.2", count(19));
  /** Only the warning W.204 (nobody voted). */
  static final ResultsModel WARN = change(INITIAL,
      "extraInvestigation.otherReason", YesNo.NO, "extraInvestigation.ballotsRecounted", YesNo.NO,
      "countingDifferences.explainedBySb", YesNo.YES, "countingDifferences.listTotalsDiffer", YesNo.NO,
      "compare.equal", ticked(true));
  /** F.201: A + B ≠ D. */
  static final ResultsModel ERR = change(A, "A", count(99));
  /** F.201 as well, read differently from ERR. */
  static final ResultsModel ERR2 = change(A, "B", count(6));
  /** F.402 on list 1, differing from A only in a field where A and B differ (so allowed in a correction). */
  static final ResultsModel ERR_CANDIDATE = change(A, "list.1.candidate.1", count(29));
  /** Another model variant: saving it is refused. */
  static final ResultsModel OTHER_VARIANT = ResultsFixtures.dsoFirst();

  static final List<ResultsModel> CONTENTS = List.of(INITIAL, A, B, WARN, ERR, ERR2, ERR_CANDIDATE, OTHER_VARIANT);

  static DoubleEntry machine() {
    return new DoubleEntry(CONTEXT, INITIAL);
  }
}
