package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples E01–E14, E23, E24, E26–E32 of apportionment.md §6.1, §6.2 and §6.6. */
class SeatAssignmentExamplesTest {

  @Nested
  class FewerThan19SeatsP8 {

    @Test
    void e01_listAtExactly75PercentOfQuotaTakesPartInLargestRemainders() {
      ApportionmentResult r = completed(gr(15, 540, 160, 160, 80, 80, 80, 60, 40));
      assertThat(seats(r)).containsExactly(7, 2, 2, 1, 1, 1, 1, 0);
      assertThat(trail(r)).containsExactly("LR 1", "LR 7");
      assertThat(r.quota()).isEqualTo(Fraction.of(80));
      Step first = r.steps().get(1);
      assertThat(first.value()).isEqualTo(Fraction.of(60));
      assertThat(first.tied()).containsExactly("1", "7");
      assertThat(first.standings().get(6).eligible()).isTrue();
      assertThat(first.standings().get(7).eligible()).isFalse();
    }

    @Test
    void e02_roundTwoGivesAtMostOneSeatPerListAndBreaksUpperQuota() {
      ApportionmentResult r = completed(gr(15, 808, 59, 58, 57, 56, 55, 54, 53));
      assertThat(seats(r)).containsExactly(12, 1, 1, 1, 0, 0, 0, 0);
      assertThat(trail(r)).containsExactly("LR 1", "UHA 1", "UHA 2", "UHA 3", "UHA 4");
      // §6.6: standings before step 3 of the residual seats
      Step third = r.steps().get(3);
      assertThat(third.standings().get(0).value()).isEqualTo(Fraction.parse("62 2/13"));
      assertThat(third.standings().get(0).eligible()).isFalse();
      assertThat(third.standings().get(1).value()).isEqualTo(Fraction.of(59));
      Step fourth = r.steps().get(4);
      assertThat(fourth.standings().get(1).value()).isEqualTo(Fraction.parse("29 1/2"));
      assertThat(r.steps().get(2).value()).isEqualTo(Fraction.parse("67 1/3"));
    }

    @Test
    void e03_zeroRemaindersStillWinLargestRemainderSeats() {
      ApportionmentResult r = completed(gr(15, 480, 240, 240, 55, 50, 45, 45, 45));
      assertThat(seats(r)).containsExactly(7, 4, 4, 0, 0, 0, 0, 0);
      assertThat(trail(r)).containsExactly("LR 1", "LR 2", "LR 3");
    }

    @Test
    void e04_nobodyReaches75PercentSoRoundTwoDecides() {
      ApportionmentResult r = completed(gr(3, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1));
      assertThat(seats(r)).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 0, 0);
      assertThat(trail(r)).containsExactly("UHA 1", "UHA 2", "UHA 3");
      assertThat(r.quota()).isEqualTo(Fraction.of(38, 3));
      assertThat(r.steps().get(2).standings().get(0).value()).isEqualTo(Fraction.of(4));
      assertThat(r.steps().get(3).standings().get(1).value()).isEqualTo(Fraction.parse("3 1/2"));
    }

    @Test
    void e05_absoluteMajorityP9TakesTheLastResidualSeat() {
      ApportionmentResult r = completed(gr(15, 2571, 977, 567, 536, 453));
      assertThat(seats(r)).containsExactly(8, 3, 2, 1, 1);
      assertThat(trail(r)).containsExactly("LR 2", "LR 3", "LR 4", "P9 1<4");
      assertThat(r.quota()).isEqualTo(Fraction.of(5104, 15));
      List<Standing> rem = r.steps().get(1).standings();
      assertThat(rem).extracting(s -> s.value().toString()).containsExactly(
          "189 2/15", "296 7/15", "226 11/15", "195 11/15", "112 11/15");
      assertThat(r.steps().get(1).value().toString()).isEqualTo("296 7/15");
      assertThat(r.steps().get(4).article()).isEqualTo("P 9");
    }

    @Test
    void e06_exactlyHalfTheVotesDoesNotTriggerP9() {
      ApportionmentResult r = completed(gr(15, 2552, 987, 570, 539, 456));
      assertThat(seats(r)).containsExactly(7, 3, 2, 2, 1);
      assertThat(trail(r)).containsExactly("LR 2", "LR 3", "LR 4");
    }

    @Test
    void e07_p9WithATieGroupNeedsALot() {
      ApportionmentInput in = gr(15, 2552, 511, 511, 511, 509, 509);
      Lot lot = lot(in);
      assertThat(lot.kind()).isEqualTo(LotKind.ABSOLUTE_MAJORITY);
      assertThat(lot.options()).containsExactly("list 2", "list 3", "list 4");
      assertThat(lot.value()).isEqualTo(Fraction.parse("170 12/15"));
      ApportionmentResult r = completed(withLots(in, "list 3"));
      assertThat(seats(r)).containsExactly(8, 2, 1, 2, 1, 1);
      assertThat(trail(r)).containsExactly("LR 2", "LR 3", "LR 4", "P9 1<3");
    }

