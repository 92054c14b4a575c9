package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import org.junit.jupiter.api.Test;

/**
 * The multi-district and vote-weight examples of apportionment.md §6.5: list groups (P 12, P 13),
 * candidates on several lists of a group (P 16, P 18), EK vote weights (U 3) and exhaustion (U 10).
 */
class MultiDistrictExamplesTest {

  private static final List<ApportionmentInput.District> THREE =
      List.of(district(1, 1), district(2, 1), district(3, 1));

  private static List<Long> v(long... votes) {
    return java.util.Arrays.stream(votes).boxed().toList();
  }

  /** tk_group.json: party A is a list group, B identical lists in three districts, C only district 1. */
  @Test
  void tkGroup_p12DistributionAndP16ChoiceOfList() {
    CandidateList a = new CandidateList(1, "A", List.of(
        sub(List.of(1, 2), List.of("A1", "A2", "A3", "A4"),
            Map.of(1, v(300, 50, 20, 10), 2, v(200, 40, 30, 10))),
        sub(List.of(3), List.of("A1", "A5", "A6", "A7"), Map.of(3, v(150, 100, 20, 10)))));
    CandidateList b = new CandidateList(2, "B", List.of(
        sub(List.of(1, 2, 3), List.of("B1", "B2", "B3", "B4"),
            Map.of(1, v(200, 30, 10, 5), 2, v(150, 20, 5, 5), 3, v(100, 20, 10, 5)))));
    CandidateList c = new CandidateList(3, "C", List.of(
        sub(List.of(1), List.of("C1", "C2"), Map.of(1, v(90, 10)))));
    ApportionmentResult r = completed(multi(ElectionType.TK, 10, THREE, List.of(a, b, c)));
    assertThat(r.totalVotes()).isEqualTo(1600);
    assertThat(r.quota()).isEqualTo(Fraction.of(160));
    assertThat(seats(r)).containsExactly(6, 4, 0);
    assertThat(trail(r)).containsExactly("HA 1", "HA 2", "GLR 1.2");
    // C (100 votes) is below the kiesdeler: P 7 lid 2
    assertThat(r.steps().get(2).standings().get(2).eligible()).isFalse();
    assertThat(r.lists().get("1.1").seats()).isEqualTo(4);
    assertThat(r.lists().get("1.2").seats()).isEqualTo(2);
    assertThat(r.lists().get("1.1").elected()).containsExactly("A1", "A2", "A3", "A4");
    assertThat(r.lists().get("1.2").elected()).containsExactly("A5", "A6");
    assertThat(r.lists().get("2").elected()).containsExactly("B1", "B2", "B3", "B4");
    assertThat(r.lists().get("2").preferenceElected()).containsExactly("B1", "B2");
    assertThat(r.lists().get("3").elected()).isEmpty();
    Step groupRemainder = r.steps().get(r.steps().size() - 1);
    assertThat(groupRemainder.standings()).extracting(s -> s.value().toString())
        .containsExactly("33 1/3", "123 1/3");
  }

