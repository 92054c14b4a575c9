package nl.uitslag.domain.control;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The notable-results checks (opmerkelijke uitslagen, osv.md §3) over all polling stations of one
 * municipality: each flag is a reason for the committee to look again and explain, never a block.
 *
 * <p>"Elsewhere" always means the rest of the municipality without the station itself, pooled: the votes of
 * the other stations added up, so a small station weighs as much as its voters. All tests are integer
 * cross-multiplications; no floating point.
 */
public final class NotableResults {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private NotableResults() {}

  /** Checks every station against the thresholds; flags ordered by station number, then rule, then list. */
  public static List<NotableFlag> check(List<StationCounts> stations, NotableThresholds thresholds) {
    Objects.requireNonNull(stations, "stations");
    Objects.requireNonNull(thresholds, "thresholds");
    Totals totals = new Totals(stations);
    List<StationCounts> ordered = new ArrayList<>(stations);
    ordered.sort(Comparator.comparingInt(StationCounts::number));
    List<NotableFlag> flags = new ArrayList<>();
    for (StationCounts s : ordered) {
      rejectedShare(s, NotableRule.BLANK_VOTES, s.blank(), thresholds.blankPercent(), flags);
      rejectedShare(s, NotableRule.INVALID_VOTES, s.invalid(), thresholds.invalidPercent(), flags);
      if (s.votesCast() == 0) {
        flags.add(flag(s, NotableRule.ZERO_VOTES, null, List.of(s.admittedVoters())));
      }
      listShares(s, totals, thresholds, flags);
      differences(s, thresholds, flags);
      swaps(s, totals, thresholds, flags);
    }
    return List.copyOf(flags);
  }

  /** Blank or invalid: count ≥ p % of H, i.e. 100 · count ≥ p · H; nothing when the count is 0 (as W.201). */
  private static void rejectedShare(
      StationCounts s, NotableRule rule, long count, int percent, List<NotableFlag> flags) {
    if (count > 0 && BigInteger.valueOf(count).multiply(HUNDRED)
        .compareTo(BigInteger.valueOf(percent).multiply(BigInteger.valueOf(s.votesCast()))) >= 0) {
      flags.add(flag(s, rule, null, List.of(count, s.votesCast(), (long) percent)));
    }
  }

  /**
   * |a/E − o/O| ≥ points/100 ⟺ 100 · |a·O − o·E| ≥ points · E · O, with a and E the list's and all valid votes
   * here, o and O elsewhere; not defined when either side has no valid votes.
   */
  private static void listShares(
      StationCounts s, Totals totals, NotableThresholds t, List<NotableFlag> flags) {
    long here = s.validVotes();
    long elsewhere = totals.validVotes - here;
    if (here == 0 || elsewhere == 0) {
      return;
    }
    BigInteger e = BigInteger.valueOf(here);
    BigInteger o = BigInteger.valueOf(elsewhere);
    BigInteger bound = BigInteger.valueOf(t.listShareDeviationPoints()).multiply(e).multiply(o);
    for (int list : totals.listNumbers) {
      StationCounts.ListCount l = s.list(list);
      long a = l == null ? 0 : l.total();
      long other = totals.listVotes.getOrDefault(list, 0L) - a;
      BigInteger gap = BigInteger.valueOf(a).multiply(o).subtract(BigInteger.valueOf(other).multiply(e)).abs();
      if (gap.multiply(HUNDRED).compareTo(bound) >= 0) {
        flags.add(flag(s, NotableRule.LIST_SHARE_DEVIATION, list,
            List.of(a, here, other, elsewhere, (long) t.listShareDeviationPoints())));
      }
    }
  }

  /**
   * Unexplained: D ≠ H and the report does not say it is fully explained. Large: |D − H| ≥ absolute, or
   * 100 · |D − H| ≥ percent · H (the "or" of product.md §3; H = 0 with D &gt; 0 is large).
   */
  private static void differences(StationCounts s, NotableThresholds t, List<NotableFlag> flags) {
    long d = s.admittedVoters();
    long h = s.votesCast();
    long diff = Math.abs(d - h);
    if (diff == 0) {
      return;
    }
    if (s.explanation() != StationCounts.DifferenceExplanation.EXPLAINED) {
      flags.add(flag(s, NotableRule.UNEXPLAINED_DIFFERENCE, null, List.of(d, h)));
    }
    if (diff >= t.differenceAbsolute()
        || BigInteger.valueOf(diff).multiply(HUNDRED)
            .compareTo(BigInteger.valueOf(t.differencePercent()).multiply(BigInteger.valueOf(h))) >= 0) {
      flags.add(flag(s, NotableRule.LARGE_DIFFERENCE, null,
          List.of(d, h, (long) t.differenceAbsolute(), (long) t.differencePercent())));
    }
  }

