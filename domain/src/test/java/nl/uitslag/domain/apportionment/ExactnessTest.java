package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import org.junit.jupiter.api.Test;

/**
 * Exact arithmetic at the largest plausible totals (apportionment.md §3.8): 20 million votes, EK
 * vote weights up to 1,000. Compared with a straightforward BigInteger d'Hondt.
 */
class ExactnessTest {

  @Test
  void averagesThatDifferOnlyInTheLastVoteAreOrderedCorrectly() {
    // 150 seats, 20 million votes: list 2's average (v/(s+1)) exceeds list 1's by 1/(s+1)(s'+1) only.
    // List 1 = 3·K, list 2 = 2·K + 1: after 3 and 2 seats the averages are K and K + 1/3.
    long k = 6_666_666;
    ApportionmentResult r = completed(wide(150, 3 * k, 2 * k + 1));
    assertThat(r.totalVotes()).isEqualTo(5 * k + 1);
    assertThat(seats(r)).containsExactly(90, 60);
    // without the extra vote the 149th seat is an exact tie of 3K/90 and 2K/60: a lot, not a guess
    Lot tie = lot(wide(149, 3 * k, 2 * k));
    assertThat(tie.options()).containsExactly("list 1", "list 2");
    assertThat(tie.value()).isEqualTo(Fraction.of(3 * k, 90));
  }

  @Test
  void ekTotalsWithWeightsUpTo1000StayExact() {
    List<ApportionmentInput.District> bodies = new ArrayList<>();
    for (int d = 1; d <= 16; d++) {
      bodies.add(district(d, d == 16 ? 1000 : 500 + d));
    }
    List<CandidateList> lists = new ArrayList<>();
    for (int l = 1; l <= 12; l++) {
      java.util.Map<Integer, List<Long>> votes = new java.util.HashMap<>();
      List<Integer> ds = new ArrayList<>();
      for (int d = 1; d <= 16; d++) {
        ds.add(d);
        votes.put(d, List.of(100_000L + 7919L * l * d, 13L * l, 0L));
      }
      lists.add(new CandidateList(l, "L" + l,
          List.of(sub(ds, List.of(l + ".1", l + ".2", l + ".3"), votes))));
    }
    ApportionmentInput in = multi(ElectionType.EK, 75, bodies, lists);
    ApportionmentResult r = completed(in);
    BigInteger total = BigInteger.ZERO;
    long[] v = new long[12];
    for (int l = 1; l <= 12; l++) {
      for (int d = 1; d <= 16; d++) {
        long w = d == 16 ? 1000 : 500 + d;
        v[l - 1] += (100_000L + 7919L * l * d + 13L * l) * w;
      }
      total = total.add(BigInteger.valueOf(v[l - 1]));
    }
    assertThat(BigInteger.valueOf(r.totalVotes())).isEqualTo(total);
    assertThat(r.quota()).isEqualTo(Fraction.of(r.totalVotes(), 75));
    // every list has only three candidates: P 10 / U 10 caps and passes on
    assertThat(seats(r)).containsOnly(3);
    assertThat(r.unassignedSeats()).isEqualTo(39);
  }

  @Property(tries = 200)
  void largestAveragesAgreeWithBigIntegerDHondt(
      @ForAll @Size(min = 2, max = 30) List<@LongRange(min = 0, max = 20_000_000) Long> votes,
      @ForAll @IntRange(min = 19, max = 150) int seats) {
    long total = votes.stream().mapToLong(Long::longValue).sum();
    long[] v = votes.stream().mapToLong(Long::longValue).toArray();
    // EK: no P 9, no threshold, so plain d'Hondt; skip inputs that need a lot
    List<CandidateList> lists = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      lists.add(CandidateList.of(i + 1, head(v[i], 150)));
    }
    ApportionmentOutcome out = Apportionment.apportion(
        ApportionmentInput.simple(ElectionType.EK, seats, lists));
    if (!(out instanceof ApportionmentOutcome.Completed) || total == 0) {
      return;
    }
    int[] got = seats(((ApportionmentOutcome.Completed) out).result());
    assertThat(got).containsExactly(dHondt(v, seats));
  }

  /** GR2 lists with 200 candidates each, so no list runs out. */
  private static ApportionmentInput wide(int seats, long... votes) {
    List<CandidateList> lists = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      lists.add(CandidateList.of(i + 1, head(votes[i], 199)));
    }
    return ApportionmentInput.simple(ElectionType.GR2, seats, lists);
  }

  private static int[] dHondt(long[] v, int seats) {
    int[] s = new int[v.length];
    for (int k = 0; k < seats; k++) {
      int best = -1;
      for (int i = 0; i < v.length; i++) {
        if (v[i] == 0) {
          continue;
        }
        if (best < 0 || BigInteger.valueOf(v[i]).multiply(BigInteger.valueOf(s[best] + 1))
            .compareTo(BigInteger.valueOf(v[best]).multiply(BigInteger.valueOf(s[i] + 1))) > 0) {
          best = i;
        }
      }
      s[best]++;
    }
    return s;
  }

}
