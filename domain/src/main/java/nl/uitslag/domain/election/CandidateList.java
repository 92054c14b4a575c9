package nl.uitslag.domain.election;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A list of candidates of one political group in one contest (kieslijst): its number, appellation (may be empty
 * for a list without appellation), list type and the candidates in list order.
 */
public record CandidateList(
    int number, String appellation, String type, Integer belongsToSet, boolean publishGender,
    List<Candidate> candidates) {
  public CandidateList {
    if (number < 1) {
      throw new IllegalArgumentException("list number must be at least 1: " + number);
    }
    Objects.requireNonNull(appellation, "appellation");
    candidates = List.copyOf(candidates);
    Set<Integer> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.position())) {
        throw new IllegalArgumentException("list " + number + " has candidate " + c.position() + " twice");
      }
    }
  }

  /** The candidate at a position on this list, or null. */
  public Candidate candidate(int position) {
    for (Candidate c : candidates) {
      if (c.position() == position) {
        return c;
      }
    }
    return null;
  }
}
