package nl.uitslag.domain.election;

/** A candidate's gender as published on the candidate list (EML Gender / kr:GenderAnnex). */
public enum Gender {
  MALE("male"), FEMALE("female"), OTHER("other"), UNKNOWN("unknown");

  private final String code;

  Gender(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Returns the gender for an EML code, or null when the code is unknown. */
  public static Gender fromCode(String code) {
    for (Gender g : values()) {
      if (g.code.equals(code)) {
        return g;
      }
    }
    return null;
  }
}
