package nl.uitslag.app.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log for a reviewer: filtered pages, newest first, and every matching event for an export.
 * Pages are keyed on {@code seq} (not offsets), so the thousandth page costs what the first costs. Reads run
 * without a transaction: a single SELECT is one consistent snapshot in WAL mode and never takes the write lock
 * that typists' saves need.
 */
@Service
public class AuditReader {
  public static final int PAGE_SIZE = 50;

  private final JdbcClient jdbc;

  public AuditReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest page, or the page just older than {@code before}, or just newer than {@code after}. */
  public AuditPage page(AuditFilter filter, Long before, Long after, int size) {
    Where w = where(filter);
    List<AuditEvent> events;
    if (after != null) {
      List<Object> params = new ArrayList<>(w.params);
      params.add(after);
      params.add(size);
      events =
          new ArrayList<>(
              jdbc.sql("SELECT * FROM audit_event" + w.sql + " AND seq > ? ORDER BY seq ASC LIMIT ?")
                  .params(params)
                  .query(AuditLog.ROW)
                  .list());
      Collections.reverse(events);
    } else {
      List<Object> params = new ArrayList<>(w.params);
      String seqBound = "";
      if (before != null) {
        seqBound = " AND seq < ?";
        params.add(before);
      }
      params.add(size);
      events =
          jdbc.sql("SELECT * FROM audit_event" + w.sql + seqBound + " ORDER BY seq DESC LIMIT ?")
              .params(params)
              .query(AuditLog.ROW)
              .list();
    }
    boolean newer = !events.isEmpty() && exists(w, " AND seq > ?", events.get(0).seq());
    boolean older = !events.isEmpty() && exists(w, " AND seq < ?", events.get(events.size() - 1).seq());
    return new AuditPage(List.copyOf(events), newer, older, count(filter));
  }

  /** How many events match the filter. */
  public long count(AuditFilter filter) {
    Where w = where(filter);
    return jdbc.sql("SELECT count(*) FROM audit_event" + w.sql).params(w.params).query(Long.class).single();
  }

  /** The event types that occur in the log, for the filter's choice list. */
  public List<String> eventTypes() {
    return jdbc.sql("SELECT DISTINCT event_type FROM audit_event ORDER BY event_type").query(String.class).list();
  }

  /** Hands every matching event to {@code sink}, oldest first, streaming (an export of the whole log fits). */
  public void forEach(AuditFilter filter, Consumer<AuditEvent> sink) {
    Where w = where(filter);
    jdbc.sql("SELECT * FROM audit_event" + w.sql + " ORDER BY seq ASC")
        .params(w.params)
        .query((RowCallbackHandler) rs -> sink.accept(AuditLog.ROW.mapRow(rs, 0)));
  }

  /** The query plan SQLite chooses for a filtered page; tests use it to prove no full scan or sort is needed. */
  List<String> planOfPage(AuditFilter filter) {
    Where w = where(filter);
    List<Object> params = new ArrayList<>(w.params);
    params.add(PAGE_SIZE);
    return jdbc.sql("EXPLAIN QUERY PLAN SELECT * FROM audit_event" + w.sql + " ORDER BY seq DESC LIMIT ?")
        .params(params)
        .query((rs, n) -> rs.getString("detail"))
        .list();
  }

  private boolean exists(Where w, String bound, long seq) {
    List<Object> params = new ArrayList<>(w.params);
    params.add(seq);
    return !jdbc.sql("SELECT 1 FROM audit_event" + w.sql + bound + " LIMIT 1").params(params).query().listOfRows().isEmpty();
  }

  private record Where(String sql, List<Object> params) {}

  private static Where where(AuditFilter f) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (f.username() != null) {
      sql.append(" AND username = ? COLLATE NOCASE");
      params.add(f.username());
    }
    if (f.eventType() != null) {
      sql.append(" AND event_type = ?");
      params.add(f.eventType());
    }
    if (f.level() != null) {
      // One level, not "at least": an IN list would make SQLite sort the matches instead of walking the index.
      sql.append(" AND level = ?");
      params.add(f.level().name());
    }
    if (f.fromBound() != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(f.fromBound());
    }
    if (f.toBound() != null) {
      sql.append(" AND occurred_at < ?");
      params.add(f.toBound());
    }
    return new Where(sql.toString(), params);
  }
}
