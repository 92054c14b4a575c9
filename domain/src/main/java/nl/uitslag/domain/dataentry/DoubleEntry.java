package nl.uitslag.domain.dataentry;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Accepted;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Refused;
import nl.uitslag.domain.dataentry.DataEntryState.Definitive;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryInProgress;
import nl.uitslag.domain.results.InvalidResultsException;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.domain.validation.ValidationResults;
import nl.uitslag.domain.validation.Validator;

/**
 * The double-entry state machine of one data source (abacus.md §3.2, with the decisions of product.md §3).
 * Immutable: every operation takes the current state, the acting user and the time, and returns a new state
 * or a refusal. The caller checks roles and the committee session (typists only while the session is in
 * data entry; coordinators also while paused) and stores the new state with an audit event.
 */
public final class DoubleEntry {
  private final ValidationContext context;
  private final ResultsModel initialEntry;

  /**
   * @param context the election's shape and thresholds
   * @param initialEntry the form a typist starts from: empty, or in a next session the previous definitive
   *     results (see {@link nl.uitslag.domain.results.NextSessionResults#prefilledFrom}); its variant is the
   *     only variant this data source accepts
   */
  public DoubleEntry(ValidationContext context, ResultsModel initialEntry) {
    this.context = Objects.requireNonNull(context, "context");
    this.initialEntry = Objects.requireNonNull(initialEntry, "initialEntry");
    context.shape().requireConforms(initialEntry);
  }

  /** The validation results of the given results in this election. */
  public ValidationResults validate(ResultsModel results) {
    return Validator.validate(results, context);
  }

  // ---------------------------------------------------------------- typist operations

  /** Claim (start or resume) entry 1 or 2. */
  public DataEntryOutcome claim(DataEntryState state, EntryNumber n, UserId user, Instant now) {
    if (n == EntryNumber.FIRST) {
      if (state instanceof Empty) {
        return typistAccepted(new FirstEntryInProgress(fresh(user, now), false), DataEntryEvent.STARTED, user, now,
            n);
      }
      if (state instanceof FirstEntryInProgress || state instanceof FirstEntryCorrection) {
        return resumeIfOwner(state, n, user, now);
      }
      if (state instanceof FirstEntryFinalised) {
        return refuse(Refusal.FIRST_ENTRY_ALREADY_FINALISED, "the first entry is already finished");
      }
      if (state instanceof Definitive) {
        return refuse(Refusal.SECOND_ENTRY_ALREADY_FINALISED, "the result is already definitive");
      }
      return wrongState(state, "claim the first entry");
    }
    if (state instanceof FirstEntryFinalised f) {
      if (f.first().by().equals(user)) {
        return refuse(Refusal.NEEDS_DIFFERENT_USER, "the second entry must be made by someone else than the first");
      }
      return typistAccepted(new SecondEntryInProgress(f.first(), fresh(user, now)), DataEntryEvent.STARTED, user,
          now, n);
    }
    if (state instanceof SecondEntryInProgress || state instanceof SecondEntryCorrection) {
      return resumeIfOwner(state, n, user, now);
    }
    if (state instanceof Definitive) {
      return refuse(Refusal.SECOND_ENTRY_ALREADY_FINALISED, "the result is already definitive");
    }
    return wrongState(state, "claim the second entry");
  }

