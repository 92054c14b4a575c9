package nl.uitslag.domain.results;

/**
 * The three comparison checkboxes of the differences block: "D = H", "H > D" and "H < D". Each is ticked
 * separately on paper, so any combination can be entered (F.304 requires exactly one).
 */
public record ComparisonChecks(boolean admittedEqualsCast, boolean castGreater, boolean castLess) {
  public static final ComparisonChecks NONE = new ComparisonChecks(false, false, false);

  /** Number of ticked boxes. */
  public int tickedCount() {
    return (admittedEqualsCast ? 1 : 0) + (castGreater ? 1 : 0) + (castLess ? 1 : 0);
  }
}
