package nl.uitslag.domain.control;

/**
 * The thresholds of the notable-results checks (opmerkelijke uitslagen) of one election, in whole percent,
 * whole percentage points, whole votes and whole factors, so every test is exact integer arithmetic.
 * {@link #DEFAULTS} are the Kiesraad's values (osv.md §3) with the "or" reading of the large-difference rule
 * (product.md §3, as W.203).
 *
 * @param blankPercent a station is notable from this share of blank votes in the votes cast (≥)
 * @param invalidPercent likewise for invalid votes
 * @param listShareDeviationPoints a list is notable when its share of the valid votes differs this many
 *     percentage points or more from its share in the rest of the municipality
 * @param differenceAbsolute |admitted voters − votes cast| is large from this many
 * @param differencePercent … or from this share of the votes cast
 * @param swapFactor a candidate got at least this many times the expected votes while another got at most
 *     1/factor of theirs (CBS review framework 2024)
 * @param swapMinimumVotes the candidate with too many votes has at least this many
 * @param swapMinimumExpected the candidate with too few votes was expected to get at least this many
 * @param swapMinimumReferenceStations the expectation needs at least this many other stations with votes on
 *     the list
 */
public record NotableThresholds(
    int blankPercent,
    int invalidPercent,
    int listShareDeviationPoints,
    int differenceAbsolute,
    int differencePercent,
    int swapFactor,
    int swapMinimumVotes,
    int swapMinimumExpected,
    int swapMinimumReferenceStations) {

  /** Blank or invalid ≥ 3 %, list share ≥ 50 points, difference ≥ 15 or ≥ 2 %, swap factor 10 with 20 votes. */
  public static final NotableThresholds DEFAULTS = new NotableThresholds(3, 3, 50, 15, 2, 10, 20, 20, 2);

  public NotableThresholds {
    percent("blankPercent", blankPercent);
    percent("invalidPercent", invalidPercent);
    percent("listShareDeviationPoints", listShareDeviationPoints);
    percent("differencePercent", differencePercent);
    atLeast("differenceAbsolute", differenceAbsolute, 1);
    atLeast("swapFactor", swapFactor, 2);
    atLeast("swapMinimumVotes", swapMinimumVotes, 1);
    atLeast("swapMinimumExpected", swapMinimumExpected, 1);
    atLeast("swapMinimumReferenceStations", swapMinimumReferenceStations, 1);
  }

  private static void percent(String name, int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException(name + " must be 1..100: " + value);
    }
  }

  private static void atLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
    }
  }
}
