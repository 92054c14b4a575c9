package nl.uitslag.domain.session;

import java.util.Objects;

/** The result of a committee-session operation. */
public sealed interface SessionOutcome {

  /**
   * Accepted. When {@code generatedFilesInvalidated}, the session left Completed: the generated documents and
   * count files must be deleted (and at the CSB the apportionment reset), as they no longer match the data.
   */
  record Changed(CommitteeSession session, boolean generatedFilesInvalidated) implements SessionOutcome {
    public Changed {
      Objects.requireNonNull(session, "session");
    }
  }

  /** Refused; nothing changed. */
  record Refused(SessionRefusal reason, String detail) implements SessionOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
