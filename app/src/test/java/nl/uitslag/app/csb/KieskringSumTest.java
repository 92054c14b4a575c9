package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.uitslag.domain.results.CountFileRows;
import nl.uitslag.domain.results.Counts;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsShape;
import org.junit.jupiter.api.Test;

/**
 * The totals of a kieskring are the sum of the totals of its municipalities (Kieswet O 2 for the HSB), field by
 * field and exactly: for any number of municipalities and any counts, every field of the sum is the long sum of
 * that field, in any order; the count files' explanation rows are the sums over the municipalities that carry
 * them; a sum too large for the paper model is refused, never wrapped.
 */
class KieskringSumTest {
  private static final ResultsShape SHAPE = new ResultsShape(List.of(new ListShape(1, 4), new ListShape(2, 2),
      new ListShape(3, 5)), true);

  static GsbResults totals(List<Integer> values) {
    List<FieldValue> fv = new ArrayList<>();
    values.forEach(v -> fv.add(new FieldValue.Count(v)));
    return (GsbResults) SHAPE.emptyResults(ModelVariant.GSB_TOTALS).withValues(fv);
  }

  static int fieldCount() {
    return SHAPE.emptyResults(ModelVariant.GSB_TOTALS).fields().size();
  }

  @Provide
  Arbitrary<List<List<Integer>>> municipalities() {
    Arbitrary<List<Integer>> one = Arbitraries.integers().between(0, 5_000_000).list().ofSize(fieldCount());
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void everyFieldOfTheKieskringTotalIsTheExactSumOfTheMunicipalities(
      @ForAll("municipalities") List<List<Integer>> municipalities) {
    List<GsbResults> totals = new ArrayList<>();
    municipalities.forEach(m -> totals.add(totals(m)));
    GsbResults sum = GsbTotals.sum(totals);
    var fields = sum.fields();
    for (int i = 0; i < fields.size(); i++) {
      long expected = 0;
      for (List<Integer> m : municipalities) {
        expected += m.get(i);
      }
      assertThat((long) ((FieldValue.Count) fields.get(i).value()).value()).as(fields.get(i).path())
          .isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void theSumDoesNotDependOnTheOrderOfTheMunicipalities(
      @ForAll("municipalities") List<List<Integer>> municipalities) {
    List<GsbResults> totals = new ArrayList<>();
    municipalities.forEach(m -> totals.add(totals(m)));
    List<GsbResults> reversed = new ArrayList<>(totals);
    java.util.Collections.reverse(reversed);
    assertThat(GsbTotals.sum(reversed)).isEqualTo(GsbTotals.sum(totals));
  }

  @Provide
  Arbitrary<List<CountFileRows>> rows() {
    Arbitrary<Map<Explanation, Integer>> explanations = Arbitraries.maps(
        Arbitraries.of(Explanation.class), Arbitraries.integers().between(0, 20_000_000))
        .ofMaxSize(Explanation.values().length);
    Arbitrary<CountFileRows> one = net.jqwik.api.Combinators.combine(
        Arbitraries.of(true, true, true, false), explanations).as(CountFileRows::new);
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void theHsbsExplanationRowsAreTheSumsOverItsMunicipalities(@ForAll("rows") List<CountFileRows> rows) {
    List<Integer> zero = new ArrayList<>();
    for (int i = 0; i < fieldCount(); i++) {
      zero.add(0);
    }
    List<GsbResults> totals = new ArrayList<>();
    rows.forEach(r -> totals.add(totals(zero).withRows(r)));
    CountFileRows sum = GsbTotals.sum(totals).rows();
    for (Explanation reason : Explanation.values()) {
      boolean carried = rows.stream().anyMatch(r -> r.explanations().containsKey(reason));
      long expected = rows.stream().mapToLong(r -> r.explanations().getOrDefault(reason, 0)).sum();
      if (carried) {
        assertThat((long) sum.explanations().get(reason)).as(reason.name()).isEqualTo(expected);
      } else {
        assertThat(sum.explanations()).as("a row no municipality carries").doesNotContainKey(reason);
      }
    }
    assertThat(sum.admittedVotersRecorded()).as("A and D known only when every municipality records them")
        .isEqualTo(rows.stream().allMatch(CountFileRows::admittedVotersRecorded));
    assertThat(List.copyOf(sum.explanations().keySet())).as("schema order").isSorted();
  }

  @Test
  void anExplanationRowSumAboveTheLargestCountIsRefusedNotWrapped() {
    CountFileRows big = new CountFileRows(true, Map.of(Explanation.NO_EXPLANATION, Counts.MAX));
    assertThatThrownBy(() -> CountFileRows.sum(List.of(big, big)))
        .isInstanceOf(nl.uitslag.domain.results.InvalidResultsException.class)
        .hasMessageContaining("exceeds " + Counts.MAX);
  }

  @Test
  void aSumAboveTheLargestCountOnThePaperModelIsRefusedNotWrapped() {
    List<Integer> big = new ArrayList<>();
    for (int i = 0; i < fieldCount(); i++) {
      big.add(Counts.MAX);
    }
    assertThatThrownBy(() -> GsbTotals.sum(List.of(totals(big), totals(big))))
        .isInstanceOf(GsbTotals.Mismatch.class)
        .hasMessageContaining("is not a count between 0 and " + Counts.MAX);
  }

  @Test
  void nothingToAddUpIsRefused() {
    assertThatThrownBy(() -> GsbTotals.sum(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
