package nl.uitslag.domain.count;

/** Why a ballot does not count for any list: blank (blanco) or invalid (ongeldig). */
public enum RejectedReason {
  INVALID("ongeldig"), BLANK("blanco");

  private final String code;

  RejectedReason(String code) {
    this.code = code;
  }

  /** The EML_NL ReasonCode. */
  public String code() {
    return code;
  }

  /** The reason for an EML_NL code, or null if unknown. */
  public static RejectedReason fromCode(String code) {
    for (RejectedReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }
}
