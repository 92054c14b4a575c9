package nl.uitslag.domain.results;

import java.util.Objects;

/**
 * The "controles en correcties" page of N 10-1: the reasons the polling station checked its count on its
 * own initiative, and whether it corrected results on its own initiative or at the CSB's request.
 */
public record ChecksAndCorrections(
    boolean reasonUnexplainedDifference,
    boolean reasonOtherError,
    YesNo correctedOwnInitiative,
    YesNo correctedOnCsbRequest) {
  public static final ChecksAndCorrections EMPTY =
      new ChecksAndCorrections(false, false, YesNo.EMPTY, YesNo.EMPTY);

  public ChecksAndCorrections {
    Objects.requireNonNull(correctedOwnInitiative, "correctedOwnInitiative");
    Objects.requireNonNull(correctedOnCsbRequest, "correctedOnCsbRequest");
  }

  /** Nothing filled in on the page. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
