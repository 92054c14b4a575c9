package nl.uitslag.domain.dataentry;

/** Why a data-entry operation was refused; nothing changes when an operation is refused. */
public enum Refusal {
  /** Another typist has claimed this entry. */
  ALREADY_CLAIMED,
  /** The second entry must be made by someone other than the first (product.md §3). */
  NEEDS_DIFFERENT_USER,
  /** Only the typist who claimed the entry may save, finalise or discard it. */
  NOT_THE_OWNER,
  /** The first entry is already finished. */
  FIRST_ENTRY_ALREADY_FINALISED,
  /** Both entries are finished and the result is definitive. */
  SECOND_ENTRY_ALREADY_FINALISED,
  /** The operation does not apply in the current state. */
  WRONG_STATE,
  /** The saved entry is of another model variant than the one being entered. */
  MODEL_VARIANT_CHANGED,
  /** The entry does not fit the election (hard rejection) or the progress is out of range. */
  INVALID_RESULTS,
  /** In a correction only the differing fields may be changed. */
  FIELD_NOT_OPEN_FOR_CORRECTION,
  /** Equal entries that still contain errors cannot become definitive. */
  HAS_ERRORS,
  /** An imported file cannot be corrected by a typist. */
  DIGITAL_ENTRY_NOT_CORRECTABLE,
  /** Correcting the other entry requires the kept entry to be free of errors. */
  KEPT_ENTRY_HAS_ERRORS
}
