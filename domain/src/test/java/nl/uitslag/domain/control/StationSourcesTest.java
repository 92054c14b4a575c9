package nl.uitslag.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.control.StationCounts.DifferenceExplanation;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import org.junit.jupiter.api.Test;

/** Reading the checks' figures out of a 510b's polling stations (HSB/CSB) and a GSB entry. */
class StationSourcesTest {

  static ReportingUnitCount unit(String id, long valid, long blank, long invalid, Map<UncountedReason, Long> uncounted) {
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.BLANK, blank);
    rejected.put(RejectedReason.INVALID, invalid);
    VoteCounts v = new VoteCounts(
        List.of(new ListVotes(1, "A", valid, null,
            List.of(new CandidateVotes(1, valid - 1), new CandidateVotes(3, 1L)))),
        0, null, valid, null, rejected, Map.of(), uncounted, Map.of());
    return new ReportingUnitCount(id, "Stembureau " + id, null, null, v, List.of());
  }

  @Test
  void votesCastAreValidPlusBlankPlusInvalidAndMissingPositionsCountZero() {
    StationCounts s = StationSources.fromReportingUnit(
        unit("0668::SB7", 90, 4, 6, Map.of(UncountedReason.ADMITTED_VOTERS, 100L)));
    assertThat(s.number()).isEqualTo(7);
    assertThat(s.votesCast()).isEqualTo(100);
    assertThat(s.admittedVoters()).isEqualTo(100);
    assertThat(s.lists().get(0).candidateVotes()).containsExactly(89L, 0L, 1L);
    assertThat(s.explanation()).isEqualTo(DifferenceExplanation.NOT_STATED);
  }

  @Test
  void geenVerklaringMeansNotExplained() {
    StationCounts s = StationSources.fromReportingUnit(unit("0668::SB1", 90, 0, 0,
        Map.of(UncountedReason.ADMITTED_VOTERS, 92L, UncountedReason.NO_EXPLANATION, 2L)));
    assertThat(s.explanation()).isEqualTo(DifferenceExplanation.NOT_EXPLAINED);
  }

  @Test
  void explanationsThatAddUpExplainAndOnesThatDoNotDoNot() {
    StationCounts ok = StationSources.fromReportingUnit(unit("0668::SB1", 90, 0, 0,
        Map.of(UncountedReason.ADMITTED_VOTERS, 92L, UncountedReason.BALLOTS_TAKEN_AWAY, 2L,
            UncountedReason.NO_EXPLANATION, 0L)));
    assertThat(ok.explanation()).isEqualTo(DifferenceExplanation.EXPLAINED);
    StationCounts short1 = StationSources.fromReportingUnit(unit("0668::SB1", 90, 0, 0,
        Map.of(UncountedReason.ADMITTED_VOTERS, 93L, UncountedReason.BALLOTS_TAKEN_AWAY, 2L)));
    assertThat(short1.explanation()).isEqualTo(DifferenceExplanation.NOT_EXPLAINED);
  }

  @Test
  void aWholeContestIsCheckedLikeAGsb() {
    ContestCount contest = new ContestCount("geen", null, null, List.of(
        unit("0668::SB1", 90, 10, 0, Map.of(UncountedReason.ADMITTED_VOTERS, 100L))));
    assertThat(NotableResults.check(StationSources.fromCountFile(contest), NotableThresholds.DEFAULTS))
        .extracting(NotableFlag::rule).containsExactly(NotableRule.BLANK_VOTES);
  }

  @Test
  void aReportingUnitThatIsNotAPollingStationIsRefused() {
    assertThatThrownBy(() -> StationSources.fromReportingUnit(unit("HSB5::0034", 1, 0, 0, Map.of())))
        .hasMessageContaining("not a polling station");
  }
}
