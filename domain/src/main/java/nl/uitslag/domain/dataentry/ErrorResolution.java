package nl.uitslag.domain.dataentry;

/** The coordinator's choices for a first entry finished with errors. */
public enum ErrorResolution {
  /** The paper was corrected: return the entry to its typist to correct it (not for an imported file). */
  RESUME_FIRST_ENTRY,
  /** Throw the entry away and start over. */
  DISCARD_FIRST_ENTRY
}
