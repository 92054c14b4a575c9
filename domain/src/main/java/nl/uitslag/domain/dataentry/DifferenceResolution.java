package nl.uitslag.domain.dataentry;

/** The coordinator's five choices when the two entries differ (abacus.md §3.2, product.md §3). */
public enum DifferenceResolution {
  /** Keep the first entry; a new second entry by another typist is needed. */
  KEEP_FIRST_DISCARD_SECOND,
  /** Keep the second entry, which becomes the first; a new second entry by another typist is needed. */
  KEEP_SECOND_DISCARD_FIRST,
  /** Keep the first entry; the second typist re-enters only the differing fields. */
  KEEP_FIRST_CORRECT_SECOND,
  /** Keep the second entry; the first typist re-enters only the differing fields. */
  KEEP_SECOND_CORRECT_FIRST,
  /** Throw both entries away. */
  DISCARD_BOTH
}
