package nl.uitslag.domain.validation;

import static nl.uitslag.domain.results.ResultsFixtures.*;
import static nl.uitslag.domain.validation.ValidationCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.InvalidResultsException;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.YesNo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  static ValidationResults validate(ResultsModel entry) {
    boolean ps = entry.voters().voterCards() != null;
    return Validator.validate(entry, ValidationContext.withDefaults(ps ? PS : GR));
  }

  static List<ValidationCode> codes(ResultsModel entry) {
    return validate(entry).codes();
  }

  static ValidationResult only(ResultsModel entry, ValidationCode code) {
    List<ValidationResult> found = validate(entry).all().stream().filter(r -> r.code() == code).toList();
    assertThat(found).as("results with code %s", code).hasSize(1);
    return found.get(0);
  }

  /** The counts of a CSO first-session entry with the given D and H, consistent otherwise. */
  static ResultsModel withDandH(ResultsModel base, int d, int h) {
    // A = D (no proxies), E.1 = E = H, no other votes, so that E + F + G = H and the lists add up.
    int e = h;
    return change(base, "A", count(d), "B", count(0), "D", count(d),
        "E.1", count(e), "E.2", count(0), "E", count(e), "F", count(0), "G", count(0), "H", count(h),
        "list.1.candidate.1", count(e), "list.1.candidate.2", count(0), "list.1.candidate.3", count(0),
        "list.1.total", count(e), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
        "list.2.total", count(0));
  }

  @Test
  void valid_entries_of_every_variant_have_no_results() {
    for (ResultsModel m : allVariants()) {
      assertThat(codes(m)).as(m.variant().name()).isEmpty();
    }
    assertThat(codes(csoFirstPs())).isEmpty();
    assertThat(codes(dsoFirstWithPage())).isEmpty();
  }

  @Test
  void an_entry_that_does_not_fit_the_election_is_a_hard_rejection_not_a_result() {
    assertThatThrownBy(() -> Validator.validate(csoFirst(), ValidationContext.withDefaults(PS)))
        .isInstanceOf(InvalidResultsException.class);
  }

  @Test
  void results_are_sorted_by_code_errors_before_warnings() {
    ResultsModel many = change(csoFirst(), "H", count(0), "A", count(0), "compare.equal", ticked(false));
    List<ValidationCode> codes = codes(many);
    assertThat(codes).isSorted();
    assertThat(codes).contains(F201, F203, F304, W204);
    assertThat(validate(many).errors()).allMatch(r -> r.severity() == Severity.ERROR);
    assertThat(validate(many).warnings()).allMatch(r -> r.severity() == Severity.WARNING);
  }

  @Nested
  class ExtraInvestigationCso {
    @Test
    void F101_only_the_first_B1_1_question_answered() {
      ResultsModel e = change(csoFirst(), "extraInvestigation.ballotsRecounted", YesNo.EMPTY);
      assertThat(only(e, F101).fields())
          .containsExactly("extraInvestigation.otherReason", "extraInvestigation.ballotsRecounted");
    }

    @Test
    void F101_only_the_second_B1_1_question_answered() {
      assertThat(codes(change(csoFirst(), "extraInvestigation.otherReason", YesNo.EMPTY))).contains(F101);
    }

    @Test
    void F101_not_when_both_B1_1_questions_are_empty() {
      ResultsModel e = change(csoFirst(), "extraInvestigation.otherReason", YesNo.EMPTY,
          "extraInvestigation.ballotsRecounted", YesNo.EMPTY);
      assertThat(codes(e)).isEmpty();
    }

    @Test
    void F101_both_ticked_counts_as_answered() {
      ResultsModel e = change(csoFirst(), "extraInvestigation.otherReason", YesNo.BOTH,
          "extraInvestigation.ballotsRecounted", YesNo.EMPTY);
      assertThat(codes(e)).containsExactly(F101, F102);
    }

    @Test
    void F102_a_B1_1_question_has_both_yes_and_no() {
      ResultsModel e = change(csoFirst(), "extraInvestigation.ballotsRecounted", YesNo.BOTH);
      assertThat(codes(e)).containsExactly(F102);
      assertThat(only(e, F102).fields()).containsExactly("extraInvestigation.ballotsRecounted");
    }

    @Test
    void F111_a_B1_2_question_unanswered() {
      ResultsModel e = change(csoFirst(), "countingDifferences.listTotalsDiffer", YesNo.EMPTY);
      assertThat(codes(e)).containsExactly(F111);
      assertThat(only(e, F111).fields()).containsExactly("countingDifferences.listTotalsDiffer");
    }

    @Test
    void F111_both_B1_2_questions_unanswered() {
      ResultsModel e = change(csoFirst(), "countingDifferences.listTotalsDiffer", YesNo.EMPTY,
          "countingDifferences.explainedBySb", YesNo.EMPTY);
      assertThat(only(e, F111).fields()).hasSize(2);
    }

    @Test
    void F112_a_B1_2_question_has_both() {
      ResultsModel e = change(csoFirst(), "countingDifferences.explainedBySb", YesNo.BOTH);
      assertThat(codes(e)).containsExactly(F112);
    }

    @Test
    void F1xx_cso_rules_do_not_apply_to_other_models() {
      assertThat(codes(nextSession(CountingMethod.CSO))).isEmpty();
    }
  }

  @Nested
  class AboutReportAndChecksDso {
    @Test
    void F121_corrigendum_question_unanswered() {
      ResultsModel e = change(dsoFirst(), "aboutReport.corrigendumPresent", YesNo.EMPTY);
      assertThat(codes(e)).containsExactly(F121);
      assertThat(only(e, F121).fields()).containsExactly("aboutReport.corrigendumPresent");
    }

    @Test
    void F121_page_question_unanswered_or_both() {
      assertThat(codes(change(dsoFirst(), "aboutReport.checksPagePresent", YesNo.EMPTY))).containsExactly(F121);
      assertThat(codes(change(dsoFirst(), "aboutReport.checksPagePresent", YesNo.BOTH))).contains(F121);
    }

    @Test
    void F122_corrigendum_present_but_page_missing() {
      ResultsModel e = change(dsoFirst(), "aboutReport.corrigendumPresent", YesNo.YES);
      assertThat(codes(e)).containsExactly(F122);
    }

    @Test
    void F122_not_when_the_page_is_present() {
      ResultsModel e = change(dsoFirstWithPage(), "aboutReport.corrigendumPresent", YesNo.YES,
          "checks.correctedOwnInitiative", YesNo.YES);
      assertThat(codes(e)).isEmpty();
    }

    @Test
    void F131_no_reason_ticked() {
      ResultsModel e = change(dsoFirstWithPage(), "checks.reasonOtherError", ticked(false));
      assertThat(codes(e)).containsExactly(F131);
      assertThat(only(e, F131).fields())
          .containsExactly("checks.reasonUnexplainedDifference", "checks.reasonOtherError");
    }

    @Test
    void F131_corrected_on_own_initiative_unanswered() {
      ResultsModel e = change(dsoFirstWithPage(), "checks.correctedOwnInitiative", YesNo.EMPTY);
      assertThat(only(e, F131).fields()).containsExactly("checks.correctedOwnInitiative");
    }

    @Test
    void F131_either_reason_is_enough() {
      ResultsModel e = change(dsoFirstWithPage(), "checks.reasonOtherError", ticked(false),
          "checks.reasonUnexplainedDifference", ticked(true));
      assertThat(codes(e)).isEmpty();
    }

    @Test
    void F132_corrigendum_present_and_own_initiative_no() {
      ResultsModel e = change(dsoFirstWithPage(), "aboutReport.corrigendumPresent", YesNo.YES);
      assertThat(codes(e)).containsExactly(F132);
    }

    @Test
    void F133_no_corrigendum_and_own_initiative_yes() {
      ResultsModel e = change(dsoFirstWithPage(), "checks.correctedOwnInitiative", YesNo.YES);
      assertThat(codes(e)).containsExactly(F133);
    }

    @Test
    void F134_own_initiative_both() {
      ResultsModel e = change(dsoFirstWithPage(), "checks.correctedOwnInitiative", YesNo.BOTH);
      assertThat(codes(e)).containsExactly(F134);
    }

    @Test
    void F135_corrected_on_csb_request_answered_in_a_first_session() {
      assertThat(codes(change(dsoFirstWithPage(), "checks.correctedOnCsbRequest", YesNo.NO)))
          .containsExactly(F135);
      assertThat(codes(change(dsoFirstWithPage(), "checks.correctedOnCsbRequest", YesNo.BOTH)))
          .containsExactly(F135);
    }

    @Test
    void F13x_page_rules_do_not_apply_when_the_page_is_marked_both() {
      // With the page question ambiguous (F.121) the page's own rules are not evaluated.
      ResultsModel e = change(dsoFirstWithPage(), "aboutReport.checksPagePresent", YesNo.BOTH,
          "checks.correctedOnCsbRequest", YesNo.YES);
      assertThat(codes(e)).containsExactly(F121);
    }

    @Test
    void F311_not_explained_and_unexplained_difference_reason_not_ticked() {
      ResultsModel e = change(withDandH(dsoFirstWithPage(), 105, 106),
          "compare.equal", ticked(false), "compare.castGreater", ticked(true), "I", count(1),
          "difference.explained", YesNo.NO);
      assertThat(codes(e)).containsExactly(F311);
      assertThat(only(e, F311).fields())
          .containsExactly("difference.explained", "checks.reasonUnexplainedDifference");
    }

    @Test
    void F311_not_when_the_reason_is_ticked() {
      ResultsModel e = change(withDandH(dsoFirstWithPage(), 105, 106),
          "compare.equal", ticked(false), "compare.castGreater", ticked(true), "I", count(1),
          "difference.explained", YesNo.NO, "checks.reasonUnexplainedDifference", ticked(true));
      assertThat(codes(e)).isEmpty();
    }

    @Test
    void F311_not_for_cso_or_when_the_page_is_missing() {
      ResultsModel cso = change(withDandH(csoFirst(), 105, 106),
          "compare.equal", ticked(false), "compare.castGreater", ticked(true), "I", count(1),
          "difference.explained", YesNo.NO);
      assertThat(codes(cso)).isEmpty();
      ResultsModel noPage = change(withDandH(dsoFirst(), 105, 106),
          "compare.equal", ticked(false), "compare.castGreater", ticked(true), "I", count(1),
          "difference.explained", YesNo.NO);
      assertThat(codes(noPage)).isEmpty();
    }
  }

  @Nested
  class Totals {
    @Test
    void F201_A_plus_B_is_not_D_in_GR() {
      ResultsModel e = change(csoFirst(), "B", count(6));
      assertThat(codes(e)).containsExactly(F201);
      assertThat(only(e, F201).fields()).containsExactly("A", "B", "D");
    }

    @Test
    void F201_C_counts_where_voter_cards_apply() {
      assertThat(codes(csoFirstPs())).isEmpty();
      ResultsModel e = change(csoFirstPs(), "C", count(4));
      assertThat(only(e, F201).fields()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void F201_exact_with_maximal_counts() {
      ResultsModel e = change(gsb(), "A", count(999_999_999), "B", count(999_999_999), "D", count(999_999_998));
      assertThat(codes(e)).contains(F201);
    }

    @Test
    void F202_sum_of_list_totals_is_not_E() {
      ResultsModel e = change(csoFirst(), "E", count(101), "F", count(1));
      assertThat(codes(e)).containsExactly(F202);
      assertThat(only(e, F202).fields()).containsExactly("E.1", "E.2", "E");
    }

    @Test
    void F203_E_plus_F_plus_G_is_not_H() {
      ResultsModel e = change(csoFirst(), "G", count(4), "H", count(105));
      assertThat(codes(e)).contains(F203);
      assertThat(only(e, F203).fields()).containsExactly("E", "F", "G", "H");
    }

    @Test
    void F204_lists_filled_and_E_zero_suppresses_F202_and_F203() {
      ResultsModel e = change(csoFirst(), "E", count(0));
      assertThat(codes(e)).containsExactly(F204);
      assertThat(only(e, F204).fields()).containsExactly("E");
    }

    @Test
    void F204_not_when_all_list_totals_are_zero() {
      ResultsModel e = change(csoFirst(), "E.1", count(0), "E.2", count(0), "E", count(0));
      assertThat(codes(e)).doesNotContain(F204).contains(F203);
    }

    @Test
    void F202_boundary_E_is_one_more_than_the_sum() {
      assertThat(codes(change(csoFirst(), "E", count(100)))).doesNotContain(F202);
      assertThat(codes(change(csoFirst(), "E", count(99)))).contains(F202);
    }
  }

  @Nested
  class Differences {
    private ResultsModel castGreater() {
      // D 105, H 106: tick H > D, I = 1.
      return change(withDandH(csoFirst(), 105, 106), "compare.equal", ticked(false),
          "compare.castGreater", ticked(true), "I", count(1), "difference.explained", YesNo.YES);
    }

    private ResultsModel castLess() {
      // D 105, H 103: tick H < D, J = 2.
      return change(withDandH(csoFirst(), 105, 103), "compare.equal", ticked(false),
          "compare.castLess", ticked(true), "J", count(2), "difference.explained", YesNo.YES);
    }

    @Test
    void consistent_differences_have_no_errors() {
      assertThat(validate(castGreater()).hasErrors()).isFalse();
      assertThat(validate(castLess()).hasErrors()).isFalse();
    }

    @Test
    void F301_D_equals_H_ticked_but_they_differ() {
      ResultsModel e = change(castGreater(), "compare.equal", ticked(true), "compare.castGreater", ticked(false));
      assertThat(codes(e)).containsExactly(F301);
      assertThat(only(e, F301).fields()).containsExactly("compare.equal");
    }

    @Test
    void F302_H_greater_ticked_but_H_equals_D() {
      ResultsModel e = change(csoFirst(), "compare.equal", ticked(false), "compare.castGreater", ticked(true));
      assertThat(codes(e)).containsExactly(F302);
    }

    @Test
    void F302_H_greater_ticked_but_H_less_than_D() {
      ResultsModel e = change(castLess(), "compare.castLess", ticked(false), "compare.castGreater", ticked(true));
      assertThat(codes(e)).containsExactly(F302);
    }

    @Test
    void F303_H_less_ticked_but_H_equals_D() {
      ResultsModel e = change(csoFirst(), "compare.equal", ticked(false), "compare.castLess", ticked(true));
      assertThat(codes(e)).containsExactly(F303);
    }

    @Test
    void F303_H_less_ticked_but_H_greater_than_D() {
      ResultsModel e = change(castGreater(), "compare.castGreater", ticked(false), "compare.castLess", ticked(true));
      assertThat(codes(e)).containsExactly(F303);
    }

    @Test
    void F304_no_comparison_ticked() {
      ResultsModel e = change(csoFirst(), "compare.equal", ticked(false));
      assertThat(codes(e)).containsExactly(F304);
      assertThat(only(e, F304).fields()).containsExactly("compare.equal", "compare.castGreater", "compare.castLess");
    }

    @Test
    void F304_two_comparisons_ticked() {
      ResultsModel e = change(csoFirst(), "compare.castGreater", ticked(true));
      assertThat(codes(e)).containsExactly(F302, F304);
    }

    @Test
    void F305_no_difference_but_I_filled() {
      ResultsModel e = change(csoFirst(), "I", count(1));
      assertThat(codes(e)).containsExactly(F305);
      assertThat(only(e, F305).fields()).containsExactly("I");
    }

    @Test
    void F305_no_difference_but_I_and_J_filled() {
      assertThat(only(change(csoFirst(), "I", count(1), "J", count(1)), F305).fields()).containsExactly("I", "J");
      assertThat(only(change(csoFirst(), "J", count(3)), F305).fields()).containsExactly("J");
    }

    @Test
    void F306_I_is_not_H_minus_D() {
      assertThat(codes(change(castGreater(), "I", count(2)))).containsExactly(F306);
      assertThat(codes(change(castGreater(), "I", count(0)))).containsExactly(F306);
    }

    @Test
    void F307_H_greater_and_J_filled() {
      ResultsModel e = change(castGreater(), "J", count(1));
      assertThat(codes(e)).containsExactly(F307);
      assertThat(only(e, F307).fields()).containsExactly("I", "J");
    }

    @Test
    void F308_J_is_not_D_minus_H() {
      assertThat(codes(change(castLess(), "J", count(1)))).containsExactly(F308);
      assertThat(codes(change(castLess(), "J", count(3)))).containsExactly(F308);
    }

    @Test
    void F309_H_less_and_I_filled() {
      ResultsModel e = change(castLess(), "I", count(2));
      assertThat(codes(e)).containsExactly(F309);
      assertThat(only(e, F309).fields()).containsExactly("I", "J");
    }

    @Test
    void F310_difference_and_explained_empty() {
      ResultsModel e = change(castLess(), "difference.explained", YesNo.EMPTY);
      assertThat(codes(e)).containsExactly(F310);
      assertThat(only(e, F310).fields()).containsExactly("difference.explained");
    }

    @Test
    void F310_difference_and_explained_both() {
      assertThat(codes(change(castGreater(), "difference.explained", YesNo.BOTH))).containsExactly(F310);
    }

    @Test
    void F310_not_when_explained_no_or_no_difference() {
      assertThat(codes(change(castGreater(), "difference.explained", YesNo.NO))).isEmpty();
      assertThat(codes(csoFirst())).isEmpty();
    }

    @Test
    void F3xx_checkbox_rules_do_not_apply_to_gsb_totals() {
      ResultsModel e = change(gsb(), "I", count(1), "J", count(1));
      assertThat(codes(e)).isEmpty(); // D = H − I + J still holds
    }

    @Test
    void F312_D_is_not_H_minus_I_plus_J() {
      ResultsModel e = change(gsb(), "I", count(1));
      assertThat(codes(e)).containsExactly(F312);
      assertThat(only(e, F312).fields()).containsExactly("D", "H", "I", "J");
    }

    @Test
    void F312_signed_arithmetic_with_I_larger_than_H() {
      // H − I + J = 105 − 200 + 200 = 105 = D: no error, although H − I alone is negative.
      assertThat(codes(change(gsb(), "I", count(200), "J", count(200)))).isEmpty();
      assertThat(codes(change(gsb(), "I", count(200)))).containsExactly(F312);
    }

    @Test
    void F201_F312_W206_do_not_apply_to_a_count_file_without_admitted_voters() {
      // The TK2021 510c files carry neither "geldige stempassen" nor "toegelaten kiezers": A and D are unknown.
      nl.uitslag.domain.results.GsbResults noAd = ((nl.uitslag.domain.results.GsbResults) change(gsb(), "A",
          count(0), "D", count(0), "Z", count(1))).withRows(
              new nl.uitslag.domain.results.CountFileRows(false, java.util.Map.of()));
      assertThat(codes(noAd)).isEmpty();
      assertThat(codes(noAd.withRows(nl.uitslag.domain.results.CountFileRows.NONE)))
          .contains(F201, F312);
      // The checks that do not use A and D still apply.
      assertThat(codes(change(noAd, "Z", count(0)))).containsExactly(W205);
      assertThat(codes(change(noAd, "E", count(1)))).contains(F202);
    }

    @Test
    void F312_only_for_gsb_totals() {
      assertThat(codes(change(csoFirst(), "I", count(1)))).doesNotContain(F312);
    }
  }

  @Nested
  class Lists {
    @Test
    void F401_candidate_votes_but_list_total_zero_suppresses_F402_F403() {
      ResultsModel e = change(csoFirst(), "list.2.total", count(0));
      assertThat(codes(e)).containsExactly(F401);
      ValidationResult r = only(e, F401);
      assertThat(r.fields()).containsExactly("list.2.total");
      assertThat(r.listNumber()).isEqualTo(2);
    }

    @Test
    void F401_only_E_x_filled_and_list_total_zero() {
      ResultsModel e = change(csoFirst(), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
          "list.2.total", count(0));
      assertThat(codes(e)).containsExactly(F401);
    }

    @Test
    void F401_not_when_the_whole_list_is_zero() {
      ResultsModel e = change(csoFirst(), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
          "list.2.total", count(0), "E.2", count(0), "E.1", count(100),
          "list.1.candidate.1", count(70), "list.1.total", count(100));
      assertThat(codes(e)).isEmpty();
    }

    @Test
    void F402_candidate_votes_do_not_add_up_to_list_total() {
      ResultsModel e = change(csoFirst(), "list.1.candidate.3", count(11));
      assertThat(codes(e)).containsExactly(F402);
      ValidationResult r = only(e, F402);
      assertThat(r.fields()).containsExactly(
          "list.1.candidate.1", "list.1.candidate.2", "list.1.candidate.3", "list.1.total");
      assertThat(r.listNumber()).isEqualTo(1);
    }

    @Test
    void F403_list_total_differs_from_E_x() {
      ResultsModel e = change(csoFirst(), "list.1.total", count(61), "list.1.candidate.3", count(11));
      assertThat(codes(e)).containsExactly(F403);
      assertThat(only(e, F403).fields()).containsExactly("list.1.total", "E.1");
    }

    @Test
    void F402_and_F403_together_per_list() {
      ResultsModel e = change(csoFirst(), "list.1.total", count(61), "list.2.total", count(41));
      List<ValidationResult> results = validate(e).all();
      assertThat(results).extracting(ValidationResult::code).containsExactly(F402, F402, F403, F403);
      assertThat(results).extracting(ValidationResult::listNumber).containsExactly(1, 2, 1, 2);
    }
  }

  @Nested
  class Warnings {
    /** A CSO entry with H = D = h and the given blank and invalid votes, consistent otherwise. */
    private ResultsModel withBlankInvalid(int h, int blank, int invalid) {
      int e = h - blank - invalid;
      return change(csoFirst(), "A", count(h), "B", count(0), "D", count(h), "H", count(h), "F", count(blank),
          "G", count(invalid), "E", count(e), "E.1", count(e), "E.2", count(0),
          "list.1.candidate.1", count(e), "list.1.candidate.2", count(0), "list.1.candidate.3", count(0),
          "list.1.total", count(e), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
          "list.2.total", count(0));
    }

    @Test
    void W201_blank_votes_at_exactly_3_percent_of_H() {
      assertThat(codes(withBlankInvalid(100, 3, 0))).containsExactly(W201);
      assertThat(only(withBlankInvalid(100, 3, 0), W201).fields()).containsExactly("F");
    }

    @Test
    void W201_not_just_below_3_percent() {
      assertThat(codes(withBlankInvalid(100, 2, 0))).isEmpty();
    }

    @Test
    void W201_rounds_the_threshold_up() {
      // ⌈3 % × 101⌉ = ⌈3.03⌉ = 4.
      assertThat(codes(withBlankInvalid(101, 3, 0))).isEmpty();
      assertThat(codes(withBlankInvalid(101, 4, 0))).containsExactly(W201);
    }

    @Test
    void W201_blank_votes_with_H_zero_warn_but_not_when_both_zero() {
      ResultsModel blankOnly = change(csoFirst(), "F", count(1), "H", count(0));
      assertThat(codes(blankOnly)).contains(W201, W204);
      assertThat(codes(withBlankInvalid(0, 0, 0))).containsExactly(W204);
    }

    @Test
    void W202_invalid_votes_at_exactly_3_percent_of_H() {
      assertThat(codes(withBlankInvalid(200, 0, 6))).containsExactly(W202);
      assertThat(codes(withBlankInvalid(200, 0, 5))).isEmpty();
      assertThat(only(withBlankInvalid(200, 0, 6), W202).fields()).containsExactly("G");
    }

    @Test
    void W202_with_other_thresholds() {
      ValidationThresholds strict = new ValidationThresholds(3, 2, 2, 15);
      ResultsModel e = withBlankInvalid(200, 0, 4);
      assertThat(Validator.validate(e, new ValidationContext(GR, strict)).codes()).containsExactly(W202);
    }

    private ResultsModel difference(int d, int h) {
      ResultsModel base = withDandH(csoFirst(), d, h);
      if (d == h) {
        return base;
      }
      return h > d
          ? change(base, "compare.equal", ticked(false), "compare.castGreater", ticked(true), "I", count(h - d),
              "difference.explained", YesNo.YES)
          : change(base, "compare.equal", ticked(false), "compare.castLess", ticked(true), "J", count(d - h),
              "difference.explained", YesNo.YES);
    }

    @Test
    void W203_two_percent_of_H_warns_D_102_H_100() {
      assertThat(codes(difference(102, 100))).containsExactly(W203);
      assertThat(only(difference(102, 100), W203).fields()).containsExactly("D", "H");
    }

    @Test
    void W203_percentage_is_relative_to_H_D_100_H_102_does_not_warn() {
      // |D − H| = 2 < 2 % of 102 = 2.04.
      assertThat(codes(difference(100, 102))).isEmpty();
    }

    @Test
    void W203_fifteen_warns_whatever_H_is_D_1015_H_1000() {
      assertThat(codes(difference(1015, 1000))).containsExactly(W203);
      assertThat(codes(difference(985, 1000))).containsExactly(W203);
    }

    @Test
    void W203_fourteen_and_below_two_percent_does_not_warn() {
      assertThat(codes(difference(1014, 1000))).isEmpty();
      assertThat(codes(difference(986, 1000))).isEmpty();
    }

    @Test
    void W203_or_not_and_small_station_D_12_H_10() {
      // 2 ≥ 2 % of 10 although 2 < 15: warns (product.md §3: either threshold).
      assertThat(codes(difference(12, 10))).containsExactly(W203);
    }

    @Test
    void W203_H_zero_with_D_above_zero_warns_but_D_and_H_zero_do_not() {
      ResultsModel e = change(csoFirst(), "A", count(1), "B", count(0), "D", count(1),
          "E.1", count(0), "E.2", count(0), "E", count(0), "F", count(0), "G", count(0), "H", count(0),
          "list.1.candidate.1", count(0), "list.1.candidate.2", count(0), "list.1.candidate.3", count(0),
          "list.1.total", count(0), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
          "list.2.total", count(0), "compare.equal", ticked(false), "compare.castLess", ticked(true),
          "J", count(1), "difference.explained", YesNo.YES);
      assertThat(codes(e)).containsExactly(W203, W204);
      ResultsModel zero = change(e, "A", count(0), "D", count(0), "J", count(0), "compare.castLess", ticked(false),
          "compare.equal", ticked(true), "difference.explained", YesNo.EMPTY);
      assertThat(codes(zero)).containsExactly(W204);
    }

    @Test
    void W203_with_a_lower_absolute_threshold() {
      ValidationThresholds t = new ValidationThresholds(3, 3, 2, 10);
      assertThat(Validator.validate(difference(1010, 1000), new ValidationContext(GR, t)).codes())
          .containsExactly(W203);
    }

    @Test
    void W2xx_polling_station_warnings_do_not_apply_to_gsb_totals() {
      ResultsModel e = change(gsb(), "F", count(50), "E.1", count(10), "E", count(50),
          "list.1.candidate.1", count(0), "list.1.candidate.2", count(0), "list.1.total", count(10));
      assertThat(codes(e)).doesNotContain(W201, W203);
    }

    @Test
    void W204_H_is_zero_for_every_model() {
      assertThat(only(withBlankInvalid(0, 0, 0), W204).fields()).containsExactly("H");
      ResultsModel g = change(gsb(), "A", count(0), "B", count(0), "D", count(0),
          "E.1", count(0), "E.2", count(0), "E", count(0), "F", count(0), "G", count(0), "H", count(0),
          "list.1.candidate.1", count(0), "list.1.candidate.2", count(0), "list.1.candidate.3", count(0),
          "list.1.total", count(0), "list.2.candidate.1", count(0), "list.2.candidate.2", count(0),
          "list.2.total", count(0));
      assertThat(codes(g)).containsExactly(W204);
    }

    @Test
    void W205_eligible_voters_zero_suppresses_W206() {
      ResultsModel e = change(gsb(), "Z", count(0));
      assertThat(codes(e)).containsExactly(W205);
      assertThat(only(e, W205).fields()).containsExactly("Z");
    }

    @Test
    void W206_eligible_voters_below_poll_cards() {
      ResultsModel e = change(gsb(), "Z", count(99));
      assertThat(codes(e)).containsExactly(W206);
      assertThat(only(e, W206).fields()).containsExactly("Z", "A");
    }

    @Test
    void W206_not_when_Z_equals_A() {
      assertThat(codes(change(gsb(), "Z", count(100)))).isEmpty();
    }
  }

  @Nested
  class EntryComparison {
    @Test
    void W001_second_entry_lists_every_differing_field() {
      ResultsModel second = change(csoFirst(), "A", count(99), "list.2.total", count(41));
      List<ValidationResult> w = Validator.differencesWithFirstEntry(second, csoFirst());
      assertThat(w).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo(W001);
        assertThat(r.fields()).containsExactly("A", "list.2.total");
      });
    }

    @Test
    void W001_nothing_when_equal() {
      assertThat(Validator.differencesWithFirstEntry(csoFirst(), csoFirst())).isEmpty();
    }

    @Test
    void W002_correction_lists_cleared_fields_in_paper_order() {
      List<ValidationResult> w = Validator.fieldsToReEnter(csoFirst(), Set.of("list.1.total", "A"));
      assertThat(w).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo(W002);
        assertThat(r.fields()).containsExactly("A", "list.1.total");
      });
      assertThat(Validator.fieldsToReEnter(csoFirst(), Set.of())).isEmpty();
    }
  }

  @Test
  void thresholds_reject_nonsense() {
    assertThatThrownBy(() -> new ValidationThresholds(0, 3, 2, 15)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationThresholds(3, 101, 2, 15)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationThresholds(3, 3, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ValidationThresholds.DEFAULTS).isEqualTo(new ValidationThresholds(3, 3, 2, 15));
  }

  @Test
  void every_code_has_the_severity_of_its_letter() {
    for (ValidationCode c : ValidationCode.values()) {
      assertThat(c.severity()).isEqualTo(c.code().startsWith("F") ? Severity.ERROR : Severity.WARNING);
      assertThat(ValidationCode.of(c.code())).isEqualTo(c);
    }
  }

}
