package nl.uitslag.domain.session;

/**
 * What the coordinator's "finish data entry" depends on (abacus.md §2): the number of required data sources
 * whose entry is not definitive, and in a next session the investigations still in progress.
 *
 * @param entriesNotDefinitive required entries (polling stations, GSBs, or investigations with corrected
 *     results) that are not definitive
 * @param investigationsInProgress investigations without findings yet
 */
public record CompletionCheck(int entriesNotDefinitive, int investigationsInProgress) {
  public CompletionCheck {
    if (entriesNotDefinitive < 0 || investigationsInProgress < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /** Everything is definitive and concluded. */
  public static final CompletionCheck READY = new CompletionCheck(0, 0);
}
