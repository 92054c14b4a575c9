package nl.uitslag.domain.apportionment;

import java.util.Objects;

/**
 * Which lists may take part in the distribution of residual seats (restzetels), as a share of the
 * kiesdeler: kept as data so that a change of P 7/P 8 (bill 36641) is a configuration change.
 *
 * @param largestRemainderMinimum share of the kiesdeler a list needs for the largest-remainder round
 *     (Kieswet P 8 lid 1: 3/4, inclusive); used only below 19 seats
 * @param averagesMinimum share of the kiesdeler a list needs for any largest-averages seat (Kieswet
 *     P 7 lid 2 for TK, and EP through Y 2: 1; otherwise 0), inclusive
 */
public record ResidualSeatPolicy(Fraction largestRemainderMinimum, Fraction averagesMinimum) {

  /** The law in force on 1 January 2026 for every election except TK and EP. */
  public static final ResidualSeatPolicy CURRENT = new ResidualSeatPolicy(Fraction.of(3, 4), Fraction.ZERO);

  /** Kieswet P 7 lid 2 (TK) and Y 2 (EP): only lists that reached the kiesdeler share residual seats. */
  public static final ResidualSeatPolicy QUOTA_REQUIRED =
      new ResidualSeatPolicy(Fraction.of(3, 4), Fraction.ONE);

  public ResidualSeatPolicy {
    Objects.requireNonNull(largestRemainderMinimum, "largestRemainderMinimum");
    Objects.requireNonNull(averagesMinimum, "averagesMinimum");
    if (largestRemainderMinimum.signum() < 0 || averagesMinimum.signum() < 0) {
      throw new IllegalArgumentException("a residual-seat threshold cannot be negative");
    }
  }
}
