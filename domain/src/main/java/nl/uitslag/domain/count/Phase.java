package nl.uitslag.domain.count;

/** Whether a count file reports the first session (eerste zitting) or a corrigendum after an investigation. */
public enum Phase {
  FIRST_SESSION("eerste zitting"), CORRIGENDUM("corrigendum");

  private final String code;

  Phase(String code) {
    this.code = code;
  }

  /** The EML_NL PhaseCode. */
  public String code() {
    return code;
  }

  /** The phase for an EML_NL code, or null if unknown. */
  public static Phase fromCode(String code) {
    for (Phase p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    return null;
  }
}
