package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import org.junit.jupiter.api.Test;

/** The GSB totals of a 510b as the CSB's first entry, and back as a reporting unit of the 510d. */
class GsbTotalsTest {
  private static final ResultsShape WMW = new ResultsShape(List.of(new ListShape(1, 48), new ListShape(2, 28),
      new ListShape(3, 36), new ListShape(4, 44), new ListShape(5, 29), new ListShape(6, 20), new ListShape(7, 18),
      new ListShape(8, 28)), false);

  @Test
  void theRealWestMaasEnWaal510bGivesTheOfficialTotals() {
    GsbResults r = GsbTotals.fromCount(Gr2022Files.count(Gr2022Files.WMW_510B).contests().get(0).total(), WMW);
    assertThat(r.eligibleVoters()).isEqualTo(16202);
    assertThat(r.voters()).isEqualTo(new VoterCounts(8121, 1277, null, 9398));
    assertThat(r.votes().totalVotesCandidates()).isEqualTo(9350);
    assertThat(r.votes().blankVotes()).isEqualTo(21);
    assertThat(r.votes().invalidVotes()).isEqualTo(27);
    assertThat(r.votes().totalVotesCast()).as("H = E + F + G").isEqualTo(9398);
    assertThat(r.moreBallotsCounted()).isEqualTo(1);
    assertThat(r.fewerBallotsCounted()).isEqualTo(1);
    assertThat(r.lists().get(0).candidateVotes().get(0)).as("Reuvers, list 1 candidate 1").isEqualTo(581);
    assertThat(r.lists().get(7).total()).isEqualTo(671);
    assertThat(r.lists().stream().mapToLong(ListVotes::sumOfCandidateVotes).sum()).isEqualTo(9350);
  }

  @Test
  void aListTheElectionDoesNotHaveIsRefused() {
    ResultsShape fewer = new ResultsShape(WMW.lists().subList(0, 7), false);
    assertThatThrownBy(() -> GsbTotals.fromCount(
            Gr2022Files.count(Gr2022Files.WMW_510B).contests().get(0).total(), fewer))
        .isInstanceOf(GsbTotals.Mismatch.class).hasMessageContaining("list 8");
  }

  @Test
  void votesForACandidateBeyondTheListAreRefused() {
    List<ListShape> shorter = new ArrayList<>(WMW.lists());
    shorter.set(0, new ListShape(1, 10));
    assertThatThrownBy(() -> GsbTotals.fromCount(
            Gr2022Files.count(Gr2022Files.WMW_510B).contests().get(0).total(), new ResultsShape(shorter, false)))
        .isInstanceOf(GsbTotals.Mismatch.class).hasMessageContaining("candidate 11");
  }

  @Property
  void consistentTotalsSurviveTheRoundTripThroughA510dReportingUnit(
      @ForAll @Size(min = 1, max = 5) List<@Size(min = 1, max = 6) List<@IntRange(max = 100_000) Integer>> votes,
      @ForAll @IntRange(max = 1000) int blank, @ForAll @IntRange(max = 1000) int invalid,
      @ForAll @IntRange(max = 10_000_000) int eligible, @ForAll boolean voterCards) {
    List<ListShape> shapes = new ArrayList<>();
    List<ListTotal> totals = new ArrayList<>();
    List<ListVotes> pages = new ArrayList<>();
    int e = 0;
    for (int i = 0; i < votes.size(); i++) {
      int total = votes.get(i).stream().mapToInt(Integer::intValue).sum();
      shapes.add(new ListShape(i + 1, votes.get(i).size()));
      totals.add(new ListTotal(i + 1, total));
      pages.add(new ListVotes(i + 1, votes.get(i), total));
      e += total;
    }
    int h = e + blank + invalid;
    GsbResults r = new GsbResults(eligible, new VoterCounts(h - 7 < 0 ? 0 : h - 7, Math.min(7, h),
        voterCards ? 0 : null, h), new VotesCounts(totals, e, blank, invalid, h), 3, 2, pages);
    ResultsShape shape = new ResultsShape(shapes, voterCards);
    assertThat(GsbTotals.fromCount(GsbTotals.toCount(r, Map.of()), shape)).isEqualTo(r);
  }
}
