package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Worked examples E16–E22, E25 of apportionment.md §6.3: P 10, P 19a, empty seats, no votes. */
class ExhaustionExamplesTest {

  @Test
  void e16_p9SeatRemovedByP10AndTheP9LoserMayWinAgain() {
    ApportionmentResult r = completed(grLists(15,
        head(2571, 6), head(977, 3), head(567, 1), head(536, 1), head(453, 1)));
    assertThat(seats(r)).containsExactly(7, 3, 2, 2, 1);
    assertThat(trail(r)).containsExactly("LR 2", "LR 3", "LR 4", "P9 1<4", "P10r 1", "LR 4");
    assertThat(r.hasWarning(WarningCode.ABSOLUTE_MAJORITY_AND_EXHAUSTION)).isTrue();
  }

  @Test
  void e17_continuedApplicationRunsThroughRoundTwo() {
    ApportionmentResult r = completed(grLists(8, head(537, 1), votes(10), head(426, 5)));
    assertThat(seats(r)).containsExactly(2, 1, 5);
    assertThat(r.quota()).isEqualTo(Fraction.of(973, 8));
    assertThat(trail(r)).containsExactly(
        "LR 3", "P9 1<3", "P10r 1", "P10f 1", "P10f 1", "LR 3", "UHA 3", "UHA 2");
    assertThat(r.steps().get(1).value().toString()).isEqualTo("61 1/8");
    assertThat(r.steps().get(7).value()).isEqualTo(Fraction.of(426, 5));
  }

  @Test
  void e18_roundThreeAfterExhaustionExcludesFullListsWhileAssigning() {
    ApportionmentResult r = completed(grLists(6, votes(3, 3), votes(2, 2), votes(25, 25)));
    assertThat(seats(r)).containsExactly(2, 2, 2);
    assertThat(trail(r)).containsExactly(
        "LR 3", "P10r 3", "P10f 3", "P10f 3", "P10f 3", "UHA 1", "UHA 2", "HA3 1", "HA3 2");
    assertThat(r.hasWarning(WarningCode.ABSOLUTE_MAJORITY_AND_EXHAUSTION)).isFalse();
  }

  @Test
  void e19_everyListFullLeavesASeatUnassigned() {
    ApportionmentResult r = completed(grLists(15,
        repeat(500, 4), repeat(400, 4), repeat(400, 3), repeat(400, 2), votes(400)));
    assertThat(seats(r)).containsExactly(4, 4, 3, 2, 1);
    assertThat(r.unassignedSeats()).isEqualTo(1);
    assertThat(r.hasWarning(WarningCode.SEATS_UNASSIGNED)).isTrue();
    assertThat(trail(r)).containsExactly("P10f 1");
  }

  @Test
  void e20_p9IsNotReappliedAfterP10() {
    ApportionmentResult r = completed(grLists(24, head(7501, 11),
        votes(1249, 0), votes(1249, 0), votes(1249, 0), votes(1249, 0), votes(1249, 0),
        votes(1248, 0), votes(7)));
    assertThat(seats(r)).containsExactly(12, 2, 2, 2, 2, 2, 2, 0);
    assertThat(trail(r)).endsWith("P9 1<7", "P10r 1", "HA 7");
    assertThat(r.hasWarning(WarningCode.ABSOLUTE_MAJORITY_AND_EXHAUSTION)).isFalse();
  }

  @Test
  void e21_deceasedCandidateP19aCausesExhaustionOfAFullSeat() {
    ApportionmentInput in = grLists(15, head(610, 5), head(520, 6), head(370, 4));
    ApportionmentResult r = completed(withDeceased(in, "1.6"));
    assertThat(seats(r)).containsExactly(5, 6, 4);
    assertThat(trail(r)).containsExactly("LR 3", "P10f 1", "LR 2");
    assertThat(r.lists().get("1").elected()).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
  }

  @Test
  void e22_noVotesAtAllLeavesEverySeatUnassigned() {
    ApportionmentResult r = completed(gr(10, 0, 0, 0, 0, 0));
    assertThat(seats(r)).containsExactly(0, 0, 0, 0, 0);
    assertThat(r.unassignedSeats()).isEqualTo(10);
    assertThat(r.quota()).isEqualTo(Fraction.ZERO);
    assertThat(r.hasWarning(WarningCode.NO_VOTES)).isTrue();
    assertThat(r.steps()).isEmpty();
    assertThat(r.lists().get("1").ranking()).hasSize(50).startsWith("1.1", "1.2");
  }

  @Test
  void e25_singleListRunsOut() {
    ApportionmentResult r = completed(grLists(9, head(100, 4)));
    assertThat(seats(r)).containsExactly(5);
    assertThat(r.unassignedSeats()).isEqualTo(4);
    assertThat(trail(r)).containsExactly("P10f 1", "P10f 1", "P10f 1", "P10f 1");
  }

  @Test
  void deceasedCandidatesShiftSeatsAbacusLibraryCase() {
    ApportionmentInput in = grLists(5, head(300, 2), head(100, 1), head(80, 1));
    assertThat(r(in)).containsExactly(3, 1, 1);
    assertThat(r(withDeceased(in, "1.3"))).containsExactly(2, 2, 1);
    ApportionmentResult two = completed(withDeceased(in, "1.2", "1.3"));
    assertThat(seats(two)).containsExactly(1, 2, 2);
    assertThat(trail(two)).endsWith("LR 2", "UHA 3");
    assertThat(r(withDeceased(in, "3.1", "3.2"))).containsExactly(3, 2, 0);
  }

  @Test
  void kiescollegeKeepsExcessSeatsEmptyYa29() {
    ApportionmentInput in = Fixtures.grLists(9, head(100, 4));
    ApportionmentInput kc = new ApportionmentInput(ElectionType.KC, 9, in.preferencePercent(),
        in.districts(), in.lists(), in.deceased(), in.lots());
    ApportionmentResult r = completed(kc);
    assertThat(seats(r)).containsExactly(5);
    assertThat(r.unassignedSeats()).isEqualTo(4);
    ApportionmentInput two = grLists(6, votes(3, 3), votes(2, 2), votes(25, 25));
    ApportionmentResult kc2 = completed(new ApportionmentInput(ElectionType.KC, 6,
        two.preferencePercent(), two.districts(), two.lists(), two.deceased(), two.lots()));
    assertThat(seats(kc2)).containsExactly(0, 0, 2);
    assertThat(kc2.unassignedSeats()).isEqualTo(4);
    assertThat(kc2.hasWarning(WarningCode.EXCESS_SEATS_KEPT_EMPTY)).isTrue();
  }

  private static int[] r(ApportionmentInput in) {
    return seats(completed(in));
  }
}
