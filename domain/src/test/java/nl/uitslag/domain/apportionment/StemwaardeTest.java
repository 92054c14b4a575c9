package nl.uitslag.domain.apportionment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import nl.uitslag.domain.apportionment.Stemwaarde.BodyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kieswet U 2 lid 1: the stemwaarde of an EK voting body, with the figures cited in apportionment.md §1. */
class StemwaardeTest {
  @ParameterizedTest(name = "{0}: {1} / (100 × {2}) → {3}")
  @CsvSource({
      "Flevoland 2023 (exactly one half: up), 444850, 41, 109",
      "Noord-Holland 2023 (537.495: down), 2956223, 55, 537",
      "Zuid-Holland 2015, 3600784, 55, 655",
      "Zeeland, 380717, 39, 98",
      "Kiescollege Bonaire 2023, 24090, 9, 27",
      "Kiescollege Sint Eustatius 2023, 3293, 5, 7",
      "Kiescollege Saba 2023, 2035, 5, 4"})
  void U2_lid1_reproduces_the_published_stemwaarden(String body, long inhabitants, int members, long published) {
    assertThat(Stemwaarde.compute(inhabitants, members)).isEqualTo(published);
    assertThat(Stemwaarde.check(BodyKind.PROVINCE, inhabitants, members, published))
        .isEqualTo(new Stemwaarde.Agrees(published));
  }

  @Test
  void U2_lid1_a_published_value_that_differs_is_reported_with_the_computed_value() {
    assertThat(Stemwaarde.check(BodyKind.PROVINCE, 444_850, 41, 108)).isEqualTo(new Stemwaarde.Differs(109, 108));
    assertThat(Stemwaarde.check(BodyKind.ISLAND_KIESCOLLEGE, 24_090, 9, 26)).isEqualTo(new Stemwaarde.Differs(27, 26));
  }

  @Test
  void kiescollege_niet_ingezetenen_rule_unconfirmed_accepts_the_published_value() {
    // 2023: published 20 for 37 455 registered voters and 25 members; the U 2 formula would give 15.
    assertThat(Stemwaarde.check(BodyKind.NON_RESIDENTS_KIESCOLLEGE, 37_455, 25, 20))
        .isEqualTo(new Stemwaarde.RuleUnconfirmed(15, 20));
  }

  @Property(tries = 2000)
  void U2_lid1_equals_half_up_rounding_of_the_exact_quotient(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long inhabitants, @ForAll @IntRange(min = 1, max = 10_000) int members) {
    BigDecimal exact = BigDecimal.valueOf(inhabitants).divide(BigDecimal.valueOf(100L * members), 0,
        RoundingMode.HALF_UP);
    assertThat(Stemwaarde.compute(inhabitants, members)).isEqualTo(exact.longValueExact());
  }

  @Test
  void bad_input_is_refused_with_a_clear_error() {
    assertThatThrownBy(() -> Stemwaarde.compute(100, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("members");
    assertThatThrownBy(() -> Stemwaarde.compute(-1, 41)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inhabitants");
  }
}
