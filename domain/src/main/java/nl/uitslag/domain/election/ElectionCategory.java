package nl.uitslag.domain.election;

/** The kind of body being elected, as coded in EML_NL (ElectionCategory). */
public enum ElectionCategory {
  EK, TK, EP, PS, AB, GR, BC, GC, ER, NR, PR, LR, IR;

  /** Parses an EML_NL category code; returns null for an unknown code so callers can report it. */
  public static ElectionCategory fromCode(String code) {
    for (ElectionCategory c : values()) {
      if (c.name().equals(code)) {
        return c;
      }
    }
    return null;
  }
}
