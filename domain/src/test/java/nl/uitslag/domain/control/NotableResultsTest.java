package nl.uitslag.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.uitslag.domain.control.StationCounts.DifferenceExplanation;
import nl.uitslag.domain.control.StationCounts.ListCount;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every notable-results rule of osv.md §3 at its boundaries, with the default thresholds. */
class NotableResultsTest {

  private static final NotableThresholds T = NotableThresholds.DEFAULTS;

  /** A station with D = H and two lists sharing the valid votes (no candidates). */
  static StationCounts station(int number, long d, long h, long blank, long invalid, long list1, long list2) {
    return new StationCounts(number, "SB " + number, d, h, blank, invalid, DifferenceExplanation.NOT_STATED,
        List.of(new ListCount(1, list1, List.of()), new ListCount(2, list2, List.of())));
  }

  static StationCounts plain(int number, long blank, long invalid, long valid) {
    long h = valid + blank + invalid;
    return station(number, h, h, blank, invalid, valid / 2, valid - valid / 2);
  }

  static List<NotableRule> rules(List<NotableFlag> flags, int station) {
    List<NotableRule> rules = new ArrayList<>();
    for (NotableFlag f : flags) {
      if (f.stationNumber() == station) {
        rules.add(f.rule());
      }
    }
    return rules;
  }

  static List<NotableRule> rulesOf(StationCounts s) {
    return rules(NotableResults.check(List.of(s), T), s.number());
  }

  @Nested
  class BlankAndInvalid {
    @Test
    void blankExactlyThreePercentOfVotesCastIsNotable() {
      // 3 of 100 = 3 %: ≥ 3 % flags.
      assertThat(rulesOf(plain(1, 3, 0, 97))).containsExactly(NotableRule.BLANK_VOTES);
    }

    @Test
    void blankJustBelowThreePercentIsNot() {
      // 3 of 101 = 2.97 %.
      assertThat(rulesOf(plain(1, 3, 0, 98))).isEmpty();
    }

    @Test
    void invalidExactlyThreePercentIsNotableAndBelowIsNot() {
      assertThat(rulesOf(plain(1, 0, 30, 970))).containsExactly(NotableRule.INVALID_VOTES);
      assertThat(rulesOf(plain(1, 0, 29, 971))).isEmpty();
    }

    @Test
    void noBlankVotesIsNeverNotableEvenWithNoVotesCast() {
      assertThat(rulesOf(station(1, 0, 0, 0, 0, 0, 0))).containsExactly(NotableRule.ZERO_VOTES);
    }

    @Test
    void theReasonNamesTheFiguresAndTheThreshold() {
      NotableFlag f = NotableResults.check(List.of(plain(4, 3, 0, 97)), T).get(0);
      assertThat(f.reasonNl()).isEqualTo("3 blanco stemmen van 100 uitgebrachte stemmen (3,0 %), drempel 3 %");
      assertThat(f.reasonEn()).isEqualTo("3 blank votes of 100 votes cast (3.0 %), threshold 3 %");
      assertThat(f.key()).isEqualTo("OU.1:4");
    }

    @Test
    void aConfiguredThresholdIsUsed() {
      NotableThresholds five = new NotableThresholds(5, 5, 50, 15, 2, 10, 20, 20, 2);
      assertThat(rules(NotableResults.check(List.of(plain(1, 4, 0, 96)), five), 1)).isEmpty();
      assertThat(rules(NotableResults.check(List.of(plain(1, 5, 0, 95)), five), 1))
          .containsExactly(NotableRule.BLANK_VOTES);
    }
  }

  @Nested
  class ZeroVotes {
    @Test
    void noVotesCastIsNotable() {
      List<NotableFlag> flags = NotableResults.check(List.of(station(2, 0, 0, 0, 0, 0, 0)), T);
      assertThat(flags).extracting(NotableFlag::rule).containsExactly(NotableRule.ZERO_VOTES);
      assertThat(flags.get(0).reasonNl()).contains("geen uitgebrachte stemmen");
    }

    @Test
    void oneVoteCastIsNot() {
      assertThat(rulesOf(station(2, 1, 1, 0, 0, 1, 0))).isEmpty();
    }
  }

  @Nested
  class ListShareDeviation {
    @Test
    void exactlyFiftyPointsFromTheRestOfTheMunicipalityIsNotable() {
      // Station 1: list 1 has 75 % (75/100); elsewhere list 1 has 25 % (50/200): 50 points.
      StationCounts s1 = station(1, 100, 100, 0, 0, 75, 25);
      StationCounts s2 = station(2, 100, 100, 0, 0, 25, 75);
      StationCounts s3 = station(3, 100, 100, 0, 0, 25, 75);
      List<NotableFlag> flags = NotableResults.check(List.of(s1, s2, s3), T);
      assertThat(flags).filteredOn(f -> f.stationNumber() == 1).extracting(NotableFlag::rule, NotableFlag::listNumber)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(NotableRule.LIST_SHARE_DEVIATION, 1),
              org.assertj.core.groups.Tuple.tuple(NotableRule.LIST_SHARE_DEVIATION, 2));
      NotableFlag first = flags.get(0);
      assertThat(first.figures()).containsExactly(75L, 100L, 50L, 200L, 50L);
      assertThat(first.reasonNl()).contains("75,0 %").contains("25,0 %").contains("50 procentpunt");
    }

