package nl.uitslag.domain.count;

/**
 * The admitted-voter checks and explained differences a count file carries as UncountedVotes, in the order of the
 * EML_NL schema: poll cards, proxy certificates, voter cards, admitted voters (form fields A-D), more/fewer ballots
 * counted (I, J) and the explanations of a difference.
 */
public enum UncountedReason {
  POLL_CARDS("geldige stempassen"),
  PROXY_CERTIFICATES("geldige volmachtbewijzen"),
  VOTER_CARDS("geldige kiezerspassen"),
  ADMITTED_VOTERS("toegelaten kiezers"),
  MORE_BALLOTS_COUNTED("meer getelde stembiljetten"),
  FEWER_BALLOTS_COUNTED("minder getelde stembiljetten"),
  BALLOTS_TAKEN_AWAY("meegenomen stembiljetten"),
  TOO_FEW_BALLOTS_ISSUED("te weinig uitgereikte stembiljetten"),
  TOO_MANY_BALLOTS_ISSUED("te veel uitgereikte stembiljetten"),
  NO_POSTAL_BALLOTS("geen briefstembiljetten"),
  TOO_MANY_POSTAL_BALLOTS("te veel briefstembiljetten"),
  LOST_BALLOTS("kwijtgeraakte stembiljetten"),
  NO_EXPLANATION("geen verklaring"),
  OTHER_EXPLANATION("andere verklaring");

  private final String code;

  UncountedReason(String code) {
    this.code = code;
  }

  /** The EML_NL ReasonCode. */
  public String code() {
    return code;
  }

  /** The reason for an EML_NL code, or null if unknown. */
  public static UncountedReason fromCode(String code) {
    for (UncountedReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }
}
