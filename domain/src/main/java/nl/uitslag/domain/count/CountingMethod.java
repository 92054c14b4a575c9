package nl.uitslag.domain.count;

/** Whether votes were counted centrally (CSO, after the polling stations closed) or by each polling station (DSO). */
public enum CountingMethod {
  CENTRAL("centrale stemopneming"), DECENTRAL("decentrale stemopneming");

  private final String code;

  CountingMethod(String code) {
    this.code = code;
  }

  /** The EML_NL MethodCode. */
  public String code() {
    return code;
  }

  /** The method for an EML_NL code, or null if unknown. */
  public static CountingMethod fromCode(String code) {
    for (CountingMethod m : values()) {
      if (m.code.equals(code)) {
        return m;
      }
    }
    return null;
  }
}
