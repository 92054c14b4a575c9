package nl.uitslag.domain.results;

import java.util.List;

/** The range rule for every count on a proces-verbaal: unsigned, at most 999,999,999. */
public final class Counts {
  /** The largest count accepted; a larger value is a hard rejection (abacus.md §3.1). */
  public static final int MAX = 999_999_999;

  private Counts() {}

  /** Returns the value, or throws when it is negative or larger than {@link #MAX}. */
  public static int check(String fieldPath, int value) {
    if (value < 0) {
      throw new InvalidResultsException(fieldPath, "a count cannot be negative (" + value + ")");
    }
    if (value > MAX) {
      throw new InvalidResultsException(fieldPath, "a count is at most " + MAX + " (" + value + ")");
    }
    return value;
  }

  /** Sum in long arithmetic, so that sums of many maximal counts never overflow. */
  public static long sum(List<Integer> values) {
    long total = 0;
    for (int v : values) {
      total += v;
    }
    return total;
  }
}
