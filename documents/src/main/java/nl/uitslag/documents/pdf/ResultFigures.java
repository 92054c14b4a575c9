package nl.uitslag.documents.pdf;

import java.util.List;
import java.util.Objects;

/**
 * The figures of one result as a corrigendum prints them side by side (original and corrected): A–D, E–H,
 * I and J, and the votes per list and candidate.
 */
public record ResultFigures(
    VoterCounts voters, VoteCounts votes, DifferenceCounts differences, List<ListVotes> lists) {

  public ResultFigures {
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    lists = Checks.list(lists, "lists");
    ResultChecks.votesMatchLists("figures", votes, lists);
  }

  /** The votes of the list with this number. */
  public ListVotes list(int number) {
    return lists.stream().filter(l -> l.listNumber() == number).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no list " + number));
  }
}
