package nl.uitslag.app.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator manages the coordinators, typists and observers of a committee (abacus.md §5): creates them
 * (one by one or from a pasted list), each with a one-time password to hand over on paper and to be replaced at
 * the first login; resets a forgotten password to a new one-time password; deactivates and reactivates. Only the
 * hash of a password is stored; the one-time password exists in plain form only in the answer that shows it.
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
  // Absent when the application runs without its web layer (commands, some tests): then no session is open.
  private final org.springframework.beans.factory.ObjectProvider<SessionRegistry> sessions;

  public CommitteeUserService(
      UserRepository users, PasswordEncoder encoder, AuditLog audit, JdbcClient jdbc, Clock clock,
      org.springframework.beans.factory.ObjectProvider<SessionRegistry> sessions) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
    this.sessions = sessions;
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
    check(username, fullName, role, committeeId);
    return insert(username, fullName.strip(), role, committeeId, actor);
  }

  /** A line of a pasted list that cannot be used, with its number (1-based) and the reason's message key. */
  public record LineProblem(int line, String text, String messageKey) {}

  /** Thrown when a pasted list has unusable lines: nobody of the list is created. */
  public static final class BulkRefused extends RuntimeException {
    private final List<LineProblem> problems;

    BulkRefused(List<LineProblem> problems) {
      super("unusable lines: " + problems.size());
      this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
      return problems;
    }
  }

  /**
   * Creates every user of a pasted list, one per line "name, role" (role: invoerder/typist,
   * coördinator/coordinator, waarnemer/observer); the user name is made from the name. All or nothing: when a
   * line cannot be used, nobody is created and {@link BulkRefused} names every such line.
   */
  @Transactional
  public List<Created> createAll(String pasted, long committeeId, Actor actor) {
    if (committees().stream().noneMatch(c -> c.id() == committeeId)) {
      throw new UserException("user.unknown");
    }
    List<LineProblem> problems = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    users.findAll().forEach(u -> taken.add(u.username().toLowerCase(Locale.ROOT)));
    String[] lines = (pasted == null ? "" : pasted).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int comma = line.lastIndexOf(',');
      if (comma < 0) {
        problems.add(new LineProblem(i + 1, line, "users.bulk.problem.format"));
        continue;
      }
      String name = line.substring(0, comma).strip();
      Optional<Role> role = role(line.substring(comma + 1));
      if (role.isEmpty()) {
        problems.add(new LineProblem(i + 1, line, "users.bulk.problem.role"));
        continue;
      }
      if (name.isEmpty() || name.length() > 200) {
        problems.add(new LineProblem(i + 1, line, "user.fullname-invalid"));
        continue;
      }
      String username = username(name, taken);
      if (username == null) {
        problems.add(new LineProblem(i + 1, line, "users.bulk.problem.name"));
        continue;
      }
      taken.add(username);
      rows.add(new String[] {username, name, role.get().name()});
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new LineProblem(0, "", "users.bulk.problem.empty"));
    }
    if (!problems.isEmpty()) {
      throw new BulkRefused(problems);
    }
    List<Created> created = new ArrayList<>();
    for (String[] row : rows) {
      created.add(insert(row[0], row[1], Role.valueOf(row[2]), committeeId, actor));
    }
    return created;
  }

  /** Gives a committee user a new one-time password (a forgotten password); their open session ends. */
  @Transactional
  public Created resetPassword(long userId, Actor actor) {
    AppUser user = committeeUser(userId);
    char[] otp = oneTimePassword(user.username());
    try {
      users.updatePassword(userId, encoder.encode(new String(otp)), true);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("user", user.username());
      audit.record("USER_PASSWORD_RESET", AuditLevel.INFO, actor, details);
      endSessions(userId);
      return new Created(users.findById(userId).orElseThrow(), new String(otp));
    } finally {
      Arrays.fill(otp, '\0');
    }
  }

  /**
   * Deactivates (cannot log in, open session ends) or reactivates a committee user. Asking for the state the user
   * already has is refused: nothing changes, so no audit event.
   */
  @Transactional
  public void setActive(long userId, boolean active, Actor actor) {
    AppUser user = committeeUser(userId);
    if (user.active() == active) {
      throw new UserException(active ? "users.already-active" : "users.already-inactive");
    }
    jdbc.sql("UPDATE app_user SET active = ? WHERE id = ?").params(active ? 1 : 0, userId).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("user", user.username());
    audit.record(active ? "USER_REACTIVATED" : "USER_DEACTIVATED", AuditLevel.INFO, actor, details);
    if (!active) {
      endSessions(userId);
    }
  }

  private AppUser committeeUser(long userId) {
    AppUser user = users.findById(userId).orElseThrow(() -> new UserException("user.unknown"));
    if (user.committeeId() == null) {
      // The administrator's own account is not managed here.
      throw new UserException("user.unknown");
    }
    return user;
  }

  private void endSessions(long userId) {
    SessionRegistry registry = sessions.getIfAvailable();
    if (registry == null) {
      return;
    }
    for (Object principal : registry.getAllPrincipals()) {
      if (principal instanceof UitslagPrincipal p && p.id() == userId) {
        registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
      }
    }
  }

  private void check(String username, String fullName, Role role, long committeeId) {
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
  }

  private Created insert(String username, String fullName, Role role, long committeeId, Actor actor) {
    char[] otp = oneTimePassword(username);
    try {
      long id = users.insert(username, fullName, encoder.encode(new String(otp)), role, committeeId, true,
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

  private char[] oneTimePassword(String username) {
    char[] otp = new char[16];
    do {
      for (int i = 0; i < otp.length; i++) {
        otp[i] = OTP_ALPHABET[random.nextInt(OTP_ALPHABET.length)];
      }
    } while (PasswordPolicy.check(username, otp).isPresent());
    return otp;
  }

  /** The role named on a pasted line, in Dutch or English. */
  static Optional<Role> role(String text) {
    String t = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    switch (t) {
      case "invoerder":
      case "typist":
        return Optional.of(Role.TYPIST);
      case "coordinator":
        return Optional.of(Role.COORDINATOR);
      case "waarnemer":
      case "observer":
        return Optional.of(Role.OBSERVER);
      default:
        return Optional.empty();
    }
  }

  /**
   * A user name made from a person's name: letters and digits without accents, words joined by dots, in lower
   * case ("Anne-Marie de Vries" → "anne.marie.de.vries"); a number is added when it is taken. Null when the name
   * has no letter or digit.
   */
  static String username(String name, Set<String> taken) {
    String base = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^a-z0-9]+", ".")
        .replaceAll("^\\.+|\\.+$", "");
    if (base.isEmpty()) {
      return null;
    }
    if (base.length() > 60) {
      base = base.substring(0, 60).replaceAll("\\.+$", "");
    }
    String candidate = base;
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = base + n;
    }
    return candidate;
  }
}