  /**
   * Save the typist's work so far. Never blocked by validation errors; refused for another user, another
   * model variant, results that do not fit the election, or (in a correction) a change to a closed field.
   */
  public DataEntryOutcome save(
      DataEntryState state, EntryNumber n, UserId user, ResultsModel results, int progress, String clientState,
      Instant now) {
    Optional<EntryInProgress> current = inProgress(state, n);
    if (current.isEmpty()) {
      return wrongState(state, "save entry " + n.number());
    }
    if (!current.get().typist().equals(user)) {
      return refuse(Refusal.NOT_THE_OWNER, "entry " + n.number() + " was claimed by someone else");
    }
    if (results.variant() != initialEntry.variant()) {
      return refuse(Refusal.MODEL_VARIANT_CHANGED,
          "expected " + initialEntry.variant().paperModel() + ", got " + results.variant().paperModel());
    }
    if (progress < 0 || progress > 100) {
      return refuse(Refusal.INVALID_RESULTS, "progress is 0..100: " + progress);
    }
    try {
      context.shape().requireConforms(results);
    } catch (InvalidResultsException e) {
      return refuse(Refusal.INVALID_RESULTS, e.getMessage());
    }
    EntryInProgress updated = new EntryInProgress(user, results, progress, clientState == null ? "" : clientState,
        now);
    DataEntryState next;
    if (state instanceof FirstEntryInProgress f) {
      next = new FirstEntryInProgress(updated, f.isCorrection());
    } else if (state instanceof SecondEntryInProgress s) {
      next = new SecondEntryInProgress(s.first(), updated);
    } else if (state instanceof FirstEntryCorrection c) {
      Optional<String> closed = closedFieldChanged(c.correction(), results);
      if (closed.isPresent()) {
        return refuse(Refusal.FIELD_NOT_OPEN_FOR_CORRECTION, closed.get() + " is not open for correction");
      }
      next = new FirstEntryCorrection(c.correction().with(updated), c.keptSecond());
    } else {
      SecondEntryCorrection c = (SecondEntryCorrection) state;
      Optional<String> closed = closedFieldChanged(c.correction(), results);
      if (closed.isPresent()) {
        return refuse(Refusal.FIELD_NOT_OPEN_FOR_CORRECTION, closed.get() + " is not open for correction");
      }
      next = new SecondEntryCorrection(c.keptFirst(), c.correction().with(updated));
    }
    return typistAccepted(next, DataEntryEvent.SAVED, user, now, n);
  }

  /** Finish entry 1 or 2 (abacus.md §3.2 "finalise"). */
  public DataEntryOutcome finalise(DataEntryState state, EntryNumber n, UserId user, Instant now) {
    Optional<EntryInProgress> current = inProgress(state, n);
    if (current.isEmpty()) {
      return wrongState(state, "finalise entry " + n.number());
    }
    EntryInProgress entry = current.get();
    if (!entry.typist().equals(user)) {
      return refuse(Refusal.NOT_THE_OWNER, "entry " + n.number() + " was claimed by someone else");
    }
    FinalisedEntry finished = finish(entry.typist(), entry.results(), now, EntryOrigin.TYPED);
    if (state instanceof FirstEntryInProgress) {
      boolean errors = validate(entry.results()).hasErrors();
      DataEntryState next = errors ? new FirstEntryHasErrors(finished) : new FirstEntryFinalised(finished);
      return accepted(next, DataEntryEvent.FINALISED, user, now);
    }
    if (state instanceof FirstEntryCorrection c) {
      return compareBoth(finished, c.keptSecond(), user, now);
    }
    FinalisedEntry first = state instanceof SecondEntryInProgress s
        ? s.first()
        : ((SecondEntryCorrection) state).keptFirst();
    return compareBoth(first, finished, user, now);
  }

  /** Throw away the typist's own unfinished entry 1 or 2. */
  public DataEntryOutcome discard(DataEntryState state, EntryNumber n, UserId user, Instant now) {
    Optional<EntryInProgress> current = inProgress(state, n);
    if (current.isEmpty()) {
      return wrongState(state, "discard entry " + n.number());
    }
    if (!current.get().typist().equals(user)) {
      return refuse(Refusal.NOT_THE_OWNER, "entry " + n.number() + " was claimed by someone else");
    }
    if (state instanceof FirstEntryInProgress) {
      return accepted(new Empty(), DataEntryEvent.DISCARDED, user, now);
    }
    if (state instanceof FirstEntryCorrection c) {
      // The kept second entry and its typist become the first.
      return accepted(new FirstEntryFinalised(revalidated(c.keptSecond())), DataEntryEvent.DISCARDED, user, now);
    }
    FinalisedEntry first = state instanceof SecondEntryInProgress s
        ? s.first()
        : ((SecondEntryCorrection) state).keptFirst();
    return accepted(new FirstEntryFinalised(first), DataEntryEvent.DISCARDED, user, now);
  }