  /**
   * Possibly swapped candidates (CBS review framework 2024): with L the votes on the list's candidates here,
   * and R_c and R the votes of candidate c and of the list elsewhere, c's expected votes are L · R_c / R.
   * High: v ≥ minimum votes and v · R ≥ factor · L · R_c. Low: L · R_c ≥ minimum expected · R and
   * factor · v · R ≤ L · R_c. Flagged when a list has both; the high candidate with the most votes and the low
   * candidate with the highest expectation are named.
   */
  private static void swaps(StationCounts s, Totals totals, NotableThresholds t, List<NotableFlag> flags) {
    BigInteger factor = BigInteger.valueOf(t.swapFactor());
    for (StationCounts.ListCount l : s.lists()) {
      if (l.candidateVotes().isEmpty()) {
        continue;
      }
      long here = l.candidateSum();
      long[] all = totals.candidateVotes.get(l.listNumber());
      long rest = totals.candidateSums.get(l.listNumber()) - here;
      int references = totals.stationsWithVotes.get(l.listNumber()) - (here > 0 ? 1 : 0);
      if (here == 0 || rest == 0 || references < t.swapMinimumReferenceStations()) {
        continue;
      }
      BigInteger bigL = BigInteger.valueOf(here);
      BigInteger bigR = BigInteger.valueOf(rest);
      int high = -1;
      int low = -1;
      BigInteger lowExpected = null;
      for (int c = 0; c < l.candidateVotes().size(); c++) {
        long v = l.candidateVotes().get(c);
        BigInteger expectedTimesR = bigL.multiply(BigInteger.valueOf(all[c] - v));
        BigInteger vTimesR = BigInteger.valueOf(v).multiply(bigR);
        if (v >= t.swapMinimumVotes() && vTimesR.compareTo(factor.multiply(expectedTimesR)) >= 0) {
          if (high < 0 || v > l.candidateVotes().get(high)) {
            high = c;
          }
        } else if (expectedTimesR.compareTo(BigInteger.valueOf(t.swapMinimumExpected()).multiply(bigR)) >= 0
            && factor.multiply(vTimesR).compareTo(expectedTimesR) <= 0) {
          if (low < 0 || expectedTimesR.compareTo(lowExpected) > 0) {
            low = c;
            lowExpected = expectedTimesR;
          }
        }
      }
      if (high >= 0 && low >= 0) {
        long highVotes = l.candidateVotes().get(high);
        long lowVotes = l.candidateVotes().get(low);
        flags.add(new NotableFlag(NotableRule.POSSIBLE_SWAP, s.number(), s.name(), l.listNumber(), high + 1,
            low + 1, List.of(highVotes, expectedTenths(bigL, all[high] - highVotes, bigR), lowVotes,
                expectedTenths(bigL, all[low] - lowVotes, bigR), (long) t.swapFactor())));
      }
    }
  }

  private static long expectedTenths(BigInteger here, long candidateElsewhere, BigInteger listElsewhere) {
    return new java.math.BigDecimal(here.multiply(BigInteger.valueOf(candidateElsewhere)).multiply(BigInteger.TEN))
        .divide(new java.math.BigDecimal(listElsewhere), 0, RoundingMode.HALF_UP).longValueExact();
  }

  private static NotableFlag flag(StationCounts s, NotableRule rule, Integer list, List<Long> figures) {
    return new NotableFlag(rule, s.number(), s.name(), list, null, null, figures);
  }

  /** The municipal totals every "elsewhere" is computed from (total minus the station itself). */
  private static final class Totals {
    final List<Integer> listNumbers;
    long validVotes;
    final Map<Integer, Long> listVotes = new HashMap<>();
    final Map<Integer, long[]> candidateVotes = new HashMap<>();
    final Map<Integer, Long> candidateSums = new HashMap<>();
    final Map<Integer, Integer> stationsWithVotes = new HashMap<>();

    Totals(List<StationCounts> stations) {
      Set<Integer> numbers = new HashSet<>();
      java.util.TreeSet<Integer> lists = new java.util.TreeSet<>();
      for (StationCounts s : stations) {
        if (!numbers.add(s.number())) {
          throw new IllegalArgumentException("polling station " + s.number() + " appears twice");
        }
        validVotes += s.validVotes();
        for (StationCounts.ListCount l : s.lists()) {
          lists.add(l.listNumber());
          listVotes.merge(l.listNumber(), l.total(), Long::sum);
          if (l.candidateVotes().isEmpty()) {
            continue;
          }
          // A count file may leave out trailing candidates without votes: the longest list page sets the size.
          long[] sums = candidateVotes.getOrDefault(l.listNumber(), new long[0]);
          if (sums.length < l.candidateVotes().size()) {
            sums = java.util.Arrays.copyOf(sums, l.candidateVotes().size());
            candidateVotes.put(l.listNumber(), sums);
          }
          for (int c = 0; c < l.candidateVotes().size(); c++) {
            sums[c] += l.candidateVotes().get(c);
          }
          long sum = l.candidateSum();
          candidateSums.merge(l.listNumber(), sum, Long::sum);
          if (sum > 0) {
            stationsWithVotes.merge(l.listNumber(), 1, Integer::sum);
          } else {
            stationsWithVotes.putIfAbsent(l.listNumber(), 0);
          }
        }
      }
      listNumbers = List.copyOf(lists);
    }
  }
}
