package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.BLANK_VOTES;
import static nl.uitslag.domain.results.FieldPaths.INVALID_VOTES;
import static nl.uitslag.domain.results.FieldPaths.TOTAL_VOTES_CANDIDATES;
import static nl.uitslag.domain.results.FieldPaths.TOTAL_VOTES_CAST;

import java.util.List;
import java.util.Objects;

/**
 * The votes of the common block: E.1 … E.n per list (ordered by list number), E total votes on candidates,
 * F blank (blanco), G invalid (ongeldig) and H total votes cast (totaal uitgebrachte stemmen).
 */
public record VotesCounts(
    List<ListTotal> listTotals, int totalVotesCandidates, int blankVotes, int invalidVotes, int totalVotesCast) {
  public VotesCounts {
    listTotals = List.copyOf(Objects.requireNonNull(listTotals, "listTotals"));
    int previous = 0;
    for (ListTotal t : listTotals) {
      if (t.listNumber() <= previous) {
        throw new InvalidResultsException(null, "list numbers must be strictly increasing: " + t.listNumber());
      }
      previous = t.listNumber();
    }
    Counts.check(TOTAL_VOTES_CANDIDATES, totalVotesCandidates);
    Counts.check(BLANK_VOTES, blankVotes);
    Counts.check(INVALID_VOTES, invalidVotes);
    Counts.check(TOTAL_VOTES_CAST, totalVotesCast);
  }

  /** ΣE.x in long arithmetic. */
  public long sumOfListTotals() {
    long sum = 0;
    for (ListTotal t : listTotals) {
      sum += t.votes();
    }
    return sum;
  }

  /** E.x for the given list, or throws when the list does not exist. */
  public int listTotal(int listNumber) {
    for (ListTotal t : listTotals) {
      if (t.listNumber() == listNumber) {
        return t.votes();
      }
    }
    throw new IllegalArgumentException("no list " + listNumber);
  }
}
