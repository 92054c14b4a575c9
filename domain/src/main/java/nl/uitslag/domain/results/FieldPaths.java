package nl.uitslag.domain.results;

/**
 * The field paths of all results models. Fields with a paper code use that code as their path, so a
 * validation result reads like the paper ("F.201: A, B, D").
 */
public final class FieldPaths {
  private FieldPaths() {}

  public static final String POLL_CARDS = "A";
  public static final String PROXY_CERTIFICATES = "B";
  public static final String VOTER_CARDS = "C";
  public static final String TOTAL_ADMITTED_VOTERS = "D";
  public static final String TOTAL_VOTES_CANDIDATES = "E";
  public static final String BLANK_VOTES = "F";
  public static final String INVALID_VOTES = "G";
  public static final String TOTAL_VOTES_CAST = "H";
  public static final String MORE_BALLOTS_COUNTED = "I";
  public static final String FEWER_BALLOTS_COUNTED = "J";
  public static final String ELIGIBLE_VOTERS = "Z";

  /** Checkbox "D = H" of the differences block. */
  public static final String COMPARE_EQUAL = "compare.equal";
  /** Checkbox "H > D" of the differences block. */
  public static final String COMPARE_CAST_GREATER = "compare.castGreater";
  /** Checkbox "H < D" of the differences block. */
  public static final String COMPARE_CAST_LESS = "compare.castLess";
  /** "Difference completely explained?" yes/no of the differences block. */
  public static final String DIFFERENCE_EXPLAINED = "difference.explained";

  /** Na 31-2 Bijlage 1, B1-1: investigated for another reason than an unexplained difference? */
  public static final String EXTRA_INVESTIGATION_OTHER_REASON = "extraInvestigation.otherReason";
  /** Na 31-2 Bijlage 1, B1-1: ballots (partly) recounted after that investigation? */
  public static final String EXTRA_INVESTIGATION_BALLOTS_RECOUNTED = "extraInvestigation.ballotsRecounted";
  /** Na 31-2 Bijlage 1, B1-2: difference ballots/admitted voters completely explained in the SB results? */
  public static final String COUNTING_DIFFERENCES_EXPLAINED_BY_SB = "countingDifferences.explainedBySb";
  /** Na 31-2 Bijlage 1, B1-2: difference in per-list ballot totals between SB and GSB count? */
  public static final String COUNTING_DIFFERENCES_LIST_TOTALS = "countingDifferences.listTotalsDiffer";

  /** N 10-1 "about the PV": corrigendum present (yes = two documents, no = one document). */
  public static final String ABOUT_REPORT_CORRIGENDUM = "aboutReport.corrigendumPresent";
  /** N 10-1 "about the PV": checks-and-corrections page present (yes) or missing (no). */
  public static final String ABOUT_REPORT_CHECKS_PAGE = "aboutReport.checksPagePresent";
  /** Controles en correcties: own-initiative reason "unexplained difference". */
  public static final String CHECKS_REASON_UNEXPLAINED_DIFFERENCE = "checks.reasonUnexplainedDifference";
  /** Controles en correcties: own-initiative reason "(suspected) other error". */
  public static final String CHECKS_REASON_OTHER_ERROR = "checks.reasonOtherError";
  /** Controles en correcties: corrected results on own initiative? */
  public static final String CHECKS_CORRECTED_OWN_INITIATIVE = "checks.correctedOwnInitiative";
  /** Controles en correcties: corrected results on CSB request? */
  public static final String CHECKS_CORRECTED_CSB_REQUEST = "checks.correctedOnCsbRequest";

  /** E.x: total of list x in the common block. */
  public static String listTotalInVotes(int listNumber) {
    return "E." + listNumber;
  }

  /** The list total at the bottom of the page of list x. */
  public static String listTotal(int listNumber) {
    return "list." + listNumber + ".total";
  }

  /** The votes of candidate c on the page of list x. */
  public static String candidateVotes(int listNumber, int candidateNumber) {
    return "list." + listNumber + ".candidate." + candidateNumber;
  }
}
