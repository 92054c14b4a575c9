package nl.uitslag.app.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events for an auditor, as CSV (RFC 4180) or JSON, with every field the hash covers plus the
 * hash itself, unchanged: anyone can recompute each hash and the links between events offline
 * (docs/OPERATIONS.md, "Checking an exported audit log").
 */
public final class AuditExport {
  static final String[] COLUMNS = {
    "seq", "occurred_at", "event_type", "level", "user_id", "username", "remote_address", "details",
    "previous_hash", "hash"
  };
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AuditExport() {}

  /** CSV with a header line; values are written exactly as stored (quoted where RFC 4180 requires it). */
  public static final class Csv implements AutoCloseable {
    private final Writer out;

    public Csv(Writer out) {
      this.out = out;
      line(COLUMNS);
    }

    public void write(AuditEvent e) {
      line(
          new String[] {
            Long.toString(e.seq()),
            e.occurredAt(),
            e.eventType(),
            e.level().name(),
            e.userId() == null ? "" : e.userId().toString(),
            nullToEmpty(e.username()),
            nullToEmpty(e.remoteAddress()),
            e.details(),
            e.previousHash(),
            e.hash()
          });
    }

    private void line(String[] values) {
      try {
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(quote(values[i]));
        }
        out.write("\r\n");
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    @Override
    public void close() {
      try {
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  /**
   * Spreadsheet programs may treat a value starting with {@code =} as a formula; the values are still written
   * unchanged, because changing them would break the hash check. docs/OPERATIONS.md says to open the file as
   * text.
   */
  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** A JSON object with the filter used and the events in an array, oldest first. */
  public static final class Json implements AutoCloseable {
    private final Writer out;
    private boolean first = true;

    public Json(Writer out, AuditFilter filter, String exportedAt) {
      this.out = out;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("username", filter.username());
      f.put("eventType", filter.eventType());
      f.put("level", filter.level() == null ? null : filter.level().name());
      f.put("fromUtc", filter.fromBound());
      f.put("toUtcExclusive", filter.toBound());
      try {
        out.write("{\"exportedAt\":" + JSON.writeValueAsString(exportedAt));
        out.write(",\"hashAlgorithm\":\"SHA-256 over seq, occurred_at, event_type, level, user_id, username,"
            + " remote_address, details, previous_hash joined by U+001F (null as empty), UTF-8\"");
        out.write(",\"filter\":" + JSON.writeValueAsString(f));
        out.write(",\"events\":[");
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    public void write(AuditEvent e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("occurred_at", e.occurredAt());
      m.put("event_type", e.eventType());
      m.put("level", e.level().name());
      m.put("user_id", e.userId());
      m.put("username", e.username());
      m.put("remote_address", e.remoteAddress());
      // The details stay the exact stored text (itself JSON), because the hash covers that text.
      m.put("details", e.details());
      m.put("previous_hash", e.previousHash());
      m.put("hash", e.hash());
      try {
        out.write(first ? "\n" : ",\n");
        out.write(JSON.writeValueAsString(m));
        first = false;
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    @Override
    public void close() {
      try {
        out.write("\n]}\n");
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
