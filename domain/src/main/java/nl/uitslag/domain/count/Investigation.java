package nl.uitslag.domain.count;

import java.util.Objects;

/** One investigation flag of a polling station: the reason and whether it applies. */
public record Investigation(InvestigationReason reason, boolean value) {
  public Investigation {
    Objects.requireNonNull(reason, "reason");
  }
}
