package nl.uitslag.domain.apportionment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;

/**
 * The properties of apportionment.md §7, over generators like Abacus' fuzz targets: 1–150 seats,
 * 1–30 lists, 1–80 candidates, frequent zeros, small values and copies of earlier lists (ties).
 * Lot-requiring outcomes are skipped by the invariant checks (lots depend on physical draws).
 */
class ApportionmentPropertiesTest {

  /** A generated election: seat count and candidate votes per list, and deceased flags. */
  record Election(int seats, List<long[]> lists, Set<String> deceased, ElectionType fixedType) {
    ApportionmentInput input() {
      return input(seats, lists);
    }

    /** GR1/GR2 by seat count, or TK (quota threshold) / EK (no P 9, ≥ threshold) when fixed. */
    ElectionType type(int s) {
      return fixedType != null ? fixedType : s < 19 ? ElectionType.GR1 : ElectionType.GR2;
    }

    ApportionmentInput input(int s, List<long[]> l) {
      List<CandidateList> cl = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        cl.add(CandidateList.of(i + 1, l.get(i)));
      }
      return ApportionmentInput.simple(type(s), s, cl).withDeceased(deceased);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(type(seats) + " seats=" + seats + " deceased=" + deceased
          + " lists=");
      lists.forEach(l -> b.append(Arrays.toString(l)));
      return b.toString();
    }

    long votes(int i) {
      return Arrays.stream(lists.get(i)).sum();
    }

    long total() {
      long t = 0;
      for (int i = 0; i < lists.size(); i++) {
        t += votes(i);
      }
      return t;
    }

