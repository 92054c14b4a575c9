package nl.uitslag.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident audit log. Events are appended in the caller's transaction, so a change and its audit event
 * are stored together or not at all; each event's hash covers the previous hash.
 */
@Service
public class AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Appends an event; must run inside the transaction of the change it records. */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEvent record(String eventType, AuditLevel level, Actor actor, Map<String, ?> details) {
    Optional<Map<String, Object>> last =
        jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").query().listOfRows().stream()
            .findFirst();
    long seq = last.map(r -> ((Number) r.get("seq")).longValue() + 1).orElse(1L);
    String previous = last.map(r -> (String) r.get("hash")).orElse(GENESIS);
    String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    String json = JSON.writeValueAsString(details);
    AuditEvent unhashed =
        new AuditEvent(
            seq, at, eventType, level, actor.userId(), actor.username(), actor.remoteAddress(), json, previous, "");
    AuditEvent event =
        new AuditEvent(
            seq,
            at,
            eventType,
            level,
            actor.userId(),
            actor.username(),
            actor.remoteAddress(),
            json,
            previous,
            sha256(unhashed.canonical()));
    jdbc.sql(
            "INSERT INTO audit_event (seq, occurred_at, event_type, level, user_id, username, remote_address,"
                + " details, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            event.seq(),
            event.occurredAt(),
            event.eventType(),
            event.level().name(),
            event.userId(),
            event.username(),
            event.remoteAddress(),
            event.details(),
            event.previousHash(),
            event.hash())
        .update();
    return event;
  }

  /** Reads the newest {@code limit} events in order, newest last. */
  public List<AuditEvent> events(int limit) {
    return jdbc.sql("SELECT * FROM (SELECT * FROM audit_event ORDER BY seq DESC LIMIT ?) ORDER BY seq")
        .param(limit)
        .query(ROW)
        .list();
  }

  static final RowMapper<AuditEvent> ROW =
      (rs, n) ->
          new AuditEvent(
              rs.getLong("seq"),
              rs.getString("occurred_at"),
              rs.getString("event_type"),
              AuditLevel.valueOf(rs.getString("level")),
              nullableLong(rs, "user_id"),
              rs.getString("username"),
              rs.getString("remote_address"),
              rs.getString("details"),
              rs.getString("previous_hash"),
              rs.getString("hash"));

  /** The number of events in the log. */
  public long count() {
    return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
  }

  /**
   * Checks the whole chain and returns the problems found, each naming the event; empty when the log is intact.
   * The events are streamed in one read (one consistent snapshot, no write lock), so memory stays constant
   * however long the log is.
   */
  public List<String> verify() {
    return verifyChain().problems();
  }

  /** The outcome of a whole-chain check: how many events were read and the problems found. */
  public record Verification(long events, List<String> problems) {}

  /** Like {@link #verify()}, also saying how many events the check covered. */
  public Verification verifyChain() {
    ChainCheck check = new ChainCheck();
    jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query((RowCallbackHandler) rs -> check.accept(ROW.mapRow(rs, 0)));
    return new Verification(check.checked, List.copyOf(check.problems));
  }

  /** Walks events in seq order and collects every break of the chain. */
  static final class ChainCheck {
    final List<String> problems = new ArrayList<>();
    private String previous = GENESIS;
    private long expectedSeq = 1;
    long checked;

    void accept(AuditEvent e) {
      checked++;
      if (e.seq() != expectedSeq) {
        problems.add(
            "event " + expectedSeq + " ontbreekt of is ingevoegd / is missing or inserted (found " + e.seq() + ")");
      }
      if (!e.previousHash().equals(previous)) {
        problems.add("event " + e.seq() + ": keten verbroken / chain broken (previous hash differs)");
      }
      if (!hashOf(e).equals(e.hash())) {
        problems.add("event " + e.seq() + ": inhoud gewijzigd / content changed (hash differs)");
      }
      previous = e.hash();
      expectedSeq = e.seq() + 1;
    }
  }

  /** The hash an event must carry: SHA-256 over its canonical text (see docs/OPERATIONS.md). */
  static String hashOf(AuditEvent e) {
    return sha256(
        new AuditEvent(
                e.seq(),
                e.occurredAt(),
                e.eventType(),
                e.level(),
                e.userId(),
                e.username(),
                e.remoteAddress(),
                e.details(),
                e.previousHash(),
                "")
            .canonical());
  }

  private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
