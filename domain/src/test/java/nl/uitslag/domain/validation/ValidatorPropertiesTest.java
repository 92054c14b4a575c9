package nl.uitslag.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.uitslag.domain.results.ComparisonChecks;
import nl.uitslag.domain.results.CountingDifferencesPollingStation;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.DifferencesCounts;
import nl.uitslag.domain.results.ExtraInvestigation;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import nl.uitslag.domain.results.YesNo;

/**
 * The F rules as a whole act like the checksums of the paper form: a consistent Na 31-2 Bijlage 1 has no
 * error, and changing any single count on it by one always produces an error.
 */
class ValidatorPropertiesTest {

  static final ResultsShape SHAPE = new ResultsShape(
      List.of(new ListShape(1, 4), new ListShape(2, 2), new ListShape(3, 3)), true);

  @Provide
  Arbitrary<ResultsModel> consistentEntries() {
    Arbitrary<List<Integer>> votes = Arbitraries.integers().between(0, 500).list().ofSize(9);
    Arbitrary<Integer> blank = Arbitraries.integers().between(0, 50);
    Arbitrary<Integer> invalid = Arbitraries.integers().between(0, 50);
    Arbitrary<Integer> difference = Arbitraries.integers().between(-20, 20);
    Arbitrary<Integer> proxies = Arbitraries.integers().between(0, 30);
    Arbitrary<Integer> voterCards = Arbitraries.integers().between(0, 30);
    return Combinators.combine(votes, blank, invalid, difference, proxies, voterCards)
        .as(ValidatorPropertiesTest::consistent)
        .filter(e -> e != null);
  }

  /** An entry whose every total adds up; D = H − difference (negative difference: fewer ballots). */
  static ResultsModel consistent(List<Integer> votes, int blank, int invalid, int difference, int b, int c) {
    List<ListVotes> pages = new ArrayList<>();
    List<ListTotal> totals = new ArrayList<>();
    int index = 0;
    long e = 0;
    for (ListShape list : SHAPE.lists()) {
      List<Integer> candidates = votes.subList(index, index + list.candidateCount());
      index += list.candidateCount();
      int total = candidates.stream().mapToInt(Integer::intValue).sum();
      pages.add(new ListVotes(list.listNumber(), candidates, total));
      totals.add(new ListTotal(list.listNumber(), total));
      e += total;
    }
    int h = (int) e + blank + invalid;
    int d = h - difference;
    if (d < b + c) {
      return null;
    }
    DifferencesCounts differences = d == h
        ? new DifferencesCounts(new ComparisonChecks(true, false, false), 0, 0, YesNo.EMPTY)
        : h > d
            ? new DifferencesCounts(new ComparisonChecks(false, true, false), h - d, 0, YesNo.YES)
            : new DifferencesCounts(new ComparisonChecks(false, false, true), 0, d - h, YesNo.NO);
    return new CsoFirstSessionResults(
        new ExtraInvestigation(YesNo.NO, YesNo.NO),
        new CountingDifferencesPollingStation(YesNo.YES, YesNo.NO),
        new VoterCounts(d - b - c, b, c, d),
        new VotesCounts(totals, (int) e, blank, invalid, h),
        differences,
        pages);
  }

  private static ValidationResults validate(ResultsModel entry) {
    return Validator.validate(entry, ValidationContext.withDefaults(SHAPE));
  }

  @Property(tries = 200)
  void a_consistent_entry_has_no_errors(@ForAll("consistentEntries") ResultsModel entry) {
    assertThat(validate(entry).errors()).isEmpty();
  }

  @Property(tries = 100)
  void changing_any_single_count_by_one_gives_an_error(@ForAll("consistentEntries") ResultsModel entry) {
    List<ResultsField> fields = entry.fields();
    for (ResultsField f : fields) {
      if (f.value() instanceof FieldValue.Count count) {
        ResultsModel changed = entry.with(java.util.Map.of(f.path(), new FieldValue.Count(count.value() + 1)));
        assertThat(validate(changed).hasErrors()).as("%s + 1", f.path()).isTrue();
      }
    }
  }

  @Property(tries = 200)
  void results_are_always_sorted_by_code(@ForAll("consistentEntries") ResultsModel entry,
      @ForAll("anyCountChange") int newValue) {
    ResultsModel changed = entry.with(java.util.Map.of("G", new FieldValue.Count(newValue),
        "list.2.candidate.1", new FieldValue.Count(newValue)));
    List<ValidationCode> codes = validate(changed).all().stream().map(ValidationResult::code).toList();
    assertThat(codes).isSorted();
  }

  @Provide
  Arbitrary<ResultsModel> anyEntry() {
    return nl.uitslag.domain.results.ResultsArbitraries.anyEntry();
  }

  @Property(tries = 200)
  void every_field_a_result_names_exists_in_the_entry(@ForAll("anyEntry") ResultsModel entry) {
    ResultsShape shape = entry.voters().voterCards() == null
        ? nl.uitslag.domain.results.ResultsFixtures.GR : nl.uitslag.domain.results.ResultsFixtures.PS;
    ValidationResults results = Validator.validate(entry, ValidationContext.withDefaults(shape));
    java.util.Set<String> paths = new java.util.HashSet<>();
    entry.fields().forEach(f -> paths.add(f.path()));
    for (ValidationResult r : results.all()) {
      assertThat(r.fields()).as(r.code().code()).isNotEmpty();
      assertThat(paths).as(r.code().code()).containsAll(r.fields());
      assertThat(r.listNumber() != null).as(r.code().code()).isEqualTo(r.code().code().startsWith("F.4"));
    }
    assertThat(results.all().stream().map(ValidationResult::code).toList()).isSorted();
  }

  @Provide
  Arbitrary<Integer> anyCountChange() {
    return Arbitraries.integers().between(0, 999_999_999);
  }
}
