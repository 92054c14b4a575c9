package nl.uitslag.app.backup;

/** A backup or restore that did not happen, with the reason. */
public class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
