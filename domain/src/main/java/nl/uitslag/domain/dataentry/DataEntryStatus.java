package nl.uitslag.domain.dataentry;

/** The categories of the coordinator's status overview (abacus.md §3.2), one per data source. */
public enum DataEntryStatus {
  /** Werkvoorraad: nothing entered yet. */
  NOT_STARTED,
  FIRST_ENTRY_IN_PROGRESS,
  /** First entry finished, waiting for the second. */
  FIRST_ENTRY_FINISHED,
  SECOND_ENTRY_IN_PROGRESS,
  /** Fouten in proces-verbaal: the first entry was finished with errors. */
  ERRORS_IN_REPORT,
  /** Verschil tussen eerste en tweede invoer. */
  ENTRIES_DIFFERENT,
  /** Differing fields are being re-entered by a typist. */
  CORRECTION_IN_PROGRESS,
  DEFINITIVE
}
