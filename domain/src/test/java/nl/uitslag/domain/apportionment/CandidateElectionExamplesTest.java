package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import org.junit.jupiter.api.Test;

/** Worked examples E33–E37 and the unnamed cases of apportionment.md §6.4: P 15, P 17, P 19, P 19a. */
class CandidateElectionExamplesTest {

  private static final long[] E33_LIST1 = {1069, 303, 321, 210, 36, 101, 79, 121, 150, 149, 15, 17};

  private static ApportionmentInput e33() {
    return grLists(15, E33_LIST1, head(977, 16), head(567, 4), head(536, 4), head(453, 4));
  }

  @Test
  void e33_preferenceVotesInVoteOrderThenListOrderP15P17() {
    ApportionmentResult r = completed(e33());
    assertThat(seats(r)).containsExactly(8, 3, 2, 1, 1);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.parse("170 2/15"));
    ListResult l1 = r.lists().get("1");
    assertThat(l1.preferenceElected()).containsExactly("1.1", "1.3", "1.2", "1.4");
    assertThat(l1.elected()).containsExactly("1.1", "1.3", "1.2", "1.4", "1.5", "1.6", "1.7", "1.8");
    assertThat(l1.ranking()).containsExactly(
        "1.1", "1.3", "1.2", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12");
    assertThat(l1.rankingChanged()).isTrue();
    ListResult l2 = r.lists().get("2");
    assertThat(l2.preferenceElected()).containsExactly("2.1");
    assertThat(l2.elected()).containsExactly("2.1", "2.2", "2.3");
    assertThat(l2.rankingChanged()).isFalse();
    assertThat(r.lists().get("5").elected()).containsExactly("5.1");
  }

  @Test
  void e34_deceasedCandidateIsSkippedAndTheRankingReportedAsUpdatedP19a() {
    ApportionmentResult r = completed(withDeceased(e33(), "2.3"));
    ListResult l2 = r.lists().get("2");
    assertThat(l2.elected()).containsExactly("2.1", "2.2", "2.4");
    assertThat(l2.ranking()).hasSize(16).startsWith("2.1", "2.2", "2.4", "2.5").endsWith("2.17");
    assertThat(l2.ranking()).doesNotContain("2.3");
    assertThat(l2.rankingChanged()).isTrue();
  }

