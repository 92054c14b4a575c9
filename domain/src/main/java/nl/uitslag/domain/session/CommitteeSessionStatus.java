package nl.uitslag.domain.session;

/** The status of a committee session, with the label the coordinator sees (abacus.md §3.2). */
public enum CommitteeSessionStatus {
  /** No data source yet (no polling station, investigation or sub-committee). */
  CREATED("Zitting voorbereiden"),
  /** Data sources exist; data entry has not started. */
  IN_PREPARATION("Klaar voor invoer"),
  DATA_ENTRY("Invoer bezig"),
  PAUSED("Invoer gepauzeerd"),
  /** Every required entry is definitive and the coordinator finished data entry. */
  COMPLETED("Invoer afgerond");

  private final String dutchLabel;

  CommitteeSessionStatus(String dutchLabel) {
    this.dutchLabel = dutchLabel;
  }

  /** The label in the Dutch user interface. */
  public String dutchLabel() {
    return dutchLabel;
  }

  /** Typists may claim, save, finalise and discard entries only during data entry. */
  public boolean typistsMayEnter() {
    return this == DATA_ENTRY;
  }

  /** Coordinators may resolve, reset and view entries during data entry and while paused. */
  public boolean coordinatorsMayResolve() {
    return this == DATA_ENTRY || this == PAUSED;
  }
}