  /**
   * What the given typist may see of entry 1 or 2: only when they own it. The kept other entry of a
   * correction is never part of it, nor is W.001 (product.md §3: re-entry without bias).
   */
  public Optional<TypistView> typistView(DataEntryState state, EntryNumber n, UserId user) {
    Optional<EntryInProgress> current = inProgress(state, n);
    if (current.isEmpty() || !current.get().typist().equals(user)) {
      return Optional.empty();
    }
    EntryInProgress entry = current.get();
    ValidationResults validation = validate(entry.results());
    Set<String> toReEnter = Set.of();
    if (state instanceof FirstEntryCorrection c) {
      toReEnter = c.correction().fieldsToReEnter();
      validation = validation.plus(Validator.fieldsToReEnter(entry.results(), toReEnter));
    } else if (state instanceof SecondEntryCorrection c) {
      toReEnter = c.correction().fieldsToReEnter();
      validation = validation.plus(Validator.fieldsToReEnter(entry.results(), toReEnter));
    } else if (state instanceof SecondEntryInProgress s) {
      validation = validation.plus(Validator.differencesWithFirstEntry(entry.results(), s.first().results()));
    }
    return Optional.of(new TypistView(n, entry.results(), entry.progress(), entry.clientState(), toReEnter,
        validation));
  }

  // ---------------------------------------------------------------- imported files

  /**
   * Store an imported, verified count file as the first entry (a "digital first entry"); the user who
   * imported it counts as its author, so the second entry must be typed by someone else.
   */
  public DataEntryOutcome importDigitalEntry(DataEntryState state, UserId user, ResultsModel results, Instant now) {
    if (!(state instanceof Empty)) {
      return wrongState(state, "import a count file");
    }
    if (results.variant() != initialEntry.variant()) {
      return refuse(Refusal.MODEL_VARIANT_CHANGED,
          "expected " + initialEntry.variant().paperModel() + ", got " + results.variant().paperModel());
    }
    try {
      context.shape().requireConforms(results);
    } catch (InvalidResultsException e) {
      return refuse(Refusal.INVALID_RESULTS, e.getMessage());
    }
    FinalisedEntry imported = finish(user, results, now, EntryOrigin.IMPORTED);
    boolean errors = validate(results).hasErrors();
    return accepted(errors ? new FirstEntryHasErrors(imported) : new FirstEntryFinalised(imported),
        DataEntryEvent.IMPORTED, user, now);
  }

  // ---------------------------------------------------------------- coordinator operations

  /** Resolve a first entry finished with errors (only in {@link FirstEntryHasErrors}). */
  public DataEntryOutcome resolveErrors(
      DataEntryState state, ErrorResolution action, UserId coordinator, Instant now) {
    if (!(state instanceof FirstEntryHasErrors e)) {
      return wrongState(state, "resolve errors");
    }
    if (action == ErrorResolution.DISCARD_FIRST_ENTRY) {
      return accepted(new Empty(), DataEntryEvent.DISCARDED_FIRST, coordinator, now);
    }
    if (e.first().origin() == EntryOrigin.IMPORTED) {
      return refuse(Refusal.DIGITAL_ENTRY_NOT_CORRECTABLE, "an imported file cannot be returned to a typist");
    }
    // Back to its own typist, from the start of the form: the paper has been corrected.
    EntryInProgress resumed = new EntryInProgress(e.first().by(), e.first().results(), 0, "", now);
    return accepted(new FirstEntryInProgress(resumed, true), DataEntryEvent.RETURNED_FIRST, coordinator, now);
  }

