package nl.uitslag.app.keystore;

import nl.uitslag.crypto.Rejection;

/**
 * An administrator's key-store action that cannot be done (no CA yet, a plain key in a bundle, a certificate of
 * another election), with the message key the screen shows, or the crypto rejection behind it.
 */
public final class KeyStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Rejection rejection;

  public KeyStoreException(String messageKey, String detail) {
    super(messageKey + ": " + detail);
    this.messageKey = messageKey;
    this.rejection = null;
  }

  public KeyStoreException(Rejection rejection, String detail, Throwable cause) {
    super(rejection + ": " + detail, cause);
    this.messageKey = null;
    this.rejection = rejection;
  }

  /** The key of the message in messages.properties, or null when {@link #rejection()} says why. */
  public String messageKey() {
    return messageKey;
  }

  /** The crypto rejection (e.g. a wrong passphrase), or null. */
  public Rejection rejection() {
    return rejection;
  }
}
