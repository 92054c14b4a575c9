package nl.uitslag.domain.dataentry;

import static nl.uitslag.domain.dataentry.DataEntryFixtures.*;
import static nl.uitslag.domain.dataentry.EntryNumber.FIRST;
import static nl.uitslag.domain.dataentry.EntryNumber.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Accepted;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Refused;
import nl.uitslag.domain.dataentry.DataEntryState.Definitive;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryInProgress;
import nl.uitslag.domain.results.ResultsFixtures;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.ValidationCode;
import org.junit.jupiter.api.Test;

class DoubleEntryTest {
  private final DoubleEntry machine = machine();


  /** The time of an operation; the machine only records it, so one instant serves these examples. */
  private java.time.Instant now() {
    return T0;
  }

  private DataEntryState ok(DataEntryOutcome outcome) {
    assertThat(outcome).isInstanceOf(Accepted.class);
    return ((Accepted) outcome).state();
  }

  private Refusal refused(DataEntryOutcome outcome) {
    assertThat(outcome).isInstanceOf(Refused.class);
    return ((Refused) outcome).reason();
  }

  private DataEntryState typed(DataEntryState s, EntryNumber n, UserId u, ResultsModel r) {
    s = ok(machine.claim(s, n, u, now()));
    s = ok(machine.save(s, n, u, r, 100, "{}", now()));
    return ok(machine.finalise(s, n, u, now()));
  }

