package nl.uitslag.app.audit;

import java.util.List;

/**
 * One page of audit events, newest first, with whether newer or older matching events exist and how many events
 * match the filter in all.
 */
public record AuditPage(List<AuditEvent> events, boolean hasNewer, boolean hasOlder, long matching) {
  public Long newestSeq() {
    return events.isEmpty() ? null : events.get(0).seq();
  }

  public Long oldestSeq() {
    return events.isEmpty() ? null : events.get(events.size() - 1).seq();
  }
}
