package nl.uitslag.app.audit;

/** How much an audit event matters to a reviewer. */
public enum AuditLevel {
  INFO,
  WARNING,
  ERROR
}
