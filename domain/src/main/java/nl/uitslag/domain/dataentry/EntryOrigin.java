package nl.uitslag.domain.dataentry;

/** How an entry came about: typed from paper, or imported from a count file (a "digital first entry"). */
public enum EntryOrigin {
  /** Typed by a typist from the paper proces-verbaal. */
  TYPED,
  /** Read from an imported, verified count file; it counts as one entry and is never corrected field by field. */
  IMPORTED
}
