package nl.uitslag.domain.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResultsModelPropertiesTest {

  @Provide
  Arbitrary<ResultsModel> entries() {
    return ResultsArbitraries.anyEntry();
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
