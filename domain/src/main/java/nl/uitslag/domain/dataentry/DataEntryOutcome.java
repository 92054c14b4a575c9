package nl.uitslag.domain.dataentry;

import java.time.Instant;
import java.util.Objects;

/** The result of a data-entry operation: accepted with a new state, or refused with a reason. */
public sealed interface DataEntryOutcome {

  /**
   * The operation was accepted. {@code state} is what to store; {@code typistView} (null for coordinator
   * operations and for finalise/discard) is the only thing to show the typist.
   */
  record Accepted(DataEntryState state, DataEntryEvent event, UserId actor, Instant at, TypistView typistView)
      implements DataEntryOutcome {
    public Accepted {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The operation was refused and nothing changed. */
  record Refused(Refusal reason, String detail) implements DataEntryOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Whether the operation was accepted. */
  default boolean isAccepted() {
    return this instanceof Accepted;
  }
}