  /** Resolve two differing entries (only in {@link EntriesDifferent}). */
  public DataEntryOutcome resolveDifferences(
      DataEntryState state, DifferenceResolution action, UserId coordinator, Instant now) {
    if (!(state instanceof EntriesDifferent d)) {
      return wrongState(state, "resolve differences");
    }
    switch (action) {
      case KEEP_FIRST_DISCARD_SECOND:
        return accepted(keep(d.first()), DataEntryEvent.KEPT_FIRST, coordinator, now);
      case KEEP_SECOND_DISCARD_FIRST:
        return accepted(keep(d.second()), DataEntryEvent.KEPT_SECOND, coordinator, now);
      case KEEP_FIRST_CORRECT_SECOND: {
        Optional<Refused> refused = mayCorrect(d.first(), d.second());
        if (refused.isPresent()) {
          return refused.get();
        }
        Correction c = correctionOf(d.second(), d.first(), now);
        return accepted(new SecondEntryCorrection(d.first(), c), DataEntryEvent.KEPT_FIRST_RETURNED_SECOND,
            coordinator, now);
      }
      case KEEP_SECOND_CORRECT_FIRST: {
        Optional<Refused> refused = mayCorrect(d.second(), d.first());
        if (refused.isPresent()) {
          return refused.get();
        }
        Correction c = correctionOf(d.first(), d.second(), now);
        return accepted(new FirstEntryCorrection(c, d.second()), DataEntryEvent.KEPT_SECOND_RETURNED_FIRST,
            coordinator, now);
      }
      case DISCARD_BOTH:
        return accepted(new Empty(), DataEntryEvent.DISCARDED_BOTH, coordinator, now);
      default:
        throw new IllegalArgumentException("unknown resolution " + action);
    }
  }

  /**
   * Throw away all entries. Refused while the coordinator has a decision to make (errors or differences):
   * those have their own resolutions.
   */
  public DataEntryOutcome reset(DataEntryState state, UserId coordinator, Instant now) {
    if (state instanceof FirstEntryHasErrors || state instanceof EntriesDifferent) {
      return wrongState(state, "reset");
    }
    return accepted(new Empty(), DataEntryEvent.RESET, coordinator, now);
  }

  /** The validation results of the entry the coordinator sees in this state, if there is one entry to show. */
  public Optional<ValidationResults> coordinatorValidation(DataEntryState state) {
    Optional<ResultsModel> shown = Optional.empty();
    if (state instanceof FirstEntryInProgress f) {
      shown = Optional.of(f.entry().results());
    } else if (state instanceof FirstEntryHasErrors e) {
      shown = Optional.of(e.first().results());
    } else if (state instanceof FirstEntryFinalised f) {
      shown = Optional.of(f.first().results());
    } else if (state instanceof SecondEntryInProgress s) {
      shown = Optional.of(s.second().results());
    } else if (state instanceof FirstEntryCorrection c) {
      shown = Optional.of(c.correction().entry().results());
    } else if (state instanceof SecondEntryCorrection c) {
      shown = Optional.of(c.correction().entry().results());
    } else if (state instanceof Definitive d) {
      shown = Optional.of(d.results());
    }
    return shown.map(this::validate);
  }

  // ---------------------------------------------------------------- helpers

  private EntryInProgress fresh(UserId user, Instant now) {
    return new EntryInProgress(user, initialEntry, 0, "", now);
  }

  private FinalisedEntry finish(UserId by, ResultsModel results, Instant at, EntryOrigin origin) {
    return new FinalisedEntry(by, results, at, origin, validate(results).hasWarnings());
  }

  private FinalisedEntry revalidated(FinalisedEntry entry) {
    return new FinalisedEntry(entry.by(), entry.results(), entry.finishedAt(), entry.origin(),
        validate(entry.results()).hasWarnings());
  }

