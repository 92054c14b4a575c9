package nl.uitslag.domain.control;

/**
 * For one drawn list: the total the GSB added up by hand from the paper reports, the software's total of the
 * same list, and their difference (hand minus software).
 */
public record ListComparison(int listNumber, long handTotal, long softwareTotal) {
  public ListComparison {
    if (listNumber < 1) {
      throw new IllegalArgumentException("list numbers start at 1: " + listNumber);
    }
    if (handTotal < 0 || softwareTotal < 0) {
      throw new IllegalArgumentException("vote totals cannot be negative");
    }
  }

  /** Hand total minus software total: positive when the hand count found more votes. */
  public long difference() {
    return handTotal - softwareTotal;
  }

  public boolean matches() {
    return handTotal == softwareTotal;
  }
}
