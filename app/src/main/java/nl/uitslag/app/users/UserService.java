package nl.uitslag.app.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating users and changing passwords, each with its audit event in the same transaction. */
@Service
public class UserService {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // No 0/O, 1/l/I: one-time passwords are read from paper and typed.
  private static final char[] OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public UserService(UserRepository users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether no user exists yet: the first visit must then create the administrator. */
  public boolean setupRequired() {
    return users.count() == 0;
  }

  /**
   * Creates the first administrator. The check for "no users yet" runs inside the write transaction, so two
   * browsers racing through the set-up page cannot both succeed.
   */
  @Transactional
  public AppUser setupFirstAdministrator(String username, String fullName, char[] password, Actor actor) {
    if (users.count() != 0) {
      throw new UserException("setup.already-done");
    }
    return create(username, fullName, password, Role.ADMINISTRATOR, null, false, actor, "USER_SETUP_ADMIN");
  }

  /** Creates an administrator from the console. */
  @Transactional
  public AppUser createAdministrator(String username, String fullName, char[] password, String origin) {
    return create(
        username, fullName, password, Role.ADMINISTRATOR, null, false, Actor.console(), "USER_CREATED");
  }

  /**
   * Gives the named administrator a new one-time password that must be changed at the first login, creating the
   * account when it does not exist. Used by the demo, which prints the password on the console.
   */
  @Transactional
  public String issueOneTimeAdministratorPassword(String username, String fullName) {
    char[] otp = oneTimePassword();
    try {
      var existing = users.findByUsername(username);
      if (existing.isPresent()) {
        users.updatePassword(existing.get().id(), encoder.encode(new String(otp)), true);
        audit.record(
            "USER_PASSWORD_RESET",
            AuditLevel.INFO,
            Actor.console(),
            Map.of("user", username, "reason", "demo start"));
      } else {
        create(username, fullName, otp, Role.ADMINISTRATOR, null, true, Actor.console(), "USER_CREATED");
      }
      return new String(otp);
    } finally {
      Arrays.fill(otp, '\0');
    }
  }

  /** Changes a user's own password after checking the current one. */
  @Transactional
  public void changePassword(long userId, char[] current, char[] replacement, Actor actor) {
    AppUser user = users.findById(userId).orElseThrow(() -> new UserException("user.unknown"));
    if (!encoder.matches(new String(current), user.passwordHash())) {
      throw new UserException("password.current-wrong");
    }
    if (Arrays.equals(current, replacement)) {
      throw new UserException("password.same-as-current");
    }
    PasswordPolicy.check(user.username(), replacement).ifPresent(k -> {
      throw new UserException(k);
    });
    users.updatePassword(userId, encoder.encode(new String(replacement)), false);
    audit.record("USER_PASSWORD_CHANGED", AuditLevel.INFO, actor, Map.of("user", user.username()));
  }

  @Transactional
  public void recordLogin(AppUser user, Actor actor) {
    users.recordLogin(user.id(), Instant.now(clock));
    audit.record("USER_LOGGED_IN", AuditLevel.INFO, actor, Map.of("user", user.username()));
  }

  @Transactional
  public void recordFailedLogin(Actor actor) {
    // The typed name is kept for the reviewer, but the screen never tells whether it exists.
    audit.record("USER_LOGIN_FAILED", AuditLevel.WARNING, actor, Map.of());
  }

  @Transactional
  public void recordThrottledLogin(Actor actor) {
    audit.record("USER_LOGIN_THROTTLED", AuditLevel.WARNING, actor, Map.of());
  }

  @Transactional
  public void recordLogout(Actor actor) {
    audit.record("USER_LOGGED_OUT", AuditLevel.INFO, actor, Map.of());
  }

  private AppUser create(
      String username,
      String fullName,
      char[] password,
      Role role,
      Long committeeId,
      boolean mustChange,
      Actor actor,
      String eventType) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new UserException("user.username-invalid");
    }
    if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
      throw new UserException("user.fullname-invalid");
    }
    PasswordPolicy.check(username, password).ifPresent(k -> {
      throw new UserException(k);
    });
    if (users.findByUsername(username).isPresent()) {
      throw new UserException("user.exists");
    }
    long id =
        users.insert(
            username, fullName.strip(), encoder.encode(new String(password)), role, committeeId, mustChange,
            Instant.now(clock));
    audit.record(eventType, AuditLevel.INFO, actor, Map.of("user", username, "role", role.name()));
    return users.findById(id).orElseThrow();
  }

  private char[] oneTimePassword() {
    char[] otp = new char[16];
    for (int i = 0; i < otp.length; i++) {
      otp[i] = OTP_ALPHABET[random.nextInt(OTP_ALPHABET.length)];
    }
    return otp;
  }
}
