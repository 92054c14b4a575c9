package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;

/**
 * The votes for one list (lijsttotaal) with the votes per candidate in list order; appellation may be empty for a
 * list without appellation.
 */
public record ListVotes(int listNumber, String appellation, long votes, Long initialVotes,
    List<CandidateVotes> candidates) {
  public ListVotes {
    if (listNumber < 1) {
      throw new IllegalArgumentException("list number must be at least 1: " + listNumber);
    }
    Objects.requireNonNull(appellation, "appellation");
    VoteCount.check("list votes", votes);
    VoteCount.checkOptional("initial list votes", initialVotes);
    candidates = List.copyOf(candidates);
  }

  /** The sum of the candidates' votes. */
  public long candidateTotal() {
    long sum = 0;
    for (CandidateVotes c : candidates) {
      sum += c.votes();
    }
    return sum;
  }
}
