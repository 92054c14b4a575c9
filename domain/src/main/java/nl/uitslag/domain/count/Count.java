package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;

/**
 * A count reported by one committee (GSB 510b, HSB 510c, CSB 510d): which election, which committee, how it was
 * counted, whether it is a first session or a corrigendum, and the counts per contest. countingMethod and phase
 * are null when not stated.
 */
public record Count(
    ElectionIdentifier election,
    ManagingAuthority authority,
    CountingMethod countingMethod,
    Phase phase,
    List<ContestCount> contests) {
  public Count {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(authority, "authority");
    contests = List.copyOf(contests);
    if (contests.isEmpty()) {
      throw new IllegalArgumentException("a count has at least one contest");
    }
  }
}
