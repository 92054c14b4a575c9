package nl.uitslag.domain.results;

import java.util.List;
import java.util.Objects;

/**
 * The page of one list: votes per candidate, ordered by candidate number (1, 2, …), and the list total
 * written at the bottom of the page.
 */
public record ListVotes(int listNumber, List<Integer> candidateVotes, int total) {
  public ListVotes {
    if (listNumber < 1) {
      throw new InvalidResultsException(null, "list numbers start at 1: " + listNumber);
    }
    candidateVotes = List.copyOf(Objects.requireNonNull(candidateVotes, "candidateVotes"));
    for (int i = 0; i < candidateVotes.size(); i++) {
      Counts.check(FieldPaths.candidateVotes(listNumber, i + 1), candidateVotes.get(i));
    }
    Counts.check(FieldPaths.listTotal(listNumber), total);
  }

  /** Σcand: the sum of the candidate votes, in long arithmetic. */
  public long sumOfCandidateVotes() {
    return Counts.sum(candidateVotes);
  }

  /** An empty page for a list with the given number of candidates. */
  public static ListVotes empty(ListShape shape) {
    return new ListVotes(shape.listNumber(), java.util.Collections.nCopies(shape.candidateCount(), 0), 0);
  }
}
