package nl.uitslag.domain.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResultsModelPropertiesTest {

  /** A random value of the same kind for every field of a random variant's empty entry. */
  @Provide
  Arbitrary<ResultsModel> entries() {
    Arbitrary<ModelVariant> variant = Arbitraries.of(ModelVariant.values());
    Arbitrary<Boolean> voterCards = Arbitraries.of(true, false);
    return Combinators.combine(variant, voterCards).flatAs((v, c) -> {
      ResultsModel template = (c ? ResultsFixtures.PS : ResultsFixtures.GR).emptyResults(v);
      List<Arbitrary<FieldValue>> values = new ArrayList<>();
      for (ResultsField f : template.fields()) {
        // The DSO checks page must stay empty unless marked present: keep it valid by leaving those fields.
        if (f.path().startsWith("checks.") || f.path().equals(FieldPaths.ABOUT_REPORT_CHECKS_PAGE)) {
          values.add(Arbitraries.just(f.value()));
        } else {
          values.add(valueLike(f.value()));
        }
      }
      return Combinators.combine(values).as(template::withValues);
    });
  }

  private static Arbitrary<FieldValue> valueLike(FieldValue kind) {
    if (kind instanceof FieldValue.Count) {
      return Arbitraries.oneOf(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, Counts.MAX))
          .map(FieldValue.Count::new);
    }
    if (kind instanceof FieldValue.Checkbox) {
      return Arbitraries.of(true, false).map(FieldValue.Checkbox::new);
    }
    return Arbitraries.of(YesNo.EMPTY, YesNo.YES, YesNo.NO, YesNo.BOTH);
  }

  @Property(tries = 100)
  void rebuilding_from_its_own_field_values_gives_the_same_entry(@ForAll("entries") ResultsModel entry) {
    List<FieldValue> values = entry.fields().stream().map(ResultsField::value).toList();
    assertThat(entry.withValues(values)).isEqualTo(entry);
  }

  @Property(tries = 100)
  void no_differing_fields_exactly_when_deeply_equal(
      @ForAll("entries") ResultsModel a, @ForAll("entries") ResultsModel b) {
    if (a.variant() == b.variant() && a.fields().size() == b.fields().size()) {
      assertThat(a.differingFields(b).isEmpty()).isEqualTo(a.equals(b));
      assertThat(a.differingFields(b)).isEqualTo(b.differingFields(a));
    }
  }

  @Property(tries = 100)
  void clearing_the_differing_fields_of_both_gives_equal_entries(
      @ForAll("entries") ResultsModel a, @ForAll("entries") ResultsModel b) {
    if (a.variant() == b.variant() && a.fields().size() == b.fields().size()) {
      java.util.Set<String> differing = new java.util.HashSet<>(a.differingFields(b));
      assertThat(a.withCleared(differing)).isEqualTo(b.withCleared(differing));
    }
  }
}
