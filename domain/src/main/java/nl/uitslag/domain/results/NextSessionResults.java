package nl.uitslag.domain.results;

import java.util.List;
import java.util.Objects;

/**
 * Model Na 14-2 Bijlage 1 (CSO) or Na 14-1 versie 2 (DSO): the corrected results of one polling station in a
 * next GSB session, after an investigation ordered by the CSB.
 */
public record NextSessionResults(
    CountingMethod countingMethod,
    VoterCounts voters,
    VotesCounts votes,
    DifferencesCounts differences,
    List<ListVotes> lists)
    implements PollingStationResults {

  public NextSessionResults {
    Objects.requireNonNull(countingMethod, "countingMethod");
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    lists = ModelChecks.listsMatchVotes(votes, lists);
  }

  @Override
  public ModelVariant variant() {
    return countingMethod == CountingMethod.CSO ? ModelVariant.CSO_NEXT_SESSION : ModelVariant.DSO_NEXT_SESSION;
  }

  /**
   * The form a typist starts from in a next session: the previous definitive results, except the D/H
   * comparison checkboxes and "difference completely explained?", which must always be entered anew
   * (abacus.md §3.1 item 3).
   */
  public static NextSessionResults prefilledFrom(CountingMethod method, PollingStationResults previous) {
    DifferencesCounts d = previous.differences();
    DifferencesCounts reentered = new DifferencesCounts(
        ComparisonChecks.NONE, d.moreBallotsCounted(), d.fewerBallotsCounted(), YesNo.EMPTY);
    return new NextSessionResults(method, previous.voters(), previous.votes(), reentered, previous.lists());
  }

  @Override
  public List<ResultsField> fields() {
    FieldCodec.Writer w = new FieldCodec.Writer();
    w.voters(voters);
    w.votes(votes);
    w.differences(differences);
    w.lists(lists);
    return w.fields();
  }

  @Override
  public NextSessionResults withValues(List<FieldValue> values) {
    FieldCodec.Reader r = new FieldCodec.Reader(fields(), values);
    return new NextSessionResults(
        countingMethod, r.voters(voters), r.votes(votes), r.differences(), r.lists(lists));
  }
}
