package nl.uitslag.domain.session;

import static nl.uitslag.domain.session.CommitteeSessionStatus.COMPLETED;
import static nl.uitslag.domain.session.CommitteeSessionStatus.CREATED;
import static nl.uitslag.domain.session.CommitteeSessionStatus.DATA_ENTRY;
import static nl.uitslag.domain.session.CommitteeSessionStatus.IN_PREPARATION;
import static nl.uitslag.domain.session.CommitteeSessionStatus.PAUSED;

import java.util.Objects;
import nl.uitslag.domain.session.SessionOutcome.Changed;
import nl.uitslag.domain.session.SessionOutcome.Refused;

/**
 * A session (zitting) of a GSB or CSB: its number (1 = first session; a GSB's next sessions are corrigenda
 * ordered by the CSB) and its status. Transitions follow abacus.md §3.2:
 * Created → InPreparation → DataEntry ⇄ Paused → Completed → DataEntry …
 */
public record CommitteeSession(int number, CommitteeSessionStatus status) {
  public CommitteeSession {
    if (number < 1) {
      throw new IllegalArgumentException("session numbers start at 1: " + number);
    }
    Objects.requireNonNull(status, "status");
  }

  /** The first session of a committee, just created. */
  public static CommitteeSession first() {
    return new CommitteeSession(1, CREATED);
  }

  /**
   * A next session (corrigendum after a CSB order): only once the current session is completed, which then
   * becomes read-only (abacus.md §2).
   */
  public static SessionOutcome next(CommitteeSession current) {
    if (current.status != COMPLETED) {
      return new Refused(SessionRefusal.PREVIOUS_NOT_COMPLETED,
          "session " + current.number + " is " + current.status.dutchLabel());
    }
    return new Changed(new CommitteeSession(current.number + 1, CREATED), false);
  }

  /** Whether this session may be deleted: a next session still in preparation without investigations. */
  public boolean mayBeDeleted(boolean hasInvestigations) {
    return number > 1 && (status == CREATED || status == IN_PREPARATION) && !hasInvestigations;
  }

  /** A polling station, investigation or sub-committee was added. */
  public SessionOutcome dataSourceAdded() {
    if (status == CREATED) {
      return to(IN_PREPARATION);
    }
    return dataSourceChanged();
  }

  /**
   * A data source was changed or deleted (not the last), or a data entry was reset: a completed session
   * returns to data entry, because its documents no longer match.
   */
  public SessionOutcome dataSourceChanged() {
    if (status == COMPLETED) {
      return to(DATA_ENTRY);
    }
    return new Changed(this, false);
  }

  /** The last data source was removed: back to Created, whatever the status was. */
  public SessionOutcome lastDataSourceRemoved() {
    return to(CREATED);
  }

  /** The coordinator starts data entry. */
  public SessionOutcome start() {
    if (status == CREATED) {
      return new Refused(SessionRefusal.NO_DATA_SOURCES, "add a polling station or investigation first");
    }
    return from(IN_PREPARATION, DATA_ENTRY, "start data entry");
  }

  /** The coordinator pauses data entry: typists can no longer act. */
  public SessionOutcome pause() {
    return from(DATA_ENTRY, PAUSED, "pause");
  }

  /** The coordinator resumes paused data entry. */
  public SessionOutcome unpause() {
    return from(PAUSED, DATA_ENTRY, "resume paused data entry");
  }

  /** The coordinator finishes data entry; only when every required entry is definitive. */
  public SessionOutcome complete(CompletionCheck check) {
    if (status != DATA_ENTRY && status != PAUSED) {
      return wrong("finish data entry");
    }
    if (check.investigationsInProgress() > 0) {
      return new Refused(SessionRefusal.INVESTIGATIONS_IN_PROGRESS,
          check.investigationsInProgress() + " investigation(s) not concluded");
    }
    if (check.entriesNotDefinitive() > 0) {
      return new Refused(SessionRefusal.ENTRIES_NOT_DEFINITIVE,
          check.entriesNotDefinitive() + " entry/entries not definitive");
    }
    return to(COMPLETED);
  }

  /** The coordinator reopens a completed session for corrections before the session is closed. */
  public SessionOutcome reopen() {
    return from(COMPLETED, DATA_ENTRY, "resume data entry");
  }

  private SessionOutcome from(CommitteeSessionStatus required, CommitteeSessionStatus target, String what) {
    return status == required ? to(target) : wrong(what);
  }

  private SessionOutcome to(CommitteeSessionStatus target) {
    return new Changed(new CommitteeSession(number, target), status == COMPLETED && target != COMPLETED);
  }

  private Refused wrong(String what) {
    return new Refused(SessionRefusal.WRONG_STATUS, "cannot " + what + " when " + status.dutchLabel());
  }
}
