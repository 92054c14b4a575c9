package nl.uitslag.domain.election;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The candidate lists submitted in one contest (electoral district, or "geen" when there is only one). */
public record ContestLists(String contestId, String contestName, List<CandidateList> lists) {
  public ContestLists {
    Objects.requireNonNull(contestId, "contestId");
    lists = List.copyOf(lists);
    Set<Integer> seen = new HashSet<>();
    for (CandidateList l : lists) {
      if (!seen.add(l.number())) {
        throw new IllegalArgumentException("contest " + contestId + " has list " + l.number() + " twice");
      }
    }
  }

  /** The list with this number, or null. */
  public CandidateList list(int number) {
    for (CandidateList l : lists) {
      if (l.number() == number) {
        return l;
      }
    }
    return null;
  }
}