  /** tk_p16.json: a candidate only on a list without a free seat takes the group's last seat. */
  @Test
  void tkP16_lastGroupSeatIsWithdrawnForAPreferentialCandidateP16lid2() {
    CandidateList a = new CandidateList(1, "A", List.of(
        sub(List.of(1, 2), List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"),
            Map.of(1, v(1000, 10, 10, 10, 10, 10, 10, 10), 2, v(5, 0, 0, 0, 0, 0, 0, 0))),
        sub(List.of(3), List.of("A9"), Map.of(3, v(45)))));
    CandidateList b = new CandidateList(2, "B", List.of(
        sub(List.of(1, 2, 3), List.of("B1", "B2", "B3", "B4"),
            Map.of(1, v(480, 0, 0, 0), 2, v(0, 0, 0, 0), 3, v(0, 0, 0, 0)))));
    ApportionmentResult r = completed(multi(ElectionType.TK, 10, THREE, List.of(a, b)));
    assertThat(seats(r)).containsExactly(7, 3);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(40));
    assertThat(trail(r)).containsExactly("GLR 1.1", "P16 1.2<1.1");
    assertThat(r.lists().get("1.1").seats()).isEqualTo(6);
    assertThat(r.lists().get("1.2").seats()).isEqualTo(1);
    assertThat(r.lists().get("1.2").elected()).containsExactly("A9");
    assertThat(r.lists().get("1.1").elected()).containsExactly("A1", "A2", "A3", "A4", "A5", "A6");
  }

  /** tk_p18.json: the same person heads two lists of the group and is elected on both by P 17. */
  @Test
  void tkP18_personElectedOnTwoListsKeepsTheOneWithMostVotes() {
    long[] x = concat(votes(20), repeat(45, 8), votes(20));
    long[] y = concat(votes(15), repeat(45, 8), votes(25));
    List<String> xIds = List.of("A1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X10");
    List<String> yIds = List.of("A1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10");
    CandidateList a = new CandidateList(1, "A", List.of(
        sub(List.of(1), xIds, Map.of(1, box(x))), sub(List.of(2), yIds, Map.of(2, box(y)))));
    CandidateList b = new CandidateList(2, "B", List.of(sub(List.of(1, 2),
        List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7"),
        Map.of(1, v(1200, 0, 0, 0, 0, 0, 0), 2, v(0, 0, 0, 0, 0, 0, 0)))));
    ApportionmentResult r = completed(multi(ElectionType.TK, 10,
        List.of(district(1, 1), district(2, 1)), List.of(a, b)));
    assertThat(seats(r)).containsExactly(4, 6);
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(50));
    assertThat(r.lists().get("1.1").elected()).containsExactly("A1", "X2");
    assertThat(r.lists().get("1.2").elected()).containsExactly("Y2", "Y3");
    // P 19 lid 4: P 18 does not apply to the ranking
    assertThat(r.lists().get("1.2").ranking()).startsWith("A1");
  }

  /** ek_weights.json: weighted votes, no P 9, exhaustion passes the seat on (U 10), threshold ≥ Q. */
  @Test
  void ekWeights_weightedVotesAndExhaustionU10() {
    List<ApportionmentInput.District> bodies = List.of(district(1, 100), district(2, 300));
    CandidateList a = new CandidateList(1, "A", List.of(sub(List.of(1, 2), List.of("A1", "A2", "A3"),
        Map.of(1, v(6, 1, 1), 2, v(2, 1, 0)))));
    CandidateList b = new CandidateList(2, "B", List.of(sub(List.of(1, 2), List.of("B1", "B2"),
        Map.of(1, v(4, 0), 2, v(5, 1)))));
    CandidateList c = new CandidateList(3, "C", List.of(sub(List.of(1, 2), List.of("C1"),
        Map.of(1, v(3), 2, v(1)))));
    ApportionmentResult r = completed(multi(ElectionType.EK, 5, bodies, List.of(a, b, c)));
    assertThat(r.totalVotes()).isEqualTo(4500);
    assertThat(r.quota()).isEqualTo(Fraction.of(900));
    assertThat(seats(r)).containsExactly(2, 2, 1);
    assertThat(trail(r)).containsExactly("HA 1", "HA 2", "P10r 2", "HA 3");
    assertThat(r.steps().get(1).value()).isEqualTo(Fraction.of(850));
    assertThat(r.steps().get(2).value().toString()).isEqualTo("733 1/3");
    assertThat(r.steps().get(4).value()).isEqualTo(Fraction.of(600));
    assertThat(r.preferenceThreshold()).isEqualTo(Fraction.of(900));
    assertThat(r.lists().get("1").preferenceElected()).containsExactly("A1");
    assertThat(r.lists().get("2").preferenceElected()).containsExactly("B1");
  }

  @Test
  void ekThresholdIsInclusiveU15lid1() {
    // A1 has exactly the kiesdeler (900): elected on preference in the EK, not under P 15
    List<ApportionmentInput.District> bodies = List.of(district(1, 100));
    CandidateList a = new CandidateList(1, "A", List.of(sub(List.of(1), List.of("A1", "A2", "A3"),
        Map.of(1, v(2, 9, 7)))));
    CandidateList b = new CandidateList(2, "B", List.of(sub(List.of(1), List.of("B1", "B2"),
        Map.of(1, v(9, 0)))));
    ApportionmentResult r = completed(multi(ElectionType.EK, 3, bodies, List.of(a, b)));
    assertThat(r.quota()).isEqualTo(Fraction.of(900));
    assertThat(seats(r)).containsExactly(2, 1);
    assertThat(r.lists().get("1").preferenceElected()).containsExactly("A2");
    assertThat(r.lists().get("1").elected()).containsExactly("A2", "A1");
    // no P 19 lid 2 block for the EK (U 15 lid 2): A3 (700) is not ranked before the others by votes
    assertThat(r.lists().get("1").ranking()).containsExactly("A2", "A1", "A3");
  }

  @Test
  void identicalListsAddTheirVotesOverDistricts() {
    CandidateList a = new CandidateList(1, "A", List.of(sub(List.of(1, 2, 3), List.of("A1", "A2"),
        Map.of(1, v(10, 20), 2, v(30, 0), 3, v(0, 5)))));
    CandidateList b = new CandidateList(2, "B", List.of(sub(List.of(1, 2, 3), List.of("B1"),
        Map.of(1, v(25), 2, v(0), 3, v(0)))));
    ApportionmentResult r = completed(multi(ElectionType.PS2, 3, THREE, List.of(a, b)));
    assertThat(r.totalVotes()).isEqualTo(90);
    assertThat(seats(r)).containsExactly(2, 1);
    assertThat(r.lists().get("1").elected()).containsExactly("A1", "A2");
  }

  @Test
  void p13lid1_aListOfTheGroupWithTooFewCandidatesPassesItsSeatOn() {
    // group A: X (district 1) has one candidate but earns 3 of the group's 4 seats
    CandidateList a = new CandidateList(1, "A", List.of(
        sub(List.of(1), List.of("X1"), Map.of(1, v(600))),
        sub(List.of(2), List.of("Y1", "Y2", "Y3"), Map.of(2, v(100, 50, 50)))));
    CandidateList b = new CandidateList(2, "B", List.of(sub(List.of(1, 2), List.of("B1", "B2"),
        Map.of(1, v(100, 0), 2, v(100, 0)))));
    ApportionmentResult r = completed(multi(ElectionType.PS2, 5,
        List.of(district(1, 1), district(2, 1)), List.of(a, b)));
    assertThat(seats(r)).containsExactly(4, 1);
    assertThat(r.lists().get("1.1").seats()).isEqualTo(1);
    assertThat(r.lists().get("1.2").seats()).isEqualTo(3);
    assertThat(r.lists().get("1.2").elected()).containsExactly("Y1", "Y2", "Y3");
    assertThat(trail(r)).contains("P13 1.1");
  }

  @Test
  void tkWithoutAnyListReachingTheQuotaLeavesResidualSeatsEmptyP7lid2() {
    ApportionmentResult r = completed(of(ElectionType.TK, 5, 100, 100, 100, 100, 100, 100));
    assertThat(seats(r)).containsExactly(0, 0, 0, 0, 0, 0);
    assertThat(r.unassignedSeats()).isEqualTo(5);
    assertThat(r.hasWarning(WarningCode.SEATS_UNASSIGNED)).isTrue();
  }

  private static List<Long> box(long[] x) {
    return java.util.Arrays.stream(x).boxed().toList();
  }
}
