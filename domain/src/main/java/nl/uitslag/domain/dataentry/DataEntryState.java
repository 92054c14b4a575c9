package nl.uitslag.domain.dataentry;

import java.util.List;
import java.util.Objects;
import nl.uitslag.domain.results.ResultsModel;

/**
 * The state of the double entry of one data source (abacus.md §3.2). Each state holds exactly the data that
 * exists in it; {@link Definitive} can only be constructed from two equal entries by two different users.
 */
public sealed interface DataEntryState {

  /** The category shown in the coordinator's status overview. */
  DataEntryStatus status();

  /** Nothing entered. */
  record Empty() implements DataEntryState {
    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.NOT_STARTED;
    }
  }

  /**
   * The first typist is entering; {@code isCorrection} when the coordinator returned an entry with errors
   * to its typist after the paper was corrected.
   */
  record FirstEntryInProgress(EntryInProgress entry, boolean isCorrection) implements DataEntryState {
    public FirstEntryInProgress {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.FIRST_ENTRY_IN_PROGRESS;
    }
  }

  /** The first entry was finished with errors: the paper must be looked at by the coordinator. */
  record FirstEntryHasErrors(FinalisedEntry first) implements DataEntryState {
    public FirstEntryHasErrors {
      Objects.requireNonNull(first, "first");
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.ERRORS_IN_REPORT;
    }
  }

  /** The first entry is finished without errors; a second typist may start. */
  record FirstEntryFinalised(FinalisedEntry first) implements DataEntryState {
    public FirstEntryFinalised {
      Objects.requireNonNull(first, "first");
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.FIRST_ENTRY_FINISHED;
    }
  }

  /** A second typist, not the first, is entering. */
  record SecondEntryInProgress(FinalisedEntry first, EntryInProgress second) implements DataEntryState {
    public SecondEntryInProgress {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      if (first.by().equals(second.typist())) {
        throw new IllegalArgumentException("the second entry needs a different user than the first");
      }
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.SECOND_ENTRY_IN_PROGRESS;
    }
  }

  /** Both entries are finished and differ: the coordinator decides. */
  record EntriesDifferent(FinalisedEntry first, FinalisedEntry second) implements DataEntryState {
    public EntriesDifferent {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
    }

    /** The paths of every differing field, in paper order (the coordinator's differences view). */
    public List<String> differingFields() {
      return first.results().differingFields(second.results());
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.ENTRIES_DIFFERENT;
    }
  }

  /** The first entry's differing fields are being re-entered; the second entry is kept. */
  record FirstEntryCorrection(Correction correction, FinalisedEntry keptSecond) implements DataEntryState {
    public FirstEntryCorrection {
      Objects.requireNonNull(correction, "correction");
      Objects.requireNonNull(keptSecond, "keptSecond");
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.CORRECTION_IN_PROGRESS;
    }
  }

  /** The second entry's differing fields are being re-entered; the first entry is kept. */
  record SecondEntryCorrection(FinalisedEntry keptFirst, Correction correction) implements DataEntryState {
    public SecondEntryCorrection {
      Objects.requireNonNull(keptFirst, "keptFirst");
      Objects.requireNonNull(correction, "correction");
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.CORRECTION_IN_PROGRESS;
    }
  }

  /**
   * The result is definitive: two equal entries by two different users (product.md §3), without errors.
   * The constructor refuses anything else, so no sequence of operations can produce a weaker Definitive.
   */
  record Definitive(FinalisedEntry first, FinalisedEntry second) implements DataEntryState {
    public Definitive {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      if (!first.results().equals(second.results())) {
        throw new IllegalStateException("a definitive result needs two equal entries");
      }
      if (first.by().equals(second.by())) {
        throw new IllegalStateException("a definitive result needs entries by two different users");
      }
      if (second.origin() == EntryOrigin.IMPORTED) {
        throw new IllegalStateException("only the first entry can be an imported file");
      }
    }

    /** The definitive results. */
    public ResultsModel results() {
      return first.results();
    }

    /** Whether the definitive result carries accepted warnings (shown as a marker in the overview). */
    public boolean finalisedWithWarnings() {
      return second.withWarnings();
    }

    @Override
    public DataEntryStatus status() {
      return DataEntryStatus.DEFINITIVE;
    }
  }
}
