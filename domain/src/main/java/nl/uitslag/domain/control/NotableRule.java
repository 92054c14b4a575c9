package nl.uitslag.domain.control;

/**
 * The notable-results rules (opmerkelijke uitslagen) of the Kiesraad's Q&A and the CBS review framework
 * (osv.md §3), each a reason to look again at a polling station: explain, do not block.
 */
public enum NotableRule {
  /** Blank votes F ≥ blankPercent % of votes cast H. */
  BLANK_VOTES("OU.1"),
  /** Invalid votes G ≥ invalidPercent % of votes cast H. */
  INVALID_VOTES("OU.2"),
  /** No votes cast at all: the station may have been left out of the total. */
  ZERO_VOTES("OU.3"),
  /** A list's share of the valid votes is listShareDeviationPoints or more from its share elsewhere. */
  LIST_SHARE_DEVIATION("OU.4"),
  /** Admitted voters D ≠ votes cast H and the report does not explain the difference fully. */
  UNEXPLAINED_DIFFERENCE("OU.5"),
  /** |D − H| ≥ differenceAbsolute or ≥ differencePercent % of H. */
  LARGE_DIFFERENCE("OU.6"),
  /** Within a list one candidate got ≥ factor × the expected votes and another ≤ 1/factor: maybe swapped. */
  POSSIBLE_SWAP("OU.7");

  private final String code;

  NotableRule(String code) {
    this.code = code;
  }

  /** The short code printed beside the reason. */
  public String code() {
    return code;
  }
}
