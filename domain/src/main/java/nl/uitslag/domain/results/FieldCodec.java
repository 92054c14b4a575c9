package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Flattens the blocks of a results model into fields in paper order, and reads them back in the same order.
 * Every model's {@code fields()} and {@code withValues(...)} are written with this pair, so that the two
 * cannot drift apart (a round-trip property test checks it).
 */
final class FieldCodec {
  private FieldCodec() {}

  /** Collects fields in paper order. */
  static final class Writer {
    private final List<ResultsField> fields = new ArrayList<>();

    List<ResultsField> fields() {
      return List.copyOf(fields);
    }

    void count(String path, String code, int value) {
      fields.add(new ResultsField(path, code, new FieldValue.Count(value)));
    }

    void checkbox(String path, boolean ticked) {
      fields.add(new ResultsField(path, "", new FieldValue.Checkbox(ticked)));
    }

    void yesNo(String path, YesNo value) {
      fields.add(new ResultsField(path, "", value));
    }

    void voters(VoterCounts v) {
      count(POLL_CARDS, "A", v.pollCards());
      count(PROXY_CERTIFICATES, "B", v.proxyCertificates());
      if (v.voterCards() != null) {
        count(VOTER_CARDS, "C", v.voterCards());
      }
      count(TOTAL_ADMITTED_VOTERS, "D", v.totalAdmittedVoters());
    }

    void votes(VotesCounts v) {
      for (ListTotal t : v.listTotals()) {
        count(listTotalInVotes(t.listNumber()), "E." + t.listNumber(), t.votes());
      }
      count(TOTAL_VOTES_CANDIDATES, "E", v.totalVotesCandidates());
      count(BLANK_VOTES, "F", v.blankVotes());
      count(INVALID_VOTES, "G", v.invalidVotes());
      count(TOTAL_VOTES_CAST, "H", v.totalVotesCast());
    }

    void differences(DifferencesCounts d) {
      checkbox(COMPARE_EQUAL, d.comparison().admittedEqualsCast());
      checkbox(COMPARE_CAST_GREATER, d.comparison().castGreater());
      checkbox(COMPARE_CAST_LESS, d.comparison().castLess());
      count(MORE_BALLOTS_COUNTED, "I", d.moreBallotsCounted());
      count(FEWER_BALLOTS_COUNTED, "J", d.fewerBallotsCounted());
      yesNo(DIFFERENCE_EXPLAINED, d.differenceExplained());
    }

    void lists(List<ListVotes> lists) {
      for (ListVotes l : lists) {
        for (int c = 0; c < l.candidateVotes().size(); c++) {
          count(candidateVotes(l.listNumber(), c + 1), "", l.candidateVotes().get(c));
        }
        count(listTotal(l.listNumber()), "", l.total());
      }
    }
  }

  /**
   * Reads values back in the order a {@link Writer} produced them for a template of the same shape; the
   * template supplies the shape (lists, candidates, presence of C), the values replace its content.
   */
  static final class Reader {
    private final Iterator<ResultsField> expected;
    private final Iterator<FieldValue> values;

    Reader(List<ResultsField> templateFields, List<FieldValue> values) {
      if (templateFields.size() != values.size()) {
        throw new InvalidResultsException(
            null, "expected " + templateFields.size() + " field values, got " + values.size());
      }
      this.expected = templateFields.iterator();
      this.values = values.iterator();
    }

    private FieldValue next(Class<? extends FieldValue> type) {
      ResultsField field = expected.next();
      FieldValue value = values.next();
      if (value == null || !type.isInstance(value)) {
        throw new InvalidResultsException(
            field.path(), "expected a " + type.getSimpleName() + " value, got " + value);
      }
      return value;
    }

    int count() {
      return ((FieldValue.Count) next(FieldValue.Count.class)).value();
    }

    boolean checkbox() {
      return ((FieldValue.Checkbox) next(FieldValue.Checkbox.class)).ticked();
    }

    YesNo yesNo() {
      return (YesNo) next(YesNo.class);
    }

    VoterCounts voters(VoterCounts template) {
      int a = count();
      int b = count();
      Integer c = template.voterCards() == null ? null : count();
      int d = count();
      return new VoterCounts(a, b, c, d);
    }

    VotesCounts votes(VotesCounts template) {
      List<ListTotal> totals = new ArrayList<>();
      for (ListTotal t : template.listTotals()) {
        totals.add(new ListTotal(t.listNumber(), count()));
      }
      int e = count();
      int f = count();
      int g = count();
      int h = count();
      return new VotesCounts(totals, e, f, g, h);
    }

    DifferencesCounts differences() {
      ComparisonChecks checks = new ComparisonChecks(checkbox(), checkbox(), checkbox());
      int i = count();
      int j = count();
      return new DifferencesCounts(checks, i, j, yesNo());
    }

    List<ListVotes> lists(List<ListVotes> template) {
      List<ListVotes> result = new ArrayList<>();
      for (ListVotes l : template) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < l.candidateVotes().size(); c++) {
          candidates.add(count());
        }
        result.add(new ListVotes(l.listNumber(), candidates, count()));
      }
      return result;
    }
  }
}
