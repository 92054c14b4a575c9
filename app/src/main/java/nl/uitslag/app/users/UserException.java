package nl.uitslag.app.users;

/** A refused user operation; the key names a message in the bundles, so the screen can say why. */
public class UserException extends RuntimeException {
  private final String messageKey;

  public UserException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
