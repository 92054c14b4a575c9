package nl.uitslag.domain.election;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The candidate lists of an election as published by the central committee (EML 230b). */
public record CandidateLists(ElectionIdentifier election, LocalDate issueDate, List<ContestLists> contests) {
  public CandidateLists {
    Objects.requireNonNull(election, "election");
    contests = List.copyOf(contests);
  }

  /** The lists of the contest with this id, or null. */
  public ContestLists contest(String contestId) {
    for (ContestLists c : contests) {
      if (c.contestId().equals(contestId)) {
        return c;
      }
    }
    return null;
  }
}
