package nl.uitslag.domain.apportionment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The exact rational type of apportionment.md §3.8. */
class FractionTest {

  @Test
  void isKeptInLowestTermsWithAPositiveDenominator() {
    Fraction f = Fraction.of(10, -4);
    assertThat(f.numerator()).isEqualTo(-5);
    assertThat(f.denominator()).isEqualTo(2);
    assertThat(Fraction.of(0, 7)).isEqualTo(Fraction.ZERO);
    assertThat(Fraction.of(6, 3)).isEqualTo(Fraction.of(2));
  }

  @Test
  void printsMixedNumbersForPeople() {
    assertThat(Fraction.of(4451, 15).toString()).isEqualTo("296 11/15");
    assertThat(Fraction.of(4447, 15).toString()).isEqualTo("296 7/15");
    assertThat(Fraction.of(2, 3).toString()).isEqualTo("2/3");
    assertThat(Fraction.of(-3, 2).toString()).isEqualTo("-1 1/2");
    assertThat(Fraction.of(5).toString()).isEqualTo("5");
    assertThat(Fraction.of(5104, 15).toFractionString()).isEqualTo("5104/15");
  }

  @Test
  void parsesWhatItPrints() {
    assertThat(Fraction.parse("296 7/15")).isEqualTo(Fraction.of(4447, 15));
    assertThat(Fraction.parse("-1 1/2")).isEqualTo(Fraction.of(-3, 2));
    assertThat(Fraction.parse("5104/15")).isEqualTo(Fraction.of(5104, 15));
    assertThatThrownBy(() -> Fraction.parse("1/0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.parse("one")).hasMessageContaining("not a fraction");
    assertThatThrownBy(() -> Fraction.parse("1 3/2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmeticIsExact() {
    assertThat(Fraction.of(1, 3).add(Fraction.of(1, 6))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(1, 3).subtract(Fraction.of(1, 2))).isEqualTo(Fraction.of(-1, 6));
    assertThat(Fraction.of(5104, 15).multiply(Fraction.of(3, 4))).isEqualTo(Fraction.of(1276, 5));
    assertThat(Fraction.of(808).divide(13)).isEqualTo(Fraction.parse("62 2/13"));
    assertThat(Fraction.of(-7, 2).floor()).isEqualTo(-4);
    assertThat(Fraction.of(7, 2).floor()).isEqualTo(3);
  }

  @Test
  void comparesWithoutOverflowNearTheLongRange() {
    Fraction a = Fraction.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    Fraction b = Fraction.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
    assertThat(a.compareTo(b)).isPositive();
    assertThat(b.compareTo(a)).isNegative();
    assertThat(Fraction.of(-Long.MAX_VALUE, 3).compareTo(Fraction.of(Long.MAX_VALUE, 3))).isNegative();
  }

  @Test
  void arithmeticOverflowThrowsInsteadOfWrapping() {
    Fraction big = Fraction.of(Long.MAX_VALUE / 2 + 1);
    assertThatThrownBy(() -> big.add(big)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(ArithmeticException.class);
  }
}
