package nl.uitslag.app.audit;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Which audit events a reviewer wants to see: by user name, event type, level and a time range (UTC,
 * whole minutes, both ends inclusive). Null means "any".
 */
public record AuditFilter(
    String username, String eventType, AuditLevel level, LocalDateTime from, LocalDateTime to) {
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public AuditFilter {
    username = blankToNull(username);
    eventType = blankToNull(eventType);
    from = from == null ? null : from.truncatedTo(ChronoUnit.MINUTES);
    to = to == null ? null : to.truncatedTo(ChronoUnit.MINUTES);
  }

  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null);
  }

  /** The lower bound as a prefix of the stored ISO instants: every instant in that minute sorts at or after it. */
  String fromBound() {
    return from == null ? null : MINUTE.format(from);
  }

  /** The exclusive upper bound: the start of the minute after {@code to}. */
  String toBound() {
    return to == null ? null : MINUTE.format(to.plusMinutes(1));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
