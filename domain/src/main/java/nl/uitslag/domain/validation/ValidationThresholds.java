package nl.uitslag.domain.validation;

/**
 * The plausibility thresholds of one election's warnings, in whole percent and whole votes, so every test
 * is exact integer arithmetic. {@link #DEFAULTS} are the Kiesraad's values (abacus.md §4) with our W.203
 * decision (product.md §3).
 *
 * @param blankPercent W.201: blank votes F warn from this percentage of H
 * @param invalidPercent W.202: invalid votes G warn from this percentage of H
 * @param differencePercent W.203: |D − H| warns from this percentage of H
 * @param differenceAbsolute W.203: |D − H| warns from this many, whatever H is
 */
public record ValidationThresholds(
    int blankPercent, int invalidPercent, int differencePercent, int differenceAbsolute) {

  /** W.201 3 %, W.202 3 %, W.203 2 % or 15. */
  public static final ValidationThresholds DEFAULTS = new ValidationThresholds(3, 3, 2, 15);

  public ValidationThresholds {
    requirePercent("blankPercent", blankPercent);
    requirePercent("invalidPercent", invalidPercent);
    requirePercent("differencePercent", differencePercent);
    if (differenceAbsolute < 1) {
      throw new IllegalArgumentException("differenceAbsolute must be at least 1: " + differenceAbsolute);
    }
  }

  private static void requirePercent(String name, int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException(name + " must be 1..100: " + value);
    }
  }
}