    @Test
    void justUnderFiftyPointsIsNot() {
      // Station 1: list 1 has 74 %; elsewhere 25 %: 49 points.
      StationCounts s1 = station(1, 100, 100, 0, 0, 74, 26);
      StationCounts s2 = station(2, 100, 100, 0, 0, 25, 75);
      StationCounts s3 = station(3, 100, 100, 0, 0, 25, 75);
      assertThat(rules(NotableResults.check(List.of(s1, s2, s3), T), 1)).isEmpty();
    }

    @Test
    void theAverageIsTakenWithoutTheStationItself() {
      // With the station included the municipal share of list 1 would be 41.7 %, only 33 points from 75 %.
      StationCounts s1 = station(1, 100, 100, 0, 0, 75, 25);
      StationCounts s2 = station(2, 100, 100, 0, 0, 25, 75);
      StationCounts s3 = station(3, 100, 100, 0, 0, 25, 75);
      assertThat(rules(NotableResults.check(List.of(s1, s2, s3), T), 1))
          .contains(NotableRule.LIST_SHARE_DEVIATION);
    }

    @Test
    void aSingleStationHasNoAverageToDifferFrom() {
      assertThat(rulesOf(station(1, 100, 100, 0, 0, 100, 0))).isEmpty();
    }
  }

  @Nested
  class Differences {
    static StationCounts diff(long d, long h, DifferenceExplanation e) {
      return new StationCounts(1, "SB 1", d, h, 0, 0, e, List.of(new ListCount(1, h, List.of())));
    }

    @Test
    void anExplainedDifferenceBelowTheThresholdsIsNotNotable() {
      // |D − H| = 1 of 100: below 15 and below 2 %.
      assertThat(rulesOf(diff(101, 100, DifferenceExplanation.EXPLAINED))).isEmpty();
    }

    @Test
    void anUnexplainedOrUnstatedDifferenceIsNotable() {
      assertThat(rulesOf(diff(101, 100, DifferenceExplanation.NOT_EXPLAINED)))
          .containsExactly(NotableRule.UNEXPLAINED_DIFFERENCE);
      assertThat(rulesOf(diff(99, 100, DifferenceExplanation.NOT_STATED)))
          .containsExactly(NotableRule.UNEXPLAINED_DIFFERENCE);
    }

    @Test
    void noDifferenceNeedsNoExplanation() {
      assertThat(rulesOf(diff(100, 100, DifferenceExplanation.NOT_EXPLAINED))).isEmpty();
    }

    @Test
    void fifteenIsLargeFourteenIsNotWhenBelowTwoPercent() {
      assertThat(rulesOf(diff(2015, 2000, DifferenceExplanation.EXPLAINED)))
          .containsExactly(NotableRule.LARGE_DIFFERENCE);
      assertThat(rulesOf(diff(2014, 2000, DifferenceExplanation.EXPLAINED))).isEmpty();
    }

    @Test
    void twoPercentOfVotesCastIsLargeJustBelowIsNot() {
      // 2 of 100 = 2 %; 2 of 101 = 1.98 %.
      assertThat(rulesOf(diff(102, 100, DifferenceExplanation.EXPLAINED)))
          .containsExactly(NotableRule.LARGE_DIFFERENCE);
      assertThat(rulesOf(diff(103, 101, DifferenceExplanation.EXPLAINED))).isEmpty();
    }

    @Test
    void admittedVotersWithNoVotesCastIsLarge() {
      assertThat(rulesOf(diff(5, 0, DifferenceExplanation.EXPLAINED)))
          .containsExactly(NotableRule.ZERO_VOTES, NotableRule.LARGE_DIFFERENCE);
    }

    @Test
    void theReasonGivesTheDifference() {
      NotableFlag f = NotableResults.check(List.of(diff(2015, 2000, DifferenceExplanation.EXPLAINED)), T).get(0);
      assertThat(f.reasonNl()).startsWith("verschil van 15 tussen toegelaten kiezers (2015)");
    }
  }

  @Nested
  class PossibleSwap {
    /** One list of 3 candidates; stations 2 and 3 vote 100/100/10, station 1 as given. */
    static List<StationCounts> municipality(long c1, long c2, long c3) {
      List<StationCounts> s = new ArrayList<>();
      s.add(cand(1, c1, c2, c3));
      s.add(cand(2, 100, 100, 10));
      s.add(cand(3, 100, 100, 10));
      return s;
    }

    static StationCounts cand(int number, long... votes) {
      List<Long> v = new ArrayList<>();
      long sum = 0;
      for (long x : votes) {
        v.add(x);
        sum += x;
      }
      return new StationCounts(number, "SB " + number, sum, sum, 0, 0, DifferenceExplanation.EXPLAINED,
          List.of(new ListCount(1, sum, v)));
    }

    @Test
    void tenTimesTheExpectedAndATenthOfTheExpectedIsAPossibleSwap() {
      // Station 1: L = 210. Elsewhere R = 420, candidate 3 has 20 → expected 10; candidate 1 expected 100.
      // Candidate 3 gets 100 = 10 × 10 (and ≥ 20); candidate 1 gets 10 = 100 / 10 (expected ≥ 20).
      List<NotableFlag> flags = NotableResults.check(municipality(10, 100, 100), T);
      NotableFlag f = flags.stream().filter(x -> x.rule() == NotableRule.POSSIBLE_SWAP).findFirst().orElseThrow();
      assertThat(f.stationNumber()).isEqualTo(1);
      assertThat(f.listNumber()).isEqualTo(1);
      assertThat(f.highCandidate()).isEqualTo(3);
      assertThat(f.lowCandidate()).isEqualTo(1);
      assertThat(f.figures()).containsExactly(100L, 100L, 10L, 1000L, 10L);
      assertThat(f.reasonNl()).isEqualTo("lijst 1: kandidaat 3 kreeg 100 stemmen (verwacht 10,0), kandidaat 1 kreeg"
          + " 10 (verwacht 100,0); factor 10: mogelijk verwisseld");
    }

    @Test
    void justUnderTenTimesIsNot() {
      // Candidate 3: 99 votes with L = 209: expected 209·20/420 = 9.95, 99 < 99.5.
      assertThat(NotableResults.check(municipality(10, 100, 99), T))
          .noneMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
    }

    @Test
    void justOverATenthIsNot() {
      // Candidate 1: 11 votes, L = 211, expected 211·200/420 = 100.5; 11 > 10.05.
      assertThat(NotableResults.check(municipality(11, 100, 100), T))
          .noneMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
    }

    @Test
    void theHighCandidateNeedsTwentyVotes() {
      // Elsewhere candidate 3 has 0 → expected 0; 19 votes is below the minimum of 20, 20 is not.
      List<StationCounts> below = List.of(cand(1, 0, 100, 19), cand(2, 100, 100, 0), cand(3, 100, 100, 0));
      List<StationCounts> at = List.of(cand(1, 0, 100, 20), cand(2, 100, 100, 0), cand(3, 100, 100, 0));
      assertThat(NotableResults.check(below, T)).noneMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
      assertThat(NotableResults.check(at, T)).anyMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
    }

    @Test
    void theLowCandidateMustHaveBeenExpectedToGetTwenty() {
      // Station 1 L = 40: candidate 1 expected 40·200/410 = 19.5 < 20, so 0 votes is not "too few".
      List<StationCounts> s = List.of(cand(1, 0, 0, 40), cand(2, 100, 100, 5), cand(3, 100, 100, 5));
      assertThat(NotableResults.check(s, T)).noneMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
      // L = 42: expected 42·200/410 = 20.5 ≥ 20 and candidate 3 gets 42 ≥ 10 × 42·10/410.
      List<StationCounts> t = List.of(cand(1, 0, 0, 42), cand(2, 100, 100, 5), cand(3, 100, 100, 5));
      assertThat(NotableResults.check(t, T)).anyMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
    }

    @Test
    void theExpectationNeedsTwoOtherStations() {
      List<StationCounts> s = List.of(cand(1, 10, 100, 100), cand(2, 200, 200, 20));
      assertThat(NotableResults.check(s, T)).noneMatch(f -> f.rule() == NotableRule.POSSIBLE_SWAP);
    }
  }

  @Test
  void flagsAreOrderedByStationThenRule() {
    List<NotableFlag> flags = NotableResults.check(
        List.of(plain(3, 10, 10, 80), station(1, 0, 0, 0, 0, 0, 0), plain(2, 0, 0, 100)), T);
    assertThat(flags).extracting(NotableFlag::stationNumber, NotableFlag::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, NotableRule.ZERO_VOTES),
        org.assertj.core.groups.Tuple.tuple(3, NotableRule.BLANK_VOTES),
        org.assertj.core.groups.Tuple.tuple(3, NotableRule.INVALID_VOTES));
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> NotableResults.check(List.of(plain(1, 0, 0, 10), plain(1, 0, 0, 10)), T))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new NotableThresholds(0, 3, 50, 15, 2, 10, 20, 20, 2))
        .hasMessageContaining("blankPercent");
    assertThatThrownBy(() -> new NotableThresholds(3, 3, 50, 15, 2, 1, 20, 20, 2))
        .hasMessageContaining("swapFactor");
    assertThatThrownBy(() -> plain(1, -1, 0, 10)).hasMessageContaining("blank");
  }
}
