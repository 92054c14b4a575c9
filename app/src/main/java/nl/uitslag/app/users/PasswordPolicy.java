package nl.uitslag.app.users;

import java.util.Locale;
import java.util.Optional;

/**
 * Password rules: long enough to resist guessing offline (at least 13 characters, as Abacus requires), bounded so
 * hashing cannot be abused, and not the user name.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 13;
  public static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  /** Returns the message key of the first rule broken, or empty when the password is acceptable. */
  public static Optional<String> check(String username, char[] password) {
    if (password.length < MIN_LENGTH) {
      return Optional.of("password.too-short");
    }
    if (password.length > MAX_LENGTH) {
      return Optional.of("password.too-long");
    }
    String lower = new String(password).toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.contains-username");
    }
    return Optional.empty();
  }
}
