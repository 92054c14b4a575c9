package nl.uitslag.app.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator creates the coordinators and typists of a committee (abacus.md §5), each with a one-time
 * password to hand over on paper and to be replaced at the first login; the audit event is written with it.
 */
@Service
public class CommitteeUserService {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // No 0/O, 1/l/I: one-time passwords are read from paper and typed.
  private static final char[] OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CommitteeUserService(
      UserRepository users, PasswordEncoder encoder, AuditLog audit, JdbcClient jdbc, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A committee a user can be created for, with its election. */
  public record CommitteeChoice(long id, String name, String kind, String electionName) {}

  /** A created user and the one-time password to print for them. */
  public record Created(AppUser user, String oneTimePassword) {}

  public List<CommitteeChoice> committees() {
    return jdbc.sql(
            "SELECT c.id, c.name, c.kind, e.name AS election_name FROM committee c"
                + " JOIN election e ON e.id = c.election_id ORDER BY e.election_date DESC, c.kind, c.id")
        .query((rs, n) -> new CommitteeChoice(
            rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("election_name")))
        .list();
  }

  /** The users of every committee, by user name. */
  public List<AppUser> committeeUsers() {
    return users.findAll().stream().filter(u -> u.committeeId() != null).toList();
  }

  /** Creates a coordinator, typist or observer of a committee with a one-time password. */
  @Transactional
  public Created create(String username, String fullName, Role role, long committeeId, Actor actor) {
    if (role == Role.ADMINISTRATOR) {
      throw new UserException("entry.users.role-invalid");
    }
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new UserException("user.username-invalid");
    }
    if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
      throw new UserException("user.fullname-invalid");
    }
    if (users.findByUsername(username).isPresent()) {
      throw new UserException("user.exists");
    }
    if (committees().stream().noneMatch(c -> c.id() == committeeId)) {
      throw new UserException("user.unknown");
    }
    char[] otp = new char[16];
    try {
      do {
        for (int i = 0; i < otp.length; i++) {
          otp[i] = OTP_ALPHABET[random.nextInt(OTP_ALPHABET.length)];
        }
      } while (PasswordPolicy.check(username, otp).isPresent());
      long id = users.insert(username, fullName.strip(), encoder.encode(new String(otp)), role, committeeId, true,
          Instant.now(clock));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("user", username);
      details.put("role", role.name());
      details.put("committee", committeeId);
      audit.record("USER_CREATED", AuditLevel.INFO, actor, details);
      return new Created(users.findById(id).orElseThrow(), new String(otp));
    } finally {
      Arrays.fill(otp, '\0');
    }
  }
}
