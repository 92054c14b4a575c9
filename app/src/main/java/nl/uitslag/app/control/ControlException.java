package nl.uitslag.app.control;

/** A refused step of the control protocol; the key names the message (control.error.KEY). */
public class ControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ControlException(String key, String detail) {
    super(key + (detail == null ? "" : ": " + detail));
    this.key = key;
  }

  /** The message key suffix. */
  public String key() {
    return key;
  }
}