    @Test
    void e08_fiveListsTiedForFourSeatsNeedFourLots() {
      ApportionmentInput in = gr(15, 500, 140, 140, 140, 140, 140);
      Lot first = lot(in);
      assertThat(first.kind()).isEqualTo(LotKind.LARGEST_REMAINDER);
      assertThat(first.options()).containsExactly("list 2", "list 3", "list 4", "list 5", "list 6");
      assertThat(first.seats()).containsExactly(12, 13, 14, 15);
      assertThat(first.value()).isEqualTo(Fraction.of(60));
      assertThat(lot(withLots(in, "list 4")).options())
          .containsExactly("list 2", "list 3", "list 5", "list 6");
      assertThat(lot(withLots(in, "list 4", "list 2")).options())
          .containsExactly("list 3", "list 5", "list 6");
      assertThat(lot(withLots(in, "list 4", "list 2", "list 5")).options())
          .containsExactly("list 3", "list 6");
      ApportionmentResult r = completed(withLots(in, "list 4", "list 2", "list 5", "list 6"));
      assertThat(seats(r)).containsExactly(6, 2, 1, 2, 2, 2);
      assertThat(trail(r)).containsExactly("LR 4", "LR 2", "LR 5", "LR 6");
    }

    @Test
    void e09_roundTwoTieOfFiveForThreeSeats() {
      ApportionmentInput in = gr(3, 2000, 2000, 2000, 2000, 2000);
      Lot first = lot(in);
      assertThat(first.kind()).isEqualTo(LotKind.UNIQUE_HIGHEST_AVERAGE);
      assertThat(first.options()).hasSize(5);
      assertThat(lot(withLots(in, "list 3")).options())
          .containsExactly("list 1", "list 2", "list 4", "list 5");
      assertThat(lot(withLots(in, "list 3", "list 4")).options())
          .containsExactly("list 1", "list 2", "list 5");
      ApportionmentResult r = completed(withLots(in, "list 3", "list 4", "list 2"));
      assertThat(seats(r)).containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void e23_oneSeatGoesToTheLargestAverage() {
      ApportionmentResult r = completed(gr(1, 60, 40));
      assertThat(seats(r)).containsExactly(1, 0);
      assertThat(trail(r)).containsExactly("UHA 1");
    }

    @Test
    void e24_oneSeatTiedNeedsALot() {
      Lot lot = lot(gr(1, 50, 50));
      assertThat(lot.options()).containsExactly("list 1", "list 2");
      assertThat(lot.seats()).containsExactly(1);
      assertThat(seats(completed(withLots(gr(1, 50, 50), "list 2")))).containsExactly(0, 1);
    }

    @Test
    void e26_eighteenSeats() {
      ApportionmentResult r = completed(gr(18, 6, 56));
      assertThat(seats(r)).containsExactly(2, 16);
      assertThat(trail(r)).containsExactly("LR 1");
    }

    @Test
    void e28_fifteenSeats() {
      ApportionmentResult r = completed(gr(15, 8, 48, 22, 58));
      assertThat(seats(r)).containsExactly(1, 5, 3, 6);
      assertThat(trail(r)).containsExactly("LR 1", "LR 3");
    }

    @Test
    void e29_sixteenSeats() {
      ApportionmentResult r = completed(gr(16, 8, 48, 22, 58));
      assertThat(seats(r)).containsExactly(1, 6, 2, 7);
      assertThat(trail(r)).containsExactly("LR 1", "LR 4", "LR 2");
    }
  }

  @Nested
  class NineteenSeatsOrMoreP7 {

    @Test
    void e10_largestAverages() {
      ApportionmentResult r = completed(gr(23, 600, 302, 98, 99, 101));
      assertThat(seats(r)).containsExactly(12, 6, 1, 2, 2);
      assertThat(trail(r)).containsExactly("HA 5", "HA 2", "HA 1", "HA 4");
      assertThat(r.quota().toString()).isEqualTo("52 4/23");
      assertThat(r.steps().get(1).standings()).extracting(s -> s.value().toString())
          .containsExactly("50", "50 1/3", "49", "49 1/2", "50 1/2");
      assertThat(r.steps().get(3).standings().get(1).value().toString()).isEqualTo("43 1/7");
      assertThat(r.steps().get(4).standings().get(0).value().toString()).isEqualTo("46 2/13");
    }

    @Test
    void e11_dHondtCanExceedTheUpperQuota() {
      ApportionmentResult r = completed(gr(19, 808, 57, 56, 55, 54, 53, 52, 51, 14));
      assertThat(seats(r)).containsExactly(15, 1, 1, 1, 1, 0, 0, 0, 0);
      assertThat(trail(r)).containsExactly("HA 1", "HA 1", "HA 2", "HA 3", "HA 4", "HA 5", "HA 1");
      assertThat(r.steps().get(1).value().toString()).isEqualTo("62 2/13");
      assertThat(r.steps().get(2).value().toString()).isEqualTo("57 5/7");
      assertThat(r.steps().get(7).value().toString()).isEqualTo("53 13/15");
    }

