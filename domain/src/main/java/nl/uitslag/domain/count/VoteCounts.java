package nl.uitslag.domain.count;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one count (a polling station, a municipality, a district or the total): votes per list and
 * candidate, eligible voters (EML Cast), valid votes on lists (TotalCounted), blank and invalid ballots, and the
 * admitted-voter checks and differences (UncountedVotes). The initial* fields hold, in a corrigendum, the values
 * that were corrected; they are null or empty otherwise.
 */
public record VoteCounts(
    List<ListVotes> lists,
    long eligibleVoters,
    Long initialEligibleVoters,
    long totalCounted,
    Long initialTotalCounted,
    Map<RejectedReason, Long> rejected,
    Map<RejectedReason, Long> initialRejected,
    Map<UncountedReason, Long> uncounted,
    Map<UncountedReason, Long> initialUncounted) {
  public VoteCounts {
    lists = List.copyOf(lists);
    VoteCount.check("eligible voters", eligibleVoters);
    VoteCount.checkOptional("initial eligible voters", initialEligibleVoters);
    VoteCount.check("total counted", totalCounted);
    VoteCount.checkOptional("initial total counted", initialTotalCounted);
    rejected = frozen(RejectedReason.class, rejected, "rejected votes");
    initialRejected = frozen(RejectedReason.class, initialRejected, "initial rejected votes");
    uncounted = frozen(UncountedReason.class, uncounted, "uncounted votes");
    initialUncounted = frozen(UncountedReason.class, initialUncounted, "initial uncounted votes");
    for (RejectedReason r : RejectedReason.values()) {
      if (!rejected.containsKey(r)) {
        throw new IllegalArgumentException("rejected votes lack " + r.code());
      }
    }
  }

  // EnumMap keeps the schema order when a writer iterates; the wrapper makes it immutable.
  private static <K extends Enum<K>> Map<K, Long> frozen(Class<K> type, Map<K, Long> source, String what) {
    Objects.requireNonNull(source, what);
    EnumMap<K, Long> copy = new EnumMap<>(type);
    for (Map.Entry<K, Long> e : source.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey()), VoteCount.check(what, Objects.requireNonNull(e.getValue())));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Blank ballots (blanco). */
  public long blank() {
    return rejected.get(RejectedReason.BLANK);
  }

  /** Invalid ballots (ongeldig). */
  public long invalid() {
    return rejected.get(RejectedReason.INVALID);
  }

  /** The value for an uncounted-votes reason, or null when the file does not carry it. */
  public Long uncounted(UncountedReason reason) {
    return uncounted.get(reason);
  }

  /** The sum of the list totals. */
  public long listTotal() {
    long sum = 0;
    for (ListVotes l : lists) {
      sum += l.votes();
    }
    return sum;
  }

  /** The list with this number, or null. */
  public ListVotes list(int number) {
    for (ListVotes l : lists) {
      if (l.listNumber() == number) {
        return l;
      }
    }
    return null;
  }
}
