package nl.uitslag.domain.results;

/**
 * A hard rejection of entered results: a count out of range, or a shape that does not match the election
 * (abacus.md §4 "hard rejections"). These are not validation messages: such data is never stored.
 */
public final class InvalidResultsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String fieldPath;

  public InvalidResultsException(String fieldPath, String message) {
    super(fieldPath == null ? message : fieldPath + ": " + message);
    this.fieldPath = fieldPath;
  }

  /** The field concerned, or null when the rejection concerns the shape as a whole. */
  public String fieldPath() {
    return fieldPath;
  }
}