    @Test
    void e12_fiveTiedListsForSixSeatsNeedNoLotThenP9() {
      ApportionmentResult r = completed(gr(24, 7501, 1249, 1249, 1249, 1249, 1249, 1248, 7));
      assertThat(seats(r)).containsExactly(13, 2, 2, 2, 2, 2, 1, 0);
      assertThat(trail(r)).containsExactly(
          "HA 2", "HA 3", "HA 4", "HA 5", "HA 6", "HA 7", "P9 1<7");
      assertThat(r.quota().toString()).isEqualTo("625 1/24");
      assertThat(r.steps().get(1).tied()).containsExactly("2", "3", "4", "5", "6");
      assertThat(r.steps().get(1).value().toString()).isEqualTo("624 1/2");
    }

    @Test
    void e13_p9TieGroupOfTwoNeedsALot() {
      ApportionmentInput in = gr(24, 7501, 1249, 1249, 1249, 1249, 1248, 1248, 8);
      Lot lot = lot(in);
      assertThat(lot.kind()).isEqualTo(LotKind.ABSOLUTE_MAJORITY);
      assertThat(lot.options()).containsExactly("list 6", "list 7");
      ApportionmentResult r = completed(withLots(in, "list 6"));
      assertThat(seats(r)).containsExactly(13, 2, 2, 2, 2, 1, 2, 0);
    }

    @Test
    void e14_largestAveragesTieOfFiveForThreeSeats() {
      ApportionmentInput in = gr(23, 500, 140, 140, 140, 140, 140);
      Lot first = lot(in);
      assertThat(first.kind()).isEqualTo(LotKind.HIGHEST_AVERAGE);
      assertThat(first.options()).hasSize(5);
      assertThat(first.value()).isEqualTo(Fraction.parse("46 2/3"));
      ApportionmentResult r = completed(withLots(in, "list 4", "list 2", "list 5"));
      assertThat(seats(r)).containsExactly(10, 3, 2, 3, 3, 2);
      assertThat(trail(r)).containsExactly("HA 1", "HA 4", "HA 2", "HA 5");
    }

    @Test
    void e27_nineteenSeats() {
      ApportionmentResult r = completed(gr(19, 6, 56));
      assertThat(seats(r)).containsExactly(1, 18);
      assertThat(trail(r)).containsExactly("HA 2");
    }

    @Test
    void e30_tkListsBelowTheQuotaGetNoResidualSeatP7lid2() {
      ApportionmentResult r = completed(of(ElectionType.TK, 19, 1000, 990, 980, 150));
      assertThat(seats(r)).containsExactly(7, 6, 6, 0);
      assertThat(trail(r)).containsExactly("HA 3", "HA 1");
      assertThat(r.steps().get(2).standings().get(3).eligible()).isFalse();
    }

    @Test
    void e31_gr2HasNoQuotaThreshold() {
      ApportionmentResult r = completed(of(ElectionType.GR2, 19, 1000, 990, 980, 150));
      assertThat(seats(r)).containsExactly(6, 6, 6, 1);
      assertThat(trail(r)).containsExactly("HA 3", "HA 4");
    }

    @Test
    void e32_tweedeKamerScale() {
      ApportionmentResult r = completed(of(ElectionType.TK, 150,
          2450878, 1643073, 1589519, 1343287, 656292, 485551, 345822, 328225, 246765, 235148,
          232963, 217270, 212532, 178802, 71345, 52913, 51043, 44253, 35978, 20000));
      assertThat(r.totalVotes()).isEqualTo(10_441_659L);
      assertThat(r.quota()).isEqualTo(Fraction.of(3480553, 50));
      assertThat(seats(r)).containsExactly(
          37, 25, 24, 20, 9, 7, 5, 5, 3, 3, 3, 3, 3, 2, 1, 0, 0, 0, 0, 0);
      assertThat(trail(r)).containsExactly(
          "HA 6", "HA 7", "HA 3", "HA 2", "HA 1", "HA 4", "HA 1", "HA 3", "HA 2", "HA 8");
      assertThat(r.steps().get(10).value()).isEqualTo(Fraction.of(328225, 5));
    }

    @Test
    void kiescollegeNietIngezetenen2023_largestAveragesWithoutThreshold() {
      ApportionmentResult r = completed(of(ElectionType.KCNI, 25,
          4853, 4280, 3746, 2371, 2200, 1991, 1898, 1827, 995, 957, 552, 478, 111));
      assertThat(seats(r)).containsExactly(5, 4, 4, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0);
      assertThat(trail(r)).containsExactly("HA 6", "HA 9", "HA 1", "HA 10", "HA 7", "HA 3", "HA 8");
    }
  }

  @Test
  void stepsAreNumberedAndCarryTheirArticle() {
    ApportionmentResult r = completed(gr(15, 2571, 977, 567, 536, 453));
    for (int i = 0; i < r.steps().size(); i++) {
      assertThat(r.steps().get(i).number()).isEqualTo(i + 1);
      assertThat(r.steps().get(i).standings()).hasSize(5);
    }
    assertThat(r.steps().get(0).kind()).isEqualTo(StepKind.FULL_SEATS);
    assertThat(r.steps().get(0).article()).isEqualTo("P 6");
    assertThat(r.steps().get(1).article()).isEqualTo("P 8 lid 1");
  }
}
