package nl.uitslag.domain.count;

/** The range every count in a results form has: 0 to 999,999,999 (nine digits on the paper forms). */
public final class VoteCount {
  /** The largest count a form can hold. */
  public static final long MAX = 999_999_999L;

  private VoteCount() {}

  /** Returns the value, or throws when it is negative or above {@link #MAX}. */
  public static long check(String what, long value) {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException(what + " must be between 0 and 999,999,999: " + value);
    }
    return value;
  }

  /** Like {@link #check(String, long)} for an optional value. */
  public static Long checkOptional(String what, Long value) {
    if (value != null) {
      check(what, value);
    }
    return value;
  }
}
