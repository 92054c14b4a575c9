package nl.uitslag.domain.dataentry;

/** What an accepted operation did, for the audit log (one event per operation). */
public enum DataEntryEvent {
  STARTED,
  RESUMED,
  SAVED,
  FINALISED,
  DISCARDED,
  IMPORTED,
  /** Coordinator: entry with errors returned to its typist. */
  RETURNED_FIRST,
  /** Coordinator: entry with errors discarded. */
  DISCARDED_FIRST,
  KEPT_FIRST,
  KEPT_SECOND,
  KEPT_FIRST_RETURNED_SECOND,
  KEPT_SECOND_RETURNED_FIRST,
  DISCARDED_BOTH,
  RESET
}