  /** A kept entry becomes the first again, re-validated: errors → FirstEntryHasErrors, else finalised. */
  private DataEntryState keep(FinalisedEntry kept) {
    FinalisedEntry again = revalidated(kept);
    return validate(kept.results()).hasErrors() ? new FirstEntryHasErrors(again) : new FirstEntryFinalised(again);
  }

  private Optional<Refused> mayCorrect(FinalisedEntry kept, FinalisedEntry corrected) {
    if (corrected.origin() == EntryOrigin.IMPORTED) {
      return Optional.of(new Refused(Refusal.DIGITAL_ENTRY_NOT_CORRECTABLE, "an imported file cannot be corrected"));
    }
    if (validate(kept.results()).hasErrors()) {
      return Optional.of(new Refused(Refusal.KEPT_ENTRY_HAS_ERRORS, "the kept entry has errors"));
    }
    return Optional.empty();
  }

  /** The entry to correct, with the fields that differ from the kept one cleared, for its own typist. */
  private static Correction correctionOf(FinalisedEntry toCorrect, FinalisedEntry kept, Instant now) {
    Set<String> differing = new HashSet<>(toCorrect.results().differingFields(kept.results()));
    ResultsModel cleared = toCorrect.results().withCleared(differing);
    return new Correction(new EntryInProgress(toCorrect.by(), cleared, 0, "", now), cleared, differing);
  }

  private static Optional<String> closedFieldChanged(Correction c, ResultsModel results) {
    List<ResultsField> before = c.startedFrom().fields();
    List<ResultsField> after = results.fields();
    for (int i = 0; i < before.size(); i++) {
      String path = before.get(i).path();
      if (!c.fieldsToReEnter().contains(path) && !before.get(i).value().equals(after.get(i).value())) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  private DataEntryOutcome compareBoth(FinalisedEntry first, FinalisedEntry second, UserId user, Instant now) {
    if (!first.results().equals(second.results())) {
      return accepted(new EntriesDifferent(first, second), DataEntryEvent.FINALISED, user, now);
    }
    if (validate(second.results()).hasErrors()) {
      return refuse(Refusal.HAS_ERRORS, "equal entries with errors cannot become definitive");
    }
    return accepted(new Definitive(first, second), DataEntryEvent.FINALISED, user, now);
  }

  private static Optional<EntryInProgress> inProgress(DataEntryState state, EntryNumber n) {
    if (n == EntryNumber.FIRST) {
      if (state instanceof FirstEntryInProgress f) {
        return Optional.of(f.entry());
      }
      if (state instanceof FirstEntryCorrection c) {
        return Optional.of(c.correction().entry());
      }
    } else {
      if (state instanceof SecondEntryInProgress s) {
        return Optional.of(s.second());
      }
      if (state instanceof SecondEntryCorrection c) {
        return Optional.of(c.correction().entry());
      }
    }
    return Optional.empty();
  }

  private DataEntryOutcome resumeIfOwner(DataEntryState state, EntryNumber n, UserId user, Instant now) {
    EntryInProgress entry = inProgress(state, n).orElseThrow();
    if (!entry.typist().equals(user)) {
      return refuse(Refusal.ALREADY_CLAIMED, "entry " + n.number() + " was claimed by someone else");
    }
    return typistAccepted(state, DataEntryEvent.RESUMED, user, now, n);
  }

  private DataEntryOutcome typistAccepted(
      DataEntryState next, DataEntryEvent event, UserId user, Instant now, EntryNumber n) {
    return new Accepted(next, event, user, now, typistView(next, n, user).orElseThrow());
  }

  private static DataEntryOutcome accepted(DataEntryState next, DataEntryEvent event, UserId user, Instant now) {
    return new Accepted(next, event, user, now, null);
  }

  private static Refused refuse(Refusal reason, String detail) {
    return new Refused(reason, detail);
  }

  private static Refused wrongState(DataEntryState state, String operation) {
    return new Refused(Refusal.WRONG_STATE,
        "cannot " + operation + " in state " + state.getClass().getSimpleName());
  }
}
