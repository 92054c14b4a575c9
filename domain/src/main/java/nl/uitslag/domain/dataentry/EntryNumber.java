package nl.uitslag.domain.dataentry;

/** Which of the two entries of a double entry a typist works on (1 or 2 in the user interface). */
public enum EntryNumber {
  FIRST,
  SECOND;

  /** 1 or 2. */
  public int number() {
    return ordinal() + 1;
  }
}
