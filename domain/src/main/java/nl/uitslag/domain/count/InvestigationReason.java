package nl.uitslag.domain.count;

/** The investigation flags a GSB records per polling station (DSO: own initiative; CSO: Na 31-2 Bijlage 1). */
public enum InvestigationReason {
  UNEXPLAINED_DIFFERENCE("onderzocht vanwege onverklaard verschil"),
  OTHER_ERROR("onderzocht vanwege andere fout"),
  RESULT_CORRECTED("uitslag gecorrigeerd"),
  ADMITTED_VOTERS_RECOUNTED("toegelaten kiezers opnieuw vastgesteld"),
  OTHER_REASON("onderzocht vanwege andere reden"),
  BALLOTS_PARTLY_RECOUNTED("stembiljetten deels herteld");

  private final String code;

  InvestigationReason(String code) {
    this.code = code;
  }

  /** The EML_NL ReasonCode. */
  public String code() {
    return code;
  }

  /** The reason for an EML_NL code, or null if unknown. */
  public static InvestigationReason fromCode(String code) {
    for (InvestigationReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }
}
