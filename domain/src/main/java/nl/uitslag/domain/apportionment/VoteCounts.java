package nl.uitslag.domain.apportionment;

import java.util.Arrays;
import java.util.List;

/**
 * The votes of the candidates of one list in one kieskring, in list order: an immutable value
 * (kept as primitive longs so that a Tweede Kamer election is read in microseconds).
 */
public final class VoteCounts {
  final long[] values;

  private VoteCounts(long[] values) {
    this.values = values;
  }

  /** Copies the given counts; they are validated (not negative) when the election is computed. */
  public static VoteCounts of(long... votes) {
    return new VoteCounts(votes.clone());
  }

  /** Copies the given counts; null entries are rejected. */
  public static VoteCounts of(List<Long> votes) {
    long[] v = new long[votes.size()];
    for (int i = 0; i < v.length; i++) {
      Long x = votes.get(i);
      if (x == null) {
        throw new ApportionmentInputException("vote count " + (i + 1) + " is missing");
      }
      v[i] = x;
    }
    return new VoteCounts(v);
  }

  public int size() {
    return values.length;
  }

  public long get(int candidate) {
    return values[candidate];
  }

  public long[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoteCounts v && Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
