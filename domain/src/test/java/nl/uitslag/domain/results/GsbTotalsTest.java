package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.ResultsFixtures.change;
import static nl.uitslag.domain.results.ResultsFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.domain.results.GsbTotals.ResultsWithErrorsException;
import nl.uitslag.domain.results.GsbTotals.StationResults;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.domain.validation.ValidationResult;
import nl.uitslag.domain.validation.Validator;
import org.junit.jupiter.api.Test;

/** The GSB adds up its polling stations' definitive results (Kieswet N 11 / N 12) and refuses any with errors. */
class GsbTotalsTest {
  static final GsbTotals.ErrorCheck RULES = r -> Validator.validate(r, ValidationContext.withDefaults(ResultsFixtures.GR))
      .errors().stream().map(ValidationResult::code).map(c -> c.code()).toList();

  @Test
  void twoStationsAddUpFieldByField() {
    CsoFirstSessionResults one = ResultsFixtures.csoFirst();
    CsoFirstSessionResults two = change(one, "A", count(50), "D", count(55), "H", count(55), "E", count(50),
        "E.1", count(30), "E.2", count(20), "list.1.candidate.1", count(0), "list.1.total", count(30),
        "list.2.candidate.1", count(5), "list.2.total", count(20));
    GsbResults totals = GsbTotals.add(ResultsFixtures.GR, 1000,
        List.of(new StationResults(1, one), new StationResults(2, two)), RULES);

    assertThat(totals.eligibleVoters()).isEqualTo(1000);
    assertThat(totals.voters()).isEqualTo(new VoterCounts(150, 10, null, 160));
    assertThat(totals.votes().listTotals()).containsExactly(new ListTotal(1, 90), new ListTotal(2, 60));
    assertThat(totals.votes().totalVotesCandidates()).isEqualTo(150);
    assertThat(totals.votes().blankVotes()).isEqualTo(4);
    assertThat(totals.votes().invalidVotes()).isEqualTo(6);
    assertThat(totals.votes().totalVotesCast()).isEqualTo(160);
    assertThat(totals.lists()).containsExactly(
        new ListVotes(1, List.of(30, 40, 20), 90), new ListVotes(2, List.of(30, 30), 60));
    assertThat(Validator.validate(totals, ValidationContext.withDefaults(ResultsFixtures.GR)).hasErrors())
        .as("the sum of error-free results is itself error-free").isFalse();
  }

  @Test
  void aResultWithErrorF201IsRefusedAndNamesTheStation() {
    CsoFirstSessionResults wrong = change(ResultsFixtures.csoFirst(), "A", count(99));
    assertThatThrownBy(() -> GsbTotals.add(ResultsFixtures.GR, 0,
        List.of(new StationResults(1, ResultsFixtures.csoFirst()), new StationResults(7, wrong)), RULES))
        .isInstanceOfSatisfying(ResultsWithErrorsException.class, e -> {
          assertThat(e.station()).isEqualTo(7);
          assertThat(e.codes()).contains("F.201");
        });
  }

  @Test
  void theSamePollingStationTwiceIsRefused() {
    assertThatThrownBy(() -> GsbTotals.add(ResultsFixtures.GR, 0,
        List.of(new StationResults(3, ResultsFixtures.csoFirst()), new StationResults(3, ResultsFixtures.csoFirst())),
        RULES)).hasMessageContaining("polling station 3 appears twice");
  }

  @Test
  void noPollingStationsIsRefused() {
    assertThatThrownBy(() -> GsbTotals.add(ResultsFixtures.GR, 0, List.of(), RULES))
        .hasMessageContaining("at least one polling station");
  }

  @Test
  void resultsOfAnotherShapeAreAHardRejection() {
    assertThatThrownBy(() -> GsbTotals.add(ResultsFixtures.PS, 0,
        List.of(new StationResults(1, ResultsFixtures.csoFirst())), r -> List.of()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("voter cards");
  }

  @Test
  void aTotalAboveTheMaximumCountIsRefused() {
    // Two stations each within range whose sum of poll cards exceeds 999,999,999.
    CsoFirstSessionResults big = change(ResultsFixtures.csoFirst(), "A", count(600_000_000),
        "D", count(600_000_005));
    assertThatThrownBy(() -> GsbTotals.add(ResultsFixtures.GR, 0,
        List.of(new StationResults(1, big), new StationResults(2, big)), r -> List.of()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("exceeds");
  }

  @Property(tries = 200)
  void totalsEqualTheSumOfEveryFieldWhateverTheNumberOfStations(@ForAll @IntRange(min = 1, max = 40) int n) {
    List<StationResults> stations = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      stations.add(new StationResults(i, ResultsFixtures.csoFirst()));
    }
    GsbResults totals = GsbTotals.add(ResultsFixtures.GR, 0, stations, RULES);
    assertThat(totals.voters().totalAdmittedVoters()).isEqualTo(105 * n);
    assertThat(totals.votes().totalVotesCast()).isEqualTo(105 * n);
    assertThat(totals.lists().get(0).candidateVotes()).containsExactly(30 * n, 20 * n, 10 * n);
    assertThat(totals.votes().sumOfListTotals()).isEqualTo(totals.votes().totalVotesCandidates());
  }
}