  @Test
  void e37_deceasedHeadOfListKeepsTheListsSeats() {
    ApportionmentInput in = grLists(15, head(540, 9), head(160, 49), head(160, 49), head(80, 49),
        head(80, 49), head(80, 49), head(60, 49), head(40, 49));
    ApportionmentResult r = completed(withDeceased(in, "1.1"));
    assertThat(seats(r)).containsExactly(7, 2, 2, 1, 1, 1, 1, 0);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(40));
    ListResult l1 = r.lists().get("1");
    assertThat(l1.preferenceElected()).isEmpty();
    assertThat(l1.elected()).containsExactly("1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8");
    assertThat(l1.ranking()).containsExactly(
        "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10");
  }

  @Test
  void nonConsecutiveCandidateIdsKeepTheirListOrder() {
    CandidateList l1 = CandidateList.of(1, "A",
        List.of("1", "3", "4", "5", "7", "8", "9", "10", "11", "12"),
        1069, 303, 321, 210, 36, 101, 79, 121, 150, 181);
    ApportionmentInput in = ApportionmentInput.simple(ElectionType.GR1, 15, List.of(l1,
        fixture(2, 977), fixture(3, 567), fixture(4, 536), fixture(5, 453)));
    ListResult r = completed(in).lists().get("1");
    assertThat(r.preferenceElected()).containsExactly("1", "4", "3", "5", "12");
    assertThat(r.elected()).containsExactly("1", "4", "3", "5", "12", "7", "8", "9");
    assertThat(r.ranking()).containsExactly("1", "4", "3", "5", "12", "7", "8", "9", "10", "11");
  }

  @Test
  void votesEqualToTheThresholdDoNotQualifyP15lid1() {
    ApportionmentResult r = completed(grLists(5, votes(60, 50, 40, 30, 20), head(300, 3)));
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(50));
    assertThat(r.lists().get("1").preferenceElected()).containsExactly("1.1");
    assertThat(r.lists().get("1").elected()).containsExactly("1.1", "1.2");
  }

  @Test
  void belowNineteenSeatsAListWithoutSeatsIsRankedP19lid5() {
    ApportionmentResult r = completed(grLists(18, head(350, 14), head(204, 14), votes(0, 0, 0, 0, 16)));
    assertThat(seats(r)).containsExactly(11, 7, 0);
    assertThat(r.preferenceThreshold().toString()).isEqualTo("15 5/6");
    ListResult l3 = r.lists().get("3");
    assertThat(l3.elected()).isEmpty();
    assertThat(l3.ranking()).containsExactly("3.5", "3.1", "3.2", "3.3", "3.4");
    assertThat(l3.rankingChanged()).isTrue();
  }

  @Test
  void fromNineteenSeatsAListWithoutSeatsKeepsItsOrderP19lid5() {
    ApportionmentResult r = completed(grLists(19, head(9000, 20), votes(0, 0, 0, 0, 200)));
    assertThat(seats(r)).containsExactly(19, 0);
    assertThat(r.lists().get("2").ranking()).containsExactly("2.1", "2.2", "2.3", "2.4", "2.5");
    assertThat(r.lists().get("2").rankingChanged()).isFalse();
  }

  @Test
  void e35_rankingsWithThresholdBlockP19lid2() {
    ApportionmentResult r = completed(grLists(19,
        votes(500, 0, 500, 500, 500, 500, 500),
        votes(400, 400, 0, 400, 400, 400, 399),
        votes(300, 300, 300, 0, 300, 299, 298),
        votes(200, 200, 199, 198, 0, 197, 196),
        votes(200, 200, 199, 198, 198, 0, 119)));
    assertThat(r.quota()).isEqualTo(Fraction.of(500));
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(125));
    assertThat(seats(r)).containsExactly(6, 5, 4, 2, 2);
    assertThat(r.lists().get("1").elected()).containsExactly("1.1", "1.3", "1.4", "1.5", "1.6", "1.7");
    assertThat(r.lists().get("2").elected()).containsExactly("2.1", "2.2", "2.4", "2.5", "2.6");
    assertThat(r.lists().get("3").elected()).containsExactly("3.1", "3.2", "3.3", "3.5");
    assertThat(r.lists().get("4").elected()).containsExactly("4.1", "4.2");
    assertThat(r.lists().get("5").elected()).containsExactly("5.1", "5.2");
    assertThat(r.lists().get("1").ranking())
        .containsExactly("1.1", "1.3", "1.4", "1.5", "1.6", "1.7", "1.2");
    assertThat(r.lists().get("2").ranking())
        .containsExactly("2.1", "2.2", "2.4", "2.5", "2.6", "2.7", "2.3");
    assertThat(r.lists().get("3").ranking())
        .containsExactly("3.1", "3.2", "3.3", "3.5", "3.6", "3.7", "3.4");
    assertThat(r.lists().get("4").ranking())
        .containsExactly("4.1", "4.2", "4.3", "4.4", "4.6", "4.7", "4.5");
    assertThat(r.lists().get("5").ranking())
        .containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7");
    assertThat(r.lists().get("5").rankingChanged()).isFalse();
  }

  @Test
  void fiveCandidatesTiedForTwoSeatsNeedTwoLotsP15lid2() {
    ApportionmentInput in = grLists(19, head(11066, 17), concat(votes(500), repeat(400, 5)));
    Lot first = lot(in);
    assertThat(first.kind()).isEqualTo(LotKind.CANDIDATE);
    assertThat(first.list()).isEqualTo("2");
    assertThat(first.options()).containsExactly("2.2", "2.3", "2.4", "2.5", "2.6");
    assertThat(first.seats()).containsExactly(2, 3);
    assertThat(first.value()).isEqualTo(Fraction.of(400));
    Lot second = lot(withLots(in, "2.5"));
    assertThat(second.options()).containsExactly("2.2", "2.3", "2.4", "2.6");
    assertThat(second.seats()).containsExactly(3);
    ApportionmentResult r = completed(withLots(in, "2.5", "2.3"));
    assertThat(seats(r)).containsExactly(16, 3);
    assertThat(r.lists().get("2").elected()).containsExactly("2.1", "2.5", "2.3");
    assertThat(r.lists().get("2").ranking()).containsExactly("2.1", "2.5", "2.3", "2.2", "2.4", "2.6");
  }

  @Test
  void e36_twoCandidatesTiedForOneSeat() {
    ApportionmentInput in = ApportionmentInput.simple(ElectionType.GR1, 5, List.of(
        CandidateList.of(1, "A", List.of("A1", "A2", "A3"), 290, 0, 0),
        CandidateList.of(2, "B", List.of("B1", "B2"), 55, 55),
        CandidateList.of(3, "C", List.of("C1", "C2"), 100, 0)));
    Lot lot = lot(in);
    assertThat(lot.options()).containsExactly("B1", "B2");
    assertThat(lot.seats()).containsExactly(1);
    ApportionmentResult r = completed(withLots(in, "B2"));
    assertThat(seats(r)).containsExactly(3, 1, 1);
    assertThat(r.lists().get("2").elected()).containsExactly("B2");
    assertThat(r.lists().get("2").ranking()).containsExactly("B2", "B1");
  }

  @Test
  void equalVotesThatAllFitAreElectedInListOrderWithoutLot() {
    ApportionmentInput in = ApportionmentInput.simple(ElectionType.GR1, 3, List.of(
        CandidateList.of(1, "A", List.of("1", "3", "4"), 1000, 1000, 900), fixture(2, 1500)));
    ApportionmentResult r = completed(in);
    assertThat(seats(r)).containsExactly(2, 1);
    assertThat(r.lists().get("1").elected()).containsExactly("1", "3");
  }

  @Test
  void rankingPutsThresholdCandidatesByVotesThenTheRestP19() {
    ApportionmentInput in = ApportionmentInput.simple(ElectionType.GR2, 19, List.of(
        CandidateList.of(1, "A", List.of("2", "5", "9", "11"), 80, 90, 100, 5), fixture(2, 4475)));
    ApportionmentResult r = completed(in);
    assertThat(seats(r)).containsExactly(1, 18);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.parse("62 1/2"));
    assertThat(r.lists().get("1").elected()).containsExactly("9");
    assertThat(r.lists().get("1").ranking()).containsExactly("9", "5", "2", "11");
  }

  @Test
  void preferenceThresholdPercentCanBeOverriddenByTheElectionDefinition() {
    ApportionmentInput base = grLists(5, votes(60, 50, 40, 30, 20), head(300, 3));
    ApportionmentInput in = new ApportionmentInput(base.type(), 5, java.util.OptionalInt.of(25),
        base.districts(), base.lists(), base.deceased(), base.lots());
    ApportionmentResult r = completed(in);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(25));
    assertThat(r.lists().get("1").preferenceElected()).containsExactly("1.1", "1.2");
  }
}
