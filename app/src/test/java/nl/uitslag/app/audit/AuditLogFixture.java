package nl.uitslag.app.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes a correctly chained audit log with chosen times directly, for tests of reading and paging. */
final class AuditLogFixture {
  private final JdbcClient jdbc;
  private long seq;
  private String previous;
  private final List<Object[]> batch = new ArrayList<>();

  AuditLogFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    seq = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
    previous =
        seq == 0
            ? AuditLog.GENESIS
            : jdbc.sql("SELECT hash FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
  }

  AuditEvent append(String occurredAt, String type, AuditLevel level, String username, String details) {
    AuditEvent unhashed =
        new AuditEvent(++seq, occurredAt, type, level, null, username, "127.0.0.1", details, previous, "");
    AuditEvent e =
        new AuditEvent(
            seq, occurredAt, type, level, null, username, "127.0.0.1", details, previous, AuditLog.hashOf(unhashed));
    previous = e.hash();
    jdbc.sql(
            "INSERT INTO audit_event (seq, occurred_at, event_type, level, user_id, username, remote_address,"
                + " details, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(e.seq(), e.occurredAt(), e.eventType(), e.level().name(), null, e.username(), e.remoteAddress(),
            e.details(), e.previousHash(), e.hash())
        .update();
    return e;
  }

  static void clear(JdbcClient jdbc) {
    jdbc.sql("DROP TRIGGER IF EXISTS audit_event_no_delete").update();
    jdbc.sql("DELETE FROM audit_event").update();
    restoreTriggers(jdbc);
  }

  static void restoreTriggers(JdbcClient jdbc) {
    jdbc.sql(
            "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event"
                + " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
        .update();
    jdbc.sql(
            "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event"
                + " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
        .update();
  }
}
