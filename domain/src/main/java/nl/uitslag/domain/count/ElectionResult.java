package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;

/** The result of an election as established by the central committee (EML 520): elected lists and candidates. */
public record ElectionResult(ElectionIdentifier election, ManagingAuthority authority, List<ContestResult> contests) {
  public ElectionResult {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(authority, "authority");
    contests = List.copyOf(contests);
  }
}
