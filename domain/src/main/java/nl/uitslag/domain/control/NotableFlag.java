package nl.uitslag.domain.control;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One notable result of one polling station (opmerkelijke uitslag), with the figures that made it notable so
 * the reason can be printed and checked by hand.
 *
 * <p>The figures per rule: BLANK_VOTES and INVALID_VOTES [F or G, H, threshold %]; ZERO_VOTES [D];
 * LIST_SHARE_DEVIATION [votes of the list here, valid votes here, votes of the list elsewhere, valid votes
 * elsewhere, threshold points]; UNEXPLAINED_DIFFERENCE [D, H]; LARGE_DIFFERENCE [D, H, threshold votes,
 * threshold %]; POSSIBLE_SWAP [votes of the high candidate, their expected votes in tenths, votes of the low
 * candidate, their expected votes in tenths, factor].
 *
 * @param listNumber the list concerned (LIST_SHARE_DEVIATION, POSSIBLE_SWAP), else null
 * @param highCandidate POSSIBLE_SWAP: the candidate (number on the list) with too many votes, else null
 * @param lowCandidate POSSIBLE_SWAP: the candidate with too few votes, else null
 */
public record NotableFlag(
    NotableRule rule, int stationNumber, String stationName, Integer listNumber, Integer highCandidate,
    Integer lowCandidate, List<Long> figures) {

  public NotableFlag {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(stationName, "stationName");
    figures = List.copyOf(figures);
  }

  /**
   * A stable identifier of this flag within a session (rule, station, list), under which an explanation is
   * stored; the same finding keeps its key when the figures are recomputed.
   */
  public String key() {
    return rule.code() + ":" + stationNumber + (listNumber == null ? "" : ":" + listNumber);
  }

  /** The reason in Dutch, as printed in the notable-results report. */
  public String reasonNl() {
    return reason(true);
  }

  /** The reason in English. */
  public String reasonEn() {
    return reason(false);
  }

  private String reason(boolean dutch) {
    List<Long> f = figures;
    switch (rule) {
      case BLANK_VOTES:
        return dutch
            ? f.get(0) + " blanco stemmen van " + f.get(1) + " uitgebrachte stemmen (" + percent(f.get(0), f.get(1), true)
                + "), drempel " + f.get(2) + " %"
            : f.get(0) + " blank votes of " + f.get(1) + " votes cast (" + percent(f.get(0), f.get(1), false)
                + "), threshold " + f.get(2) + " %";
      case INVALID_VOTES:
        return dutch
            ? f.get(0) + " ongeldige stemmen van " + f.get(1) + " uitgebrachte stemmen ("
                + percent(f.get(0), f.get(1), true) + "), drempel " + f.get(2) + " %"
            : f.get(0) + " invalid votes of " + f.get(1) + " votes cast (" + percent(f.get(0), f.get(1), false)
                + "), threshold " + f.get(2) + " %";
      case ZERO_VOTES:
        return dutch
            ? "geen uitgebrachte stemmen (" + f.get(0) + " toegelaten kiezers); is het stembureau meegeteld?"
            : "no votes cast (" + f.get(0) + " admitted voters); was the station left out of the count?";
      case LIST_SHARE_DEVIATION:
        return dutch
            ? "lijst " + listNumber + " heeft hier " + percent(f.get(0), f.get(1), true) + " van de geldige stemmen ("
                + f.get(0) + " van " + f.get(1) + "), in de rest van de gemeente " + percent(f.get(2), f.get(3), true)
                + " (" + f.get(2) + " van " + f.get(3) + "); drempel " + f.get(4) + " procentpunt"
            : "list " + listNumber + " has " + percent(f.get(0), f.get(1), false) + " of the valid votes here ("
                + f.get(0) + " of " + f.get(1) + "), " + percent(f.get(2), f.get(3), false)
                + " in the rest of the municipality (" + f.get(2) + " of " + f.get(3) + "); threshold "
                + f.get(4) + " percentage points";
      case UNEXPLAINED_DIFFERENCE:
        return dutch
            ? "verschil tussen toegelaten kiezers (" + f.get(0) + ") en uitgebrachte stemmen (" + f.get(1)
                + ") niet volledig verklaard"
            : "difference between admitted voters (" + f.get(0) + ") and votes cast (" + f.get(1)
                + ") not fully explained";
      case LARGE_DIFFERENCE:
        return dutch
            ? "verschil van " + Math.abs(f.get(0) - f.get(1)) + " tussen toegelaten kiezers (" + f.get(0)
                + ") en uitgebrachte stemmen (" + f.get(1) + "); drempel " + f.get(2) + " of " + f.get(3) + " %"
            : "difference of " + Math.abs(f.get(0) - f.get(1)) + " between admitted voters (" + f.get(0)
                + ") and votes cast (" + f.get(1) + "); threshold " + f.get(2) + " or " + f.get(3) + " %";
      case POSSIBLE_SWAP:
        return dutch
            ? "lijst " + listNumber + ": kandidaat " + highCandidate + " kreeg " + f.get(0) + " stemmen (verwacht "
                + tenths(f.get(1), true) + "), kandidaat " + lowCandidate + " kreeg " + f.get(2) + " (verwacht "
                + tenths(f.get(3), true) + "); factor " + f.get(4) + ": mogelijk verwisseld"
            : "list " + listNumber + ": candidate " + highCandidate + " got " + f.get(0) + " votes (expected "
                + tenths(f.get(1), false) + "), candidate " + lowCandidate + " got " + f.get(2) + " (expected "
                + tenths(f.get(3), false) + "); factor " + f.get(4) + ": possibly swapped";
      default:
        throw new IllegalStateException("unknown rule " + rule);
    }
  }

  /** a/b as a percentage with one decimal, rounded half up; "–" when b is 0. Display only. */
  static String percent(long a, long b, boolean dutch) {
    if (b == 0) {
      return "–";
    }
    long tenths = new java.math.BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(1000)))
        .divide(new java.math.BigDecimal(b), 0, RoundingMode.HALF_UP).longValueExact();
    return tenths(tenths, dutch) + " %";
  }

  static String tenths(long tenths, boolean dutch) {
    return (tenths / 10) + (dutch ? "," : ".") + (tenths % 10);
  }
}
