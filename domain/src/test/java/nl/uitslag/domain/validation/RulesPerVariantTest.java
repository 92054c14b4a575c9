package nl.uitslag.domain.validation;

import static nl.uitslag.domain.results.ResultsFixtures.*;
import static nl.uitslag.domain.validation.ValidationCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which rules apply to which model variant (abacus.md §4: "all models", "GSB", "CSB"). */
class RulesPerVariantTest {

  static Stream<ResultsModel> variants() {
    return allVariants().stream();
  }

  static List<ValidationCode> codes(ResultsModel e) {
    return Validator.validate(e, ValidationContext.withDefaults(GR)).codes();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void F201_F202_F203_apply_to_every_model(ResultsModel valid) {
    assertThat(codes(change(valid, "B", count(6)))).contains(F201);
    assertThat(codes(change(valid, "E", count(101)))).contains(F202, F203);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void F401_F402_F403_apply_to_every_model(ResultsModel valid) {
    assertThat(codes(change(valid, "list.1.total", count(0)))).contains(F401);
    assertThat(codes(change(valid, "list.1.candidate.1", count(31)))).contains(F402);
    assertThat(codes(change(valid, "list.2.total", count(41), "list.2.candidate.1", count(26)))).contains(F403);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void W204_applies_to_every_model(ResultsModel valid) {
    assertThat(codes(change(valid, "H", count(0)))).contains(W204);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void F3xx_and_W2xx_follow_the_level_of_the_model(ResultsModel valid) {
    boolean pollingStation = valid.variant().pollingStation();
    List<ValidationCode> withI = codes(change(valid, "I", count(1)));
    assertThat(withI.contains(F305)).isEqualTo(pollingStation);
    assertThat(withI.contains(F312)).isEqualTo(!pollingStation);
    // D 105 against H 120 (15 more counted): W.203 only for polling stations.
    List<ValidationCode> bigDifference = codes(change(valid, "F", count(17), "G", count(3), "H", count(120)));
    assertThat(bigDifference.contains(W203)).isEqualTo(pollingStation);
    assertThat(bigDifference.contains(W201)).isEqualTo(pollingStation);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void F1xx_apply_only_to_the_first_session_models(ResultsModel valid) {
    ResultsModel empty = GR.emptyResults(valid.variant());
    List<ValidationCode> f1xx = codes(empty).stream().filter(c -> c.code().startsWith("F.1")).toList();
    if (valid.variant() == ModelVariant.CSO_FIRST_SESSION) {
      assertThat(f1xx).containsExactly(F111);
    } else if (valid.variant() == ModelVariant.DSO_FIRST_SESSION) {
      assertThat(f1xx).containsExactly(F121);
    } else {
      assertThat(f1xx).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void an_empty_next_session_form_shows_what_must_be_entered_again() {
    ResultsModel empty = GR.emptyResults(ModelVariant.forPollingStation(CountingMethod.DSO, 2));
    assertThat(codes(empty)).containsExactly(F304, W204);
  }
}
