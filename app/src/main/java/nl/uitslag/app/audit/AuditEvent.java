package nl.uitslag.app.audit;

/** One stored event of the audit log, with its place in the hash chain. */
public record AuditEvent(
    long seq,
    String occurredAt,
    String eventType,
    AuditLevel level,
    Long userId,
    String username,
    String remoteAddress,
    String details,
    String previousHash,
    String hash) {

  /** The exact text the hash covers; every field in a fixed order, separated so no two events can collide. */
  String canonical() {
    return String.join(
        "\u001f",
        Long.toString(seq),
        occurredAt,
        eventType,
        level.name(),
        userId == null ? "" : userId.toString(),
        username == null ? "" : username,
        remoteAddress == null ? "" : remoteAddress,
        details,
        previousHash);
  }
}