    int living(int i) {
      int c = 0;
      for (int k = 0; k < lists.get(i).length; k++) {
        if (!deceased.contains((i + 1) + "." + (k + 1))) {
          c++;
        }
      }
      return c;
    }
  }

  /** Marker for "GR1 or GR2 by the number of seats" in the generator (jqwik needs a non-null value). */
  private static final ElectionType GR_BY_SEATS = ElectionType.KCNI;

  @Provide
  Arbitrary<Election> elections() {
    Arbitrary<Long> vote = Arbitraries.frequencyOf(
        Tuple(4, Arbitraries.just(0L)),
        Tuple(4, Arbitraries.longs().between(0, 20)),
        Tuple(3, Arbitraries.longs().between(0, 2_000)),
        Tuple(1, Arbitraries.longs().between(0, 1_200_000)));
    Arbitrary<long[]> list = Arbitraries.frequencyOf(
            Tuple(3, Arbitraries.integers().between(1, 5)),
            Tuple(2, Arbitraries.integers().between(1, 20)),
            Tuple(1, Arbitraries.integers().between(1, 80)))
        .flatMap(n -> vote.array(Long[].class).ofSize(n))
        .map(a -> Arrays.stream(a).mapToLong(Long::longValue).toArray());
    Arbitrary<List<long[]>> lists = list.list().ofMinSize(1).ofMaxSize(30)
        .flatMap(l -> Arbitraries.integers().between(0, l.size()).list().ofSize(l.size())
            .map(copies -> withCopies(l, copies)));
    Arbitrary<Integer> seats = Arbitraries.frequencyOf(
        Tuple(3, Arbitraries.integers().between(1, 18)),
        Tuple(3, Arbitraries.integers().between(19, 45)),
        Tuple(1, Arbitraries.integers().between(46, 150)));
    Arbitrary<Integer> deaths = Arbitraries.frequencyOf(
        Tuple(4, Arbitraries.just(0)), Tuple(1, Arbitraries.integers().between(1, 4)));
    Arbitrary<ElectionType> type = Arbitraries.frequencyOf(
        Tuple(6, Arbitraries.just(GR_BY_SEATS)),
        Tuple(1, Arbitraries.just(ElectionType.TK)),
        Tuple(1, Arbitraries.just(ElectionType.EK)));
    return Combinators.combine(seats, lists, deaths, type, Arbitraries.randoms())
        .as((s, l, d, t, random) -> {
          Set<String> dead = new HashSet<>();
          for (int k = 0; k < d; k++) {
            int i = random.nextInt(l.size());
            dead.add((i + 1) + "." + (1 + random.nextInt(l.get(i).length)));
          }
          return new Election(s, l, dead, t == GR_BY_SEATS ? null : t);
        });
  }

  /** Replaces some lists by a copy of an earlier one: equal stemcijfers are the interesting case. */
  private static List<long[]> withCopies(List<long[]> lists, List<Integer> copies) {
    List<long[]> r = new ArrayList<>(lists);
    for (int i = 1; i < r.size(); i++) {
      int from = copies.get(i);
      if (from < i && (from + i) % 3 == 0) {
        r.set(i, r.get(from).clone());
      }
    }
    return r;
  }

  private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> Tuple(
      int f, Arbitrary<T> a) {
    return net.jqwik.api.Tuple.of(f, a);
  }

  private static ApportionmentResult completedOrSkip(ApportionmentInput in) {
    ApportionmentOutcome out = Apportionment.apportion(in);
    Assume.that(out instanceof ApportionmentOutcome.Completed);
    return ((ApportionmentOutcome.Completed) out).result();
  }

  private static int[] seats(ApportionmentResult r) {
    return r.seats().values().stream().mapToInt(Integer::intValue).toArray();
  }

  // ---- §7 items 1–6 -------------------------------------------------------------------------------

  @Property(tries = 300)
  void totalFunctionSeatSumCandidateCapAndQuotaBounds(@ForAll("elections") Election e) {
    ApportionmentOutcome out = Apportionment.apportion(e.input()); // 1: never throws
    if (!(out instanceof ApportionmentOutcome.Completed)) {
      ApportionmentOutcome.LotRequired lot = (ApportionmentOutcome.LotRequired) out;
      assertThat(lot.lot().options()).hasSizeGreaterThan(1);
      return;
    }
    ApportionmentResult r = ((ApportionmentOutcome.Completed) out).result();
    int[] s = seats(r);
    long total = e.total();
    int sum = Arrays.stream(s).sum();
    // 2: seat sum
    assertThat(sum + r.unassignedSeats()).isEqualTo(e.seats());
    if (r.unassignedSeats() > 0 && total > 0) {
      for (int i = 0; i < s.length; i++) {
        // seats stay empty only when every list with votes is full (or, for the TK, below the
        // kiesdeler: P 7 lid 2 excludes it from residual seats)
        boolean belowQuota = e.type(e.seats()) == ElectionType.TK && e.votes(i) * e.seats() < total;
        assertThat(e.votes(i) == 0 || s[i] >= e.living(i) || belowQuota).isTrue();
      }
    }
    // residual seats in the final result: seats above the lower quota, including seats passed on
    long residual = 0;
    for (int i = 0; i < s.length && total > 0; i++) {
      residual += Math.max(0, s[i] - e.votes(i) * e.seats() / total);
    }
    for (int i = 0; i < s.length; i++) {
      // 3: candidate cap
      assertThat(s[i]).isLessThanOrEqualTo(e.living(i));
      if (total == 0) {
        assertThat(s[i]).isZero();
        continue;
      }
      long exact = e.votes(i) * e.seats();
      long lower = exact / total;
      long upper = (exact + total - 1) / total;
      // 4: lower quota, capped by the candidates
      assertThat((long) s[i]).isGreaterThanOrEqualTo(Math.min(lower, e.living(i)));
      // 5: upper bound
      assertThat((long) s[i]).isLessThanOrEqualTo(upper + residual);
    }
  }

  @Property(tries = 300)
  void concordanceMoreVotesNeverFewerSeatsUnlessFull(@ForAll("elections") Election e) {
    ApportionmentResult r = completedOrSkip(e.input());
    int[] s = seats(r);
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (e.votes(i) > e.votes(j) && s[i] < e.living(i)) {
          assertThat(s[i]).as("list %d (%d votes) vs list %d (%d votes)", i + 1, e.votes(i), j + 1,
              e.votes(j)).isGreaterThanOrEqualTo(s[j]);
        }
      }
    }
  }

  @Property(tries = 250)
  void anonymityRenumberingListsPermutesTheSeats(@ForAll("elections") Election e,
      @ForAll java.util.Random random) {
    Assume.that(e.deceased().isEmpty());
    ApportionmentResult r = completedOrSkip(e.input());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < e.lists().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<long[]> permuted = new ArrayList<>();
    for (int i : order) {
      permuted.add(e.lists().get(i));
    }
    ApportionmentResult p = completedOrSkip(e.input(e.seats(), permuted));
    int[] s = seats(r);
    int[] ps = seats(p);
    for (int k = 0; k < order.size(); k++) {
      assertThat(ps[k]).isEqualTo(s[order.get(k)]);
    }
  }

  @Property(tries = 250)
  void houseMonotonicityFrom19Seats(@ForAll("elections") Election e,
      @ForAll @IntRange(min = 1, max = 10) int more) {
    // with the TK quota threshold a list can cross the kiesdeler when S grows: not monotone
    Assume.that(e.fixedType() == null);
    int base = Math.max(19, e.seats());
    ApportionmentResult r = completedOrSkip(e.input(base, e.lists()));
    ApportionmentResult bigger = completedOrSkip(e.input(base + more, e.lists()));
    int[] a = seats(r);
    int[] b = seats(bigger);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).as("list %d with %d → %d seats", i + 1, base, base + more)
          .isGreaterThanOrEqualTo(a[i]);
    }
  }

  @Property(tries = 250)
  void populationMonotonicityMoreVotesForList1NeverCostItASeat(@ForAll("elections") Election e,
      @ForAll @IntRange(min = 1, max = 5000) int extra) {
    ApportionmentResult r = completedOrSkip(e.input());
    List<long[]> more = new ArrayList<>(e.lists());
    long[] first = more.get(0).clone();
    first[0] += extra;
    more.set(0, first);
    ApportionmentResult after = completedOrSkip(e.input(e.seats(), more));
    assertThat(seats(after)[0]).isGreaterThanOrEqualTo(seats(r)[0]);
  }

  // ---- Java additions ----------------------------------------------------------------------------

  @Property(tries = 300)
  void deterministic(@ForAll("elections") Election e) {
    assertThat(Apportionment.apportion(e.input())).isEqualTo(Apportionment.apportion(e.input()));
  }

  @Property(tries = 300)
  void rerunningWithTheRecordedLotsReproducesTheStepsSoFar(@ForAll("elections") Election e) {
    ApportionmentInput in = e.input();
    List<String> drawn = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      ApportionmentOutcome out = Apportionment.apportion(in.withLots(drawn));
      if (out instanceof ApportionmentOutcome.Completed) {
        ApportionmentResult r = ((ApportionmentOutcome.Completed) out).result();
        assertThat(Arrays.stream(seats(r)).sum() + r.unassignedSeats()).isEqualTo(e.seats());
        return;
      }
      ApportionmentOutcome.LotRequired lot = (ApportionmentOutcome.LotRequired) out;
      // always draw the last option, so ascending-number order cannot hide a bug
      drawn.add(lot.lot().options().get(lot.lot().options().size() - 1));
      ApportionmentOutcome next = Apportionment.apportion(in.withLots(drawn));
      List<Step> nextSteps = next instanceof ApportionmentOutcome.Completed
          ? ((ApportionmentOutcome.Completed) next).result().steps()
          : ((ApportionmentOutcome.LotRequired) next).stepsSoFar();
      assertThat(nextSteps.subList(0, lot.stepsSoFar().size())).isEqualTo(lot.stepsSoFar());
    }
  }

  @Property(tries = 300)
  void electedCandidatesFillTheSeatsAndRankingsArePermutations(@ForAll("elections") Election e) {
    ApportionmentResult r = completedOrSkip(e.input());
    for (int i = 0; i < e.lists().size(); i++) {
      ListResult l = r.lists().get(Integer.toString(i + 1));
      assertThat(l.elected()).hasSize(l.seats()).doesNotHaveDuplicates();
      assertThat(l.ranking()).hasSize(e.living(i)).doesNotHaveDuplicates();
      for (String dead : e.deceased()) {
        assertThat(l.elected()).doesNotContain(dead);
        assertThat(l.ranking()).doesNotContain(dead);
      }
      // P 19 lid 1: the elected come first in the ranking, in their order of election
      assertThat(l.ranking().subList(0, l.preferenceElected().size()))
          .isEqualTo(l.preferenceElected());
      assertThat(l.elected().subList(0, l.preferenceElected().size()))
          .isEqualTo(l.preferenceElected());
      for (String id : l.preferenceElected()) {
        int k = Integer.parseInt(id.substring(id.indexOf('.') + 1)) - 1;
        // 100·S·votes > p·V (P 15)
        assertThat(java.math.BigInteger.valueOf(e.lists().get(i)[k]).multiply(
                java.math.BigInteger.valueOf(100L * e.seats())))
            .isGreaterThanOrEqualTo(java.math.BigInteger.valueOf(e.total()).multiply(
                java.math.BigInteger.valueOf(e.type(e.seats()).preferencePercent())));
      }
    }
  }

  // ---- §7 item 10: Fraction order ------------------------------------------------------------------

  @Provide
  Arbitrary<Fraction> fractions() {
    Arbitrary<Long> num = Arbitraries.frequencyOf(
        Tuple(3, Arbitraries.longs().between(-50, 50)),
        Tuple(1, Arbitraries.longs().between(-4_000_000_000_000_000L, 4_000_000_000_000_000L)));
    Arbitrary<Long> den = Arbitraries.frequencyOf(
        Tuple(3, Arbitraries.longs().between(1, 30)),
        Tuple(1, Arbitraries.longs().between(1, 4_000_000_000_000_000L)));
    return Combinators.combine(num, den).as(Fraction::of);
  }

  @Property(tries = 1000)
  void fractionOrderIsATotalOrderAgreeingWithBigIntegers(@ForAll("fractions") Fraction a,
      @ForAll("fractions") Fraction b, @ForAll("fractions") Fraction c) {
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
    }
    java.math.BigInteger left = java.math.BigInteger.valueOf(a.numerator())
        .multiply(java.math.BigInteger.valueOf(b.denominator()));
    java.math.BigInteger right = java.math.BigInteger.valueOf(b.numerator())
        .multiply(java.math.BigInteger.valueOf(a.denominator()));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(left.compareTo(right));
    assertThat(Fraction.parse(a.toString())).isEqualTo(a);
    assertThat(Fraction.parse(a.toFractionString())).isEqualTo(a);
  }
}
