package nl.uitslag.domain.apportionment;

/**
 * An exact rational number, as used for the kiesdeler, remainders, averages and thresholds of the
 * seat apportionment: never rounded, printed for people as a mixed number ("296 7/15").
 *
 * <p>Numerator and denominator are kept in lowest terms with a positive denominator, so equal values
 * are equal objects. Arithmetic throws {@link ArithmeticException} instead of overflowing; comparison
 * never overflows because it multiplies into 128 bits.
 */
public final class Fraction implements Comparable<Fraction> {

  public static final Fraction ZERO = new Fraction(0, 1);
  public static final Fraction ONE = new Fraction(1, 1);

  private final long numerator;
  private final long denominator;

  private Fraction(long numerator, long denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The fraction {@code numerator / denominator}, reduced to lowest terms. */
  public static Fraction of(long numerator, long denominator) {
    if (denominator == 0) {
      throw new ArithmeticException("denominator is zero");
    }
    if (numerator == 0) {
      return ZERO;
    }
    if (denominator < 0) {
      numerator = Math.negateExact(numerator);
      denominator = Math.negateExact(denominator);
    }
    long g = gcd(Math.abs(numerator), denominator);
    return new Fraction(numerator / g, denominator / g);
  }

  /** The whole number {@code value}. */
  public static Fraction of(long value) {
    return value == 0 ? ZERO : new Fraction(value, 1);
  }

  /** Parses "a", "a/b" or the mixed form "w n/d" written by {@link #toString()}. */
  public static Fraction parse(String text) {
    String s = text.trim();
    try {
      int space = s.indexOf(' ');
      if (space > 0) {
        long whole = Long.parseLong(s.substring(0, space));
        Fraction part = parse(s.substring(space + 1));
        if (part.signum() < 0 || part.compareTo(ONE) >= 0) {
          throw new NumberFormatException("fraction part must be in [0, 1)");
        }
        return whole < 0 ? of(whole).subtract(part) : of(whole).add(part);
      }
      int slash = s.indexOf('/');
      if (slash > 0) {
        return of(Long.parseLong(s.substring(0, slash)), Long.parseLong(s.substring(slash + 1)));
      }
      return of(Long.parseLong(s));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a fraction: \"" + text + "\"", e);
    }
  }

  public long numerator() {
    return numerator;
  }

  public long denominator() {
    return denominator;
  }

  public int signum() {
    return Long.signum(numerator);
  }

  public Fraction add(Fraction other) {
    long g = gcd(denominator, other.denominator);
    long d1 = denominator / g;
    long n = Math.addExact(
        Math.multiplyExact(numerator, other.denominator / g), Math.multiplyExact(other.numerator, d1));
    return of(n, Math.multiplyExact(d1, other.denominator));
  }

  public Fraction subtract(Fraction other) {
    return add(other.negate());
  }

  public Fraction negate() {
    return numerator == 0 ? this : new Fraction(Math.negateExact(numerator), denominator);
  }

  public Fraction multiply(Fraction other) {
    long g1 = gcd(Math.abs(numerator), other.denominator);
    long g2 = gcd(Math.abs(other.numerator), denominator);
    if (g1 == 0 || g2 == 0) {
      return ZERO;
    }
    return of(
        Math.multiplyExact(numerator / g1, other.numerator / g2),
        Math.multiplyExact(denominator / g2, other.denominator / g1));
  }

  public Fraction multiply(long factor) {
    return multiply(of(factor));
  }

  public Fraction divide(long divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("division by zero");
    }
    return multiply(of(1, divisor));
  }

  /** The largest whole number not greater than this value. */
  public long floor() {
    return Math.floorDiv(numerator, denominator);
  }

  /** Improper-fraction form for machines: "4451/15", "5". */
  public String toFractionString() {
    return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
  }

  /** Mixed-number form for people: "296 7/15", "2/3", "-1 1/2", "5". */
  @Override
  public String toString() {
    if (denominator == 1) {
      return Long.toString(numerator);
    }
    long whole = numerator / denominator; // truncates towards zero, so the part keeps the sign
    long part = Math.abs(numerator % denominator);
    if (whole == 0) {
      return numerator + "/" + denominator;
    }
    return whole + " " + part + "/" + denominator;
  }

  @Override
  public int compareTo(Fraction other) {
    return compareProducts(numerator, other.denominator, other.numerator, denominator);
  }

  /** Compares a·b with c·d exactly, in 128 bits, so no product can overflow. */
  static int compareProducts(long a, long b, long c, long d) {
    long hi1 = Math.multiplyHigh(a, b);
    long hi2 = Math.multiplyHigh(c, d);
    if (hi1 != hi2) {
      return Long.compare(hi1, hi2);
    }
    return Long.compareUnsigned(a * b, c * d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fraction f && f.numerator == numerator && f.denominator == denominator;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
