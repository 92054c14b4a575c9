package nl.uitslag.domain.apportionment;

/** Situations the centraal stembureau must be told about; none of them stops the computation. */
public enum WarningCode {
  /** No valid votes at all: no kiesdeler, no seats (the law is silent; apportionment.md §3.1). */
  NO_VOTES("P 5"),
  /** Seats stay empty because no list with candidates left could take them (P 10). */
  SEATS_UNASSIGNED("P 10"),
  /** Ya 29 / Pa 25: excess seats of exhausted lists are not passed on. */
  EXCESS_SEATS_KEPT_EMPTY("Ya 29, Pa 25"),
  /** P 9 and P 10 both applied below 19 seats: the law is ambiguous, consult the Kiesraad. */
  ABSOLUTE_MAJORITY_AND_EXHAUSTION("P 9, P 10"),
  /** The subcategory (…1 / …2) does not match the number of seats (19-seat boundary of P 7/P 8). */
  SUBCATEGORY_SEAT_COUNT_MISMATCH("P 7, P 8");

  private final String article;

  WarningCode(String article) {
    this.article = article;
  }

  public String article() {
    return article;
  }
}
