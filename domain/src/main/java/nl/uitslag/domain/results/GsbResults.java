package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.*;

import java.util.List;
import java.util.Objects;

/**
 * The totals of one GSB (from its Na 31-1, Na 31-2 or Na 14-2) as entered at the CSB: Z eligible voters
 * (kiesgerechtigden), the common block, I and J (no comparison checkboxes), and one page per list; beside the keyed
 * fields, the UncountedVotes rows of the count file it was read from ({@link CountFileRows}: explanations of
 * differences, whether A and D are recorded), which are not part of {@link #fields()}.
 */
public record GsbResults(
    int eligibleVoters,
    VoterCounts voters,
    VotesCounts votes,
    int moreBallotsCounted,
    int fewerBallotsCounted,
    List<ListVotes> lists,
    CountFileRows rows)
    implements ResultsModel {

  /** Totals without count-file rows (typed from paper, or a file that carries only the keyed rows). */
  public GsbResults(int eligibleVoters, VoterCounts voters, VotesCounts votes, int moreBallotsCounted,
      int fewerBallotsCounted, List<ListVotes> lists) {
    this(eligibleVoters, voters, votes, moreBallotsCounted, fewerBallotsCounted, lists, CountFileRows.NONE);
  }

  public GsbResults {
    Counts.check(ELIGIBLE_VOTERS, eligibleVoters);
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Counts.check(MORE_BALLOTS_COUNTED, moreBallotsCounted);
    Counts.check(FEWER_BALLOTS_COUNTED, fewerBallotsCounted);
    lists = ModelChecks.listsMatchVotes(votes, lists);
    Objects.requireNonNull(rows, "rows");
  }

  /** The same keyed totals with the given count-file rows. */
  public GsbResults withRows(CountFileRows newRows) {
    return new GsbResults(eligibleVoters, voters, votes, moreBallotsCounted, fewerBallotsCounted, lists, newRows);
  }

  @Override
  public ModelVariant variant() {
    return ModelVariant.GSB_TOTALS;
  }

  @Override
  public List<ResultsField> fields() {
    FieldCodec.Writer w = new FieldCodec.Writer();
    w.count(ELIGIBLE_VOTERS, "Z", eligibleVoters);
    w.voters(voters);
    w.votes(votes);
    w.count(MORE_BALLOTS_COUNTED, "I", moreBallotsCounted);
    w.count(FEWER_BALLOTS_COUNTED, "J", fewerBallotsCounted);
    w.lists(lists);
    return w.fields();
  }

  /** New keyed values; the count-file rows are kept, as they are not keyed. */
  @Override
  public GsbResults withValues(List<FieldValue> values) {
    FieldCodec.Reader r = new FieldCodec.Reader(fields(), values);
    int z = r.count();
    VoterCounts v = r.voters(voters);
    VotesCounts e = r.votes(votes);
    int i = r.count();
    int j = r.count();
    return new GsbResults(z, v, e, i, j, r.lists(lists), rows);
  }
}
