package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.ResultsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultsModelTest {

  private static List<String> codes(ResultsModel m) {
    return m.fields().stream().map(ResultsField::paperCode).filter(c -> !c.isEmpty()).toList();
  }

  private static List<String> paths(ResultsModel m) {
    return m.fields().stream().map(ResultsField::path).toList();
  }

  @Test
  void na31_2_bijlage1_fields_follow_the_paper_order() {
    assertThat(paths(csoFirst())).startsWith(
        "extraInvestigation.otherReason", "extraInvestigation.ballotsRecounted",
        "countingDifferences.explainedBySb", "countingDifferences.listTotalsDiffer",
        "A", "B", "D", "E.1", "E.2", "E", "F", "G", "H",
        "compare.equal", "compare.castGreater", "compare.castLess", "I", "J", "difference.explained",
        "list.1.candidate.1", "list.1.candidate.2", "list.1.candidate.3", "list.1.total");
    assertThat(paths(csoFirst())).endsWith("list.2.candidate.1", "list.2.candidate.2", "list.2.total");
    assertThat(codes(csoFirst())).containsExactly("A", "B", "D", "E.1", "E.2", "E", "F", "G", "H", "I", "J");
  }

  @Test
  void voter_cards_C_appear_only_where_they_apply() {
    assertThat(codes(csoFirstPs())).startsWith("A", "B", "C", "D");
    assertThat(paths(csoFirst())).doesNotContain("C");
  }

  @Test
  void n10_1_starts_with_about_the_report_and_checks_and_corrections() {
    assertThat(paths(dsoFirst())).startsWith(
        "aboutReport.corrigendumPresent", "aboutReport.checksPagePresent",
        "checks.reasonUnexplainedDifference", "checks.reasonOtherError",
        "checks.correctedOwnInitiative", "checks.correctedOnCsbRequest", "A");
  }

  @Test
  void next_session_models_have_common_differences_and_lists_only() {
    assertThat(paths(nextSession(CountingMethod.CSO))).first().isEqualTo("A");
    assertThat(nextSession(CountingMethod.CSO).variant()).isEqualTo(ModelVariant.CSO_NEXT_SESSION);
    assertThat(nextSession(CountingMethod.DSO).variant()).isEqualTo(ModelVariant.DSO_NEXT_SESSION);
    assertThat(nextSession(CountingMethod.CSO).variant().paperModel()).isEqualTo("Na 14-2 Bijlage 1");
    assertThat(nextSession(CountingMethod.DSO).variant().paperModel()).isEqualTo("Na 14-1 versie 2");
  }

  @Test
  void gsb_totals_have_Z_then_common_block_then_I_and_J_without_checkboxes() {
    assertThat(codes(gsb())).containsExactly("Z", "A", "B", "D", "E.1", "E.2", "E", "F", "G", "H", "I", "J");
    assertThat(paths(gsb())).doesNotContain("compare.equal", "difference.explained");
  }

  @Test
  void model_variant_follows_counting_method_and_session() {
    assertThat(ModelVariant.forPollingStation(CountingMethod.CSO, 1)).isEqualTo(ModelVariant.CSO_FIRST_SESSION);
    assertThat(ModelVariant.forPollingStation(CountingMethod.DSO, 1)).isEqualTo(ModelVariant.DSO_FIRST_SESSION);
    assertThat(ModelVariant.forPollingStation(CountingMethod.CSO, 2)).isEqualTo(ModelVariant.CSO_NEXT_SESSION);
    assertThat(ModelVariant.forPollingStation(CountingMethod.DSO, 3)).isEqualTo(ModelVariant.DSO_NEXT_SESSION);
    assertThatThrownBy(() -> ModelVariant.forPollingStation(CountingMethod.DSO, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_count_of_999_999_999_is_accepted() {
    assertThat(change(csoFirst(), "A", count(Counts.MAX)).voters().pollCards()).isEqualTo(999_999_999);
  }

  @Test
  void a_count_above_999_999_999_is_a_hard_rejection_naming_the_field() {
    assertThatThrownBy(() -> change(csoFirst(), "list.2.candidate.1", count(1_000_000_000)))
        .isInstanceOf(InvalidResultsException.class)
        .hasMessageContaining("list.2.candidate.1")
        .extracting(e -> ((InvalidResultsException) e).fieldPath()).isEqualTo("list.2.candidate.1");
    assertThatThrownBy(() -> new VoterCounts(0, 0, null, Integer.MAX_VALUE))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("D");
  }

  @Test
  void a_negative_count_is_a_hard_rejection() {
    assertThatThrownBy(() -> change(gsb(), "Z", count(-1)))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("Z");
  }

  @Test
  void results_with_a_different_number_of_lists_are_rejected() {
    ResultsShape oneList = new ResultsShape(List.of(new ListShape(1, 3)), false);
    assertThatThrownBy(() -> oneList.requireConforms(csoFirst()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("1 lists");
  }

  @Test
  void results_with_a_different_number_of_candidates_are_rejected() {
    ResultsShape fewer = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(2, 1)), false);
    assertThatThrownBy(() -> fewer.requireConforms(csoFirst()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("candidates");
  }

  @Test
  void results_with_other_list_numbers_are_rejected() {
    ResultsShape other = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(3, 2)), false);
    assertThatThrownBy(() -> other.requireConforms(csoFirst()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("expected list 3");
  }

  @Test
  void list_numbers_must_be_strictly_increasing() {
    assertThatThrownBy(() -> new VotesCounts(List.of(new ListTotal(2, 0), new ListTotal(1, 0)), 0, 0, 0, 0))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> new ResultsShape(List.of(new ListShape(1, 1), new ListShape(1, 1)), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void list_pages_must_match_the_list_totals_E_x() {
    VotesCounts votes = new VotesCounts(List.of(new ListTotal(1, 0)), 0, 0, 0, 0);
    assertThatThrownBy(() -> new GsbResults(1, VoterCounts.empty(false), votes, 0, 0,
        List.of(new ListVotes(2, List.of(0), 0))))
        .isInstanceOf(InvalidResultsException.class);
  }

  @Test
  void voter_cards_present_in_GR_are_rejected() {
    assertThatThrownBy(() -> GR.requireConforms(csoFirstPs()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("no voter cards");
  }

  @Test
  void voter_cards_missing_in_PS_are_rejected() {
    assertThatThrownBy(() -> PS.requireConforms(csoFirst()))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("required");
  }

  @Test
  void checks_and_corrections_filled_while_the_page_is_marked_missing_is_rejected() {
    assertThatThrownBy(() -> change(dsoFirst(), "checks.reasonOtherError", ticked(true)))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("missing");
  }

  @Test
  void unknown_fields_and_values_of_the_wrong_kind_are_rejected() {
    assertThatThrownBy(() -> change(csoFirst(), "C", count(1)))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("no such field");
    assertThatThrownBy(() -> change(csoFirst(), "A", YesNo.YES))
        .isInstanceOf(InvalidResultsException.class).hasMessageContaining("Count");
    assertThatThrownBy(() -> csoFirst().withValues(List.of(count(1))))
        .isInstanceOf(InvalidResultsException.class);
  }

  @Test
  void equal_entries_are_deeply_equal_and_have_no_differing_fields() {
    assertThat(csoFirst()).isEqualTo(csoFirst()).hasSameHashCodeAs(csoFirst());
    assertThat(csoFirst().differingFields(csoFirst())).isEmpty();
  }

  @Test
  void differing_fields_lists_every_difference_in_paper_order() {
    ResultsModel other = change(csoFirst(), "list.2.candidate.2", count(16), "A", count(99),
        "difference.explained", YesNo.BOTH, "extraInvestigation.ballotsRecounted", YesNo.EMPTY);
    assertThat(other).isNotEqualTo(csoFirst());
    assertThat(csoFirst().differingFields(other)).containsExactly(
        "extraInvestigation.ballotsRecounted", "A", "difference.explained", "list.2.candidate.2");
  }

  @Test
  void entries_of_different_variants_cannot_be_compared() {
    assertThatThrownBy(() -> csoFirst().differingFields(gsb())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cleared_fields_become_empty_and_others_keep_their_value() {
    ResultsModel cleared = csoFirst().withCleared(Set.of("A", "compare.equal", "extraInvestigation.otherReason"));
    assertThat(cleared.voters().pollCards()).isZero();
    assertThat(((CsoFirstSessionResults) cleared).differences().comparison()).isEqualTo(ComparisonChecks.NONE);
    assertThat(((CsoFirstSessionResults) cleared).extraInvestigation().investigatedOtherReason())
        .isEqualTo(YesNo.EMPTY);
    assertThat(cleared.differingFields(csoFirst()))
        .containsExactly("extraInvestigation.otherReason", "A", "compare.equal");
  }

  @Test
  void admitted_voters_recounted_when_B1_2_first_is_no() {
    assertThat(csoFirst().admittedVotersRecounted()).isFalse();
    assertThat(change(csoFirst(), "countingDifferences.explainedBySb", YesNo.NO).admittedVotersRecounted())
        .isTrue();
  }

  @Test
  void admitted_voters_recounted_when_B1_2_second_is_yes() {
    assertThat(change(csoFirst(), "countingDifferences.listTotalsDiffer", YesNo.YES).admittedVotersRecounted())
        .isTrue();
  }

  @Test
  void admitted_voters_recounted_when_difference_not_explained() {
    assertThat(change(csoFirst(), "difference.explained", YesNo.NO).admittedVotersRecounted()).isTrue();
    assertThat(change(csoFirst(), "difference.explained", YesNo.YES).admittedVotersRecounted()).isFalse();
  }

  @Test
  void next_session_is_prefilled_except_comparison_and_explanation() {
    CsoFirstSessionResults previous = change(csoFirst(), "difference.explained", YesNo.YES);
    NextSessionResults next = NextSessionResults.prefilledFrom(CountingMethod.CSO, previous);
    assertThat(next.voters()).isEqualTo(previous.voters());
    assertThat(next.votes()).isEqualTo(previous.votes());
    assertThat(next.lists()).isEqualTo(previous.lists());
    assertThat(next.differences().comparison()).isEqualTo(ComparisonChecks.NONE);
    assertThat(next.differences().differenceExplained()).isEqualTo(YesNo.EMPTY);
  }

  @Test
  void empty_results_fit_the_shape_for_every_variant() {
    for (ModelVariant v : ModelVariant.values()) {
      ResultsModel empty = PS.emptyResults(v);
      assertThat(empty.variant()).isEqualTo(v);
      PS.requireConforms(empty);
      assertThat(empty.fields()).allMatch(f -> f.value().equals(f.value().cleared()));
    }
  }

  @Test
  void yes_no_has_four_states() {
    assertThat(YesNo.EMPTY.isEmpty()).isTrue();
    assertThat(YesNo.BOTH.isBoth()).isTrue();
    assertThat(YesNo.BOTH.isYes()).isFalse();
    assertThat(YesNo.BOTH.isNo()).isFalse();
    assertThat(YesNo.YES.isAnswered()).isTrue();
    assertThat(YesNo.NO.isAnswered()).isTrue();
    assertThat(YesNo.BOTH.isAnswered()).isFalse();
  }
}
