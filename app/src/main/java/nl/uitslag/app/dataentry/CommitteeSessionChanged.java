package nl.uitslag.app.dataentry;

import java.util.Objects;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.domain.session.CommitteeSessionStatus;

/**
 * A committee session changed status (e.g. the coordinator finished or resumed data entry). Published inside
 * the transaction of the change, so a listener's own writes commit or roll back together with it; other
 * features listen to it instead of {@code dataentry} knowing them.
 */
public record CommitteeSessionChanged(
    long committeeId, long sessionId, int sessionNumber, CommitteeSessionStatus from, CommitteeSessionStatus to,
    Actor actor) {
  public CommitteeSessionChanged {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
  }
}
