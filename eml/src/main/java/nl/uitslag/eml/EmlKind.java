package nl.uitslag.eml;

/** The EML_NL message types this module reads or writes, by their EML Id. */
public enum EmlKind {
  E110A("110a"), E110B("110b"), E230B("230b"), E510A("510a"), E510B("510b"), E510C("510c"), E510D("510d"),
  E520("520");

  private final String id;

  EmlKind(String id) {
    this.id = id;
  }

  /** The EML Id attribute, e.g. "510b". */
  public String id() {
    return id;
  }

  /** The kind for an EML Id, or null if unsupported. */
  public static EmlKind fromId(String id) {
    for (EmlKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  boolean isCount() {
    return this == E510A || this == E510B || this == E510C || this == E510D;
  }
}
