package nl.uitslag.eml.verify;

/**
 * The election files cannot be verified at all: a directory without EML files, a file that is not a readable
 * EML_NL file, or files of more than one election.
 */
public final class VerificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