  private DataEntryState different() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    return typed(s, SECOND, BERT, B);
  }

  @Test
  void two_equal_entries_by_two_typists_become_definitive() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    assertThat(s).isInstanceOf(FirstEntryFinalised.class);
    s = typed(s, SECOND, BERT, A);
    assertThat(s).isInstanceOf(Definitive.class);
    Definitive d = (Definitive) s;
    assertThat(d.results()).isEqualTo(A);
    assertThat(d.first().by()).isEqualTo(ANNA);
    assertThat(d.second().by()).isEqualTo(BERT);
    assertThat(d.finalisedWithWarnings()).isFalse();
    assertThat(d.status()).isEqualTo(DataEntryStatus.DEFINITIVE);
  }

  @Test
  void finishing_with_warnings_is_recorded() {
    DataEntryState s = typed(typed(new Empty(), FIRST, ANNA, WARN), SECOND, BERT, WARN);
    assertThat(((Definitive) s).finalisedWithWarnings()).isTrue();
  }

  @Test
  void claim_1_starts_from_the_initial_entry_and_resumes_for_the_same_typist() {
    Accepted started = (Accepted) machine.claim(new Empty(), FIRST, ANNA, now());
    assertThat(started.event()).isEqualTo(DataEntryEvent.STARTED);
    assertThat(started.typistView().results()).isEqualTo(INITIAL);
    DataEntryState saved = ok(machine.save(started.state(), FIRST, ANNA, A, 40, "page 3", now()));
    Accepted resumed = (Accepted) machine.claim(saved, FIRST, ANNA, now());
    assertThat(resumed.event()).isEqualTo(DataEntryEvent.RESUMED);
    assertThat(resumed.state()).isEqualTo(saved);
    assertThat(resumed.typistView().progress()).isEqualTo(40);
    assertThat(resumed.typistView().clientState()).isEqualTo("page 3");
  }

  @Test
  void claim_1_by_another_typist_is_already_claimed() {
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, now()));
    assertThat(refused(machine.claim(s, FIRST, BERT, now()))).isEqualTo(Refusal.ALREADY_CLAIMED);
  }

  @Test
  void claim_1_after_the_first_is_finished_or_definitive() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    assertThat(refused(machine.claim(s, FIRST, BERT, now()))).isEqualTo(Refusal.FIRST_ENTRY_ALREADY_FINALISED);
    s = typed(s, SECOND, BERT, A);
    assertThat(refused(machine.claim(s, FIRST, CAROL, now()))).isEqualTo(Refusal.SECOND_ENTRY_ALREADY_FINALISED);
    assertThat(refused(machine.claim(s, SECOND, CAROL, now()))).isEqualTo(Refusal.SECOND_ENTRY_ALREADY_FINALISED);
  }

  @Test
  void claim_2_by_the_first_typist_needs_a_different_user() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    assertThat(refused(machine.claim(s, SECOND, ANNA, now()))).isEqualTo(Refusal.NEEDS_DIFFERENT_USER);
  }

  @Test
  void claim_2_before_the_first_is_finished_is_the_wrong_state() {
    assertThat(refused(machine.claim(new Empty(), SECOND, ANNA, now()))).isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void save_is_refused_for_another_user_another_variant_and_data_that_does_not_fit() {
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, now()));
    assertThat(refused(machine.save(s, FIRST, BERT, A, 10, "", now()))).isEqualTo(Refusal.NOT_THE_OWNER);
    assertThat(refused(machine.save(s, FIRST, ANNA, OTHER_VARIANT, 10, "", now())))
        .isEqualTo(Refusal.MODEL_VARIANT_CHANGED);
    assertThat(refused(machine.save(s, FIRST, ANNA, ResultsFixtures.csoFirstPs(), 10, "", now())))
        .isEqualTo(Refusal.INVALID_RESULTS);
    assertThat(refused(machine.save(s, FIRST, ANNA, A, 101, "", now()))).isEqualTo(Refusal.INVALID_RESULTS);
    assertThat(refused(machine.save(s, SECOND, ANNA, A, 10, "", now()))).isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void save_is_never_blocked_by_errors_and_returns_them() {
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, now()));
    Accepted saved = (Accepted) machine.save(s, FIRST, ANNA, ERR, 100, "", now());
    assertThat(saved.typistView().validation().codes()).containsExactly(ValidationCode.F201);
  }

  @Test
  void finishing_the_first_entry_with_errors_goes_to_the_coordinator() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, ERR);
    assertThat(s).isInstanceOf(FirstEntryHasErrors.class);
    assertThat(s.status()).isEqualTo(DataEntryStatus.ERRORS_IN_REPORT);
    assertThat(refused(machine.claim(s, SECOND, BERT, now()))).isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void coordinator_resumes_an_entry_with_errors_for_its_own_typist_from_the_start() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, ERR);
    s = ok(machine.resolveErrors(s, ErrorResolution.RESUME_FIRST_ENTRY, COORDINATOR, now()));
    FirstEntryInProgress f = (FirstEntryInProgress) s;
    assertThat(f.isCorrection()).isTrue();
    assertThat(f.entry().typist()).isEqualTo(ANNA);
    assertThat(f.entry().progress()).isZero();
    assertThat(f.entry().clientState()).isEmpty();
    assertThat(f.entry().results()).isEqualTo(ERR);
    assertThat(refused(machine.claim(s, FIRST, BERT, now()))).isEqualTo(Refusal.ALREADY_CLAIMED);
    s = ok(machine.save(s, FIRST, ANNA, A, 100, "", now()));
    assertThat(ok(machine.finalise(s, FIRST, ANNA, now()))).isInstanceOf(FirstEntryFinalised.class);
  }

  @Test
  void coordinator_discards_an_entry_with_errors() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, ERR);
    assertThat(ok(machine.resolveErrors(s, ErrorResolution.DISCARD_FIRST_ENTRY, COORDINATOR, now())))
        .isInstanceOf(Empty.class);
    assertThat(refused(machine.resolveErrors(new Empty(), ErrorResolution.DISCARD_FIRST_ENTRY, COORDINATOR,
        now()))).isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void the_second_typist_sees_W001_for_fields_that_differ_but_not_the_values() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    s = ok(machine.claim(s, SECOND, BERT, now()));
    Accepted saved = (Accepted) machine.save(s, SECOND, BERT, B, 100, "", now());
    assertThat(saved.typistView().validation().all())
        .filteredOn(r -> r.code() == ValidationCode.W001)
        .singleElement()
        .satisfies(r -> assertThat(r.fields()).containsExactly("list.1.candidate.1", "list.1.candidate.2"));
    assertThat(saved.typistView().results()).isEqualTo(B);
  }

  @Test
  void differing_second_entry_gives_entries_different_with_the_differing_fields() {
    DataEntryState s = different();
    assertThat(s).isInstanceOf(EntriesDifferent.class);
    assertThat(((EntriesDifferent) s).differingFields()).containsExactly("list.1.candidate.1", "list.1.candidate.2");
    assertThat(refused(machine.reset(s, COORDINATOR, now()))).isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void keep_first_discard_second_needs_a_new_second_typist() {
    DataEntryState s = ok(machine.resolveDifferences(different(), DifferenceResolution.KEEP_FIRST_DISCARD_SECOND,
        COORDINATOR, now()));
    assertThat(((FirstEntryFinalised) s).first().by()).isEqualTo(ANNA);
    assertThat(refused(machine.claim(s, SECOND, ANNA, now()))).isEqualTo(Refusal.NEEDS_DIFFERENT_USER);
    assertThat(typed(s, SECOND, CAROL, A)).isInstanceOf(Definitive.class);
  }

  @Test
  void keep_second_discard_first_makes_the_second_typist_the_first() {
    DataEntryState s = ok(machine.resolveDifferences(different(), DifferenceResolution.KEEP_SECOND_DISCARD_FIRST,
        COORDINATOR, now()));
    FirstEntryFinalised f = (FirstEntryFinalised) s;
    assertThat(f.first().by()).isEqualTo(BERT);
    assertThat(f.first().results()).isEqualTo(B);
    assertThat(refused(machine.claim(s, SECOND, BERT, now()))).isEqualTo(Refusal.NEEDS_DIFFERENT_USER);
    Definitive d = (Definitive) typed(s, SECOND, ANNA, B);
    assertThat(d.first().by()).isEqualTo(BERT);
    assertThat(d.second().by()).isEqualTo(ANNA);
  }

  @Test
  void keeping_an_entry_with_errors_sends_it_to_the_coordinator_again() {
    DataEntryState s = typed(typed(new Empty(), FIRST, ANNA, A), SECOND, BERT, ERR);
    s = ok(machine.resolveDifferences(s, DifferenceResolution.KEEP_SECOND_DISCARD_FIRST, COORDINATOR, now()));
    assertThat(s).isInstanceOf(FirstEntryHasErrors.class);
    assertThat(((FirstEntryHasErrors) s).first().by()).isEqualTo(BERT);
  }

  @Test
  void correct_second_reopens_only_the_differing_fields_for_the_second_typist_without_the_first_values() {
    DataEntryState s = ok(machine.resolveDifferences(different(), DifferenceResolution.KEEP_FIRST_CORRECT_SECOND,
        COORDINATOR, now()));
    SecondEntryCorrection c = (SecondEntryCorrection) s;
    assertThat(c.correction().fieldsToReEnter()).containsExactlyInAnyOrder("list.1.candidate.1",
        "list.1.candidate.2");
    assertThat(refused(machine.claim(s, SECOND, CAROL, now()))).isEqualTo(Refusal.ALREADY_CLAIMED);
    assertThat(machine.typistView(s, SECOND, CAROL)).isEmpty();

    Accepted claimed = (Accepted) machine.claim(s, SECOND, BERT, now());
    TypistView view = claimed.typistView();
    ResultsModel expectedStart = B.withCleared(Set.of("list.1.candidate.1", "list.1.candidate.2"));
    assertThat(view.results()).isEqualTo(expectedStart);
    assertThat(view.results().valueOf("list.1.candidate.1").toString()).isEqualTo("0");
    assertThat(view.fieldsToReEnter()).containsExactlyInAnyOrder("list.1.candidate.1", "list.1.candidate.2");
    assertThat(view.validation().codes()).contains(ValidationCode.W002).doesNotContain(ValidationCode.W001);
    assertThat(view.toString()).doesNotContain("keptFirst");

    // A closed field cannot be changed; the open ones can.
    assertThat(refused(machine.save(s, SECOND, BERT, B.with(java.util.Map.of("A",
        ResultsFixtures.count(1))).withCleared(Set.of("list.1.candidate.1", "list.1.candidate.2")), 50, "", now())))
        .isEqualTo(Refusal.FIELD_NOT_OPEN_FOR_CORRECTION);
    s = ok(machine.save(s, SECOND, BERT, A, 100, "", now()));
    Definitive d = (Definitive) ok(machine.finalise(s, SECOND, BERT, now()));
    assertThat(d.results()).isEqualTo(A);
    assertThat(d.first().by()).isEqualTo(ANNA);
    assertThat(d.second().by()).isEqualTo(BERT);
  }

  @Test
  void a_correction_that_still_differs_goes_back_to_entries_different() {
    DataEntryState s = ok(machine.resolveDifferences(different(), DifferenceResolution.KEEP_SECOND_CORRECT_FIRST,
        COORDINATOR, now()));
    assertThat(s).isInstanceOf(FirstEntryCorrection.class);
    assertThat(s.status()).isEqualTo(DataEntryStatus.CORRECTION_IN_PROGRESS);
    s = ok(machine.claim(s, FIRST, ANNA, now()));
    s = ok(machine.save(s, FIRST, ANNA, A, 100, "", now()));
    assertThat(ok(machine.finalise(s, FIRST, ANNA, now()))).isInstanceOf(EntriesDifferent.class);
  }

  @Test
  void correcting_against_a_kept_entry_with_errors_is_refused() {
    DataEntryState s = typed(typed(new Empty(), FIRST, ANNA, A), SECOND, BERT, ERR);
    assertThat(refused(machine.resolveDifferences(s, DifferenceResolution.KEEP_SECOND_CORRECT_FIRST, COORDINATOR,
        now()))).isEqualTo(Refusal.KEPT_ENTRY_HAS_ERRORS);
    assertThat(ok(machine.resolveDifferences(s, DifferenceResolution.KEEP_FIRST_CORRECT_SECOND, COORDINATOR,
        now()))).isInstanceOf(SecondEntryCorrection.class);
  }

  @Test
  void discarding_a_first_entry_correction_makes_the_kept_second_the_first() {
    DataEntryState s = ok(machine.resolveDifferences(different(), DifferenceResolution.KEEP_SECOND_CORRECT_FIRST,
        COORDINATOR, now()));
    assertThat(refused(machine.discard(s, FIRST, BERT, now()))).isEqualTo(Refusal.NOT_THE_OWNER);
    FirstEntryFinalised f = (FirstEntryFinalised) ok(machine.discard(s, FIRST, ANNA, now()));
    assertThat(f.first().by()).isEqualTo(BERT);
    assertThat(f.first().results()).isEqualTo(B);
  }

  @Test
  void discarding_a_second_entry_keeps_the_first() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, A);
    DataEntryState second = ok(machine.claim(s, SECOND, BERT, now()));
    assertThat(ok(machine.discard(second, SECOND, BERT, now()))).isEqualTo(s);
  }

  @Test
  void discarding_the_first_entry_in_progress_empties() {
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, now()));
    assertThat(ok(machine.discard(s, FIRST, ANNA, now()))).isInstanceOf(Empty.class);
  }

  @Test
  void discard_both_empties() {
    assertThat(ok(machine.resolveDifferences(different(), DifferenceResolution.DISCARD_BOTH, COORDINATOR, now())))
        .isInstanceOf(Empty.class);
  }

  @Test
  void reset_empties_from_any_state_except_the_coordinator_decisions() {
    DataEntryState s = typed(typed(new Empty(), FIRST, ANNA, A), SECOND, BERT, A);
    Accepted reset = (Accepted) machine.reset(s, COORDINATOR, now());
    assertThat(reset.state()).isInstanceOf(Empty.class);
    assertThat(reset.event()).isEqualTo(DataEntryEvent.RESET);
    assertThat(refused(machine.reset(typed(new Empty(), FIRST, ANNA, ERR), COORDINATOR, now())))
        .isEqualTo(Refusal.WRONG_STATE);
  }

  @Test
  void an_imported_file_is_one_entry_and_the_importer_cannot_type_the_second() {
    Accepted imported = (Accepted) machine.importDigitalEntry(new Empty(), COORDINATOR, A, now());
    assertThat(imported.event()).isEqualTo(DataEntryEvent.IMPORTED);
    FirstEntryFinalised f = (FirstEntryFinalised) imported.state();
    assertThat(f.first().origin()).isEqualTo(EntryOrigin.IMPORTED);
    assertThat(refused(machine.claim(f, SECOND, COORDINATOR, now()))).isEqualTo(Refusal.NEEDS_DIFFERENT_USER);
    Definitive d = (Definitive) typed(f, SECOND, ANNA, A);
    assertThat(d.first().origin()).isEqualTo(EntryOrigin.IMPORTED);
    assertThat(d.second().origin()).isEqualTo(EntryOrigin.TYPED);
  }

  @Test
  void an_imported_file_is_never_corrected_by_a_typist() {
    DataEntryState s = ok(machine.importDigitalEntry(new Empty(), COORDINATOR, A, now()));
    s = typed(s, SECOND, ANNA, B);
    assertThat(refused(machine.resolveDifferences(s, DifferenceResolution.KEEP_SECOND_CORRECT_FIRST, COORDINATOR,
        now()))).isEqualTo(Refusal.DIGITAL_ENTRY_NOT_CORRECTABLE);
    DataEntryState withErrors = ok(machine.importDigitalEntry(new Empty(), COORDINATOR, ERR, now()));
    assertThat(withErrors).isInstanceOf(FirstEntryHasErrors.class);
    assertThat(refused(machine.resolveErrors(withErrors, ErrorResolution.RESUME_FIRST_ENTRY, COORDINATOR, now())))
        .isEqualTo(Refusal.DIGITAL_ENTRY_NOT_CORRECTABLE);
  }

  @Test
  void import_is_refused_unless_empty_or_of_another_variant() {
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, now()));
    assertThat(refused(machine.importDigitalEntry(s, COORDINATOR, A, now()))).isEqualTo(Refusal.WRONG_STATE);
    assertThat(refused(machine.importDigitalEntry(new Empty(), COORDINATOR, OTHER_VARIANT, now())))
        .isEqualTo(Refusal.MODEL_VARIANT_CHANGED);
  }

  @Test
  void finalising_records_the_given_time() {
    java.time.Instant later = T0.plus(Duration.ofMinutes(7));
    DataEntryState s = ok(machine.claim(new Empty(), FIRST, ANNA, T0));
    s = ok(machine.save(s, FIRST, ANNA, A, 100, "", T0));
    FirstEntryFinalised f = (FirstEntryFinalised) ok(machine.finalise(s, FIRST, ANNA, later));
    assertThat(f.first().finishedAt()).isEqualTo(later);
  }

  @Test
  void definitive_cannot_be_built_from_unequal_entries_or_one_user() {
    FinalisedEntry a = new FinalisedEntry(ANNA, A, T0, EntryOrigin.TYPED, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new Definitive(a, new FinalisedEntry(BERT, B, T0, EntryOrigin.TYPED, false)))
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new Definitive(a, new FinalisedEntry(ANNA, A, T0, EntryOrigin.TYPED, false)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void coordinator_sees_validation_of_the_current_entry() {
    DataEntryState s = typed(new Empty(), FIRST, ANNA, ERR);
    assertThat(machine.coordinatorValidation(s).orElseThrow().codes()).containsExactly(ValidationCode.F201);
    assertThat(machine.coordinatorValidation(new Empty())).isEmpty();
    assertThat(machine.coordinatorValidation(different())).isEmpty();
  }

  @Test
  void second_entry_in_progress_cannot_be_built_for_the_first_typist() {
    FinalisedEntry a = new FinalisedEntry(ANNA, A, T0, EntryOrigin.TYPED, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new SecondEntryInProgress(a, new EntryInProgress(ANNA, INITIAL, 0, "", T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
