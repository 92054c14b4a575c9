package nl.uitslag.domain.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Consistent, error-free and warning-free entries of every model variant, to derive test cases from. */
public final class ResultsFixtures {
  private ResultsFixtures() {}

  /** A GR election: no voter cards, list 1 with 3 candidates, list 2 with 2. */
  public static final ResultsShape GR = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(2, 2)), false);

  /** A PS election: voter cards required, same lists. */
  public static final ResultsShape PS = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(2, 2)), true);

  public static FieldValue.Count count(int value) {
    return new FieldValue.Count(value);
  }

  public static FieldValue.Checkbox ticked(boolean ticked) {
    return new FieldValue.Checkbox(ticked);
  }

  private static VotesCounts votes() {
    return new VotesCounts(List.of(new ListTotal(1, 60), new ListTotal(2, 40)), 100, 2, 3, 105);
  }

  private static List<ListVotes> lists() {
    return List.of(new ListVotes(1, List.of(30, 20, 10), 60), new ListVotes(2, List.of(25, 15), 40));
  }

  private static DifferencesCounts noDifference() {
    return new DifferencesCounts(new ComparisonChecks(true, false, false), 0, 0, YesNo.EMPTY);
  }

  /** Na 31-2 Bijlage 1, GR: A 100 + B 5 = D 105 = H; E.1 60 + E.2 40 = E 100; F 2, G 3. */
  public static CsoFirstSessionResults csoFirst() {
    return new CsoFirstSessionResults(
        new ExtraInvestigation(YesNo.NO, YesNo.NO),
        new CountingDifferencesPollingStation(YesNo.YES, YesNo.NO),
        new VoterCounts(100, 5, null, 105),
        votes(),
        noDifference(),
        lists());
  }

  /** The same counts on a PS form (A 95 + B 5 + C 5 = D 105). */
  public static CsoFirstSessionResults csoFirstPs() {
    return new CsoFirstSessionResults(
        new ExtraInvestigation(YesNo.NO, YesNo.NO),
        new CountingDifferencesPollingStation(YesNo.YES, YesNo.NO),
        new VoterCounts(95, 5, 5, 105),
        votes(),
        noDifference(),
        lists());
  }

  /** N 10-1 with one document and no checks-and-corrections page. */
  public static DsoFirstSessionResults dsoFirst() {
    return new DsoFirstSessionResults(
        new AboutReport(YesNo.NO, YesNo.NO),
        ChecksAndCorrections.EMPTY,
        new VoterCounts(100, 5, null, 105),
        votes(),
        noDifference(),
        lists());
  }

  /** N 10-1 with one document and a page on which an own-initiative check found nothing to correct. */
  public static DsoFirstSessionResults dsoFirstWithPage() {
    return new DsoFirstSessionResults(
        new AboutReport(YesNo.NO, YesNo.YES),
        new ChecksAndCorrections(false, true, YesNo.NO, YesNo.EMPTY),
        new VoterCounts(100, 5, null, 105),
        votes(),
        noDifference(),
        lists());
  }

  /** Na 14-2 Bijlage 1 (CSO) or Na 14-1 versie 2 (DSO). */
  public static NextSessionResults nextSession(CountingMethod method) {
    return new NextSessionResults(method, new VoterCounts(100, 5, null, 105), votes(), noDifference(), lists());
  }

  /** GSB totals at the CSB with Z = 1000. */
  public static GsbResults gsb() {
    return new GsbResults(1000, new VoterCounts(100, 5, null, 105), votes(), 0, 0, lists());
  }

  /** Every variant's valid GR fixture. */
  public static List<ResultsModel> allVariants() {
    return List.of(csoFirst(), dsoFirst(), nextSession(CountingMethod.CSO), nextSession(CountingMethod.DSO), gsb());
  }

  /** The entry with the given fields changed: {@code change(e, "A", count(5), "D", count(7))}. */
  public static <T extends ResultsModel> T change(T entry, Object... pathsAndValues) {
    Map<String, FieldValue> changes = new HashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      changes.put((String) pathsAndValues[i], (FieldValue) pathsAndValues[i + 1]);
    }
    @SuppressWarnings("unchecked")
    T changed = (T) entry.with(changes);
    return changed;
  }
}
