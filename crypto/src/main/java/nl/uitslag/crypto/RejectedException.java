package nl.uitslag.crypto;

/** A count file, signature, transfer package or key file was refused for the given reason. */
public final class RejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Rejection reason;

  /**
   * @param detail technical detail for the audit log (never secret material); the user sees {@link #reason()}'s
   *     message
   */
  public RejectedException(Rejection reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public RejectedException(Rejection reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }
}
