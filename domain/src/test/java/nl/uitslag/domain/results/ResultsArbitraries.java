package nl.uitslag.domain.results;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of arbitrary (not necessarily consistent) entries of every model variant. */
public final class ResultsArbitraries {
  private ResultsArbitraries() {}

  /** Any entry of any variant, GR or PS shape, with any value in every field that the hard rules allow. */
  public static Arbitrary<ResultsModel> anyEntry() {
    Arbitrary<ModelVariant> variant = Arbitraries.of(ModelVariant.values());
    Arbitrary<Boolean> voterCards = Arbitraries.of(true, false);
    return Combinators.combine(variant, voterCards).flatAs((v, c) -> {
      ResultsModel template = (c ? ResultsFixtures.PS : ResultsFixtures.GR).emptyResults(v);
      List<ResultsField> fields = template.fields();
      List<Arbitrary<FieldValue>> values = new ArrayList<>();
      for (ResultsField f : fields) {
        values.add(valueLike(f.value()));
      }
      return Combinators.combine(values).as(list -> template.withValues(allowed(fields, list)));
    });
  }

  /** The checks-and-corrections page stays empty when it is marked missing (a hard rule, not a code). */
  private static List<FieldValue> allowed(List<ResultsField> fields, List<FieldValue> values) {
    List<FieldValue> result = new ArrayList<>(values);
    int page = -1;
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).path().equals(FieldPaths.ABOUT_REPORT_CHECKS_PAGE)) {
        page = i;
      }
    }
    if (page >= 0 && ((YesNo) result.get(page)).isNo()) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).path().startsWith("checks.")) {
          result.set(i, result.get(i).cleared());
        }
      }
    }
    return result;
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
}
