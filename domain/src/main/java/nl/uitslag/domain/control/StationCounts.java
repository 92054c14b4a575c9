package nl.uitslag.domain.control;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The figures of one polling station that the notable-results checks read, whatever they came from (a
 * definitive double entry at the GSB, or a 510b imported at the HSB or CSB).
 *
 * @param number the polling station number
 * @param name its name
 * @param admittedVoters D, total admitted voters
 * @param votesCast H, total votes cast
 * @param blank F, blank votes
 * @param invalid G, invalid votes
 * @param explanation whether a difference between D and H was explained
 * @param lists the votes per list, ordered by list number
 */
public record StationCounts(
    int number, String name, long admittedVoters, long votesCast, long blank, long invalid,
    DifferenceExplanation explanation, List<ListCount> lists) {

  /** Whether the report says the difference between admitted voters and votes cast is fully explained. */
  public enum DifferenceExplanation {
    /** Fully explained (GSB: "ja"; 510b: explanations add up to the difference, none "geen verklaring"). */
    EXPLAINED,
    /** Not (fully) explained (GSB: "nee"; 510b: "geen verklaring" or explanations that do not add up). */
    NOT_EXPLAINED,
    /** The report does not say (GSB: empty or both ticked; 510b: no explanations given). */
    NOT_STATED
  }

  /**
   * The votes of one list at the station: the list total and the votes per candidate in candidate order
   * (empty when the report holds list totals only).
   */
  public record ListCount(int listNumber, long total, List<Long> candidateVotes) {
    public ListCount {
      if (listNumber < 1) {
        throw new IllegalArgumentException("list numbers start at 1: " + listNumber);
      }
      count("list total", total);
      candidateVotes = List.copyOf(candidateVotes);
      for (Long v : candidateVotes) {
        count("candidate votes", Objects.requireNonNull(v, "candidate votes"));
      }
    }

    /** Σcand, the votes on the list's candidates. */
    public long candidateSum() {
      long sum = 0;
      for (long v : candidateVotes) {
        sum += v;
      }
      return sum;
    }
  }

  public StationCounts {
    if (number < 1) {
      throw new IllegalArgumentException("polling station numbers start at 1: " + number);
    }
    Objects.requireNonNull(name, "name");
    count("admitted voters", admittedVoters);
    count("votes cast", votesCast);
    count("blank votes", blank);
    count("invalid votes", invalid);
    Objects.requireNonNull(explanation, "explanation");
    lists = List.copyOf(lists);
    Set<Integer> seen = new HashSet<>();
    for (ListCount l : lists) {
      if (!seen.add(l.listNumber())) {
        throw new IllegalArgumentException("list " + l.listNumber() + " appears twice at station " + number);
      }
    }
  }

  /** E, the valid votes: the sum of the list totals. */
  public long validVotes() {
    long sum = 0;
    for (ListCount l : lists) {
      sum += l.total();
    }
    return sum;
  }

  /** The list with this number, or null. */
  public ListCount list(int listNumber) {
    for (ListCount l : lists) {
      if (l.listNumber() == listNumber) {
        return l;
      }
    }
    return null;
  }

  private static void count(String what, long value) {
    if (value < 0 || value > 999_999_999L) {
      throw new IllegalArgumentException(what + " must be between 0 and 999999999: " + value);
    }
  }
}
