package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.*;

import java.util.List;
import java.util.Objects;

/**
 * Model Na 31-2 Bijlage 1: the results of one polling station counted centrally (CSO) by the GSB in its
 * first session, in paper order: B1-1, B1-2, common block, differences block, one page per list.
 */
public record CsoFirstSessionResults(
    ExtraInvestigation extraInvestigation,
    CountingDifferencesPollingStation countingDifferences,
    VoterCounts voters,
    VotesCounts votes,
    DifferencesCounts differences,
    List<ListVotes> lists)
    implements PollingStationResults {

  public CsoFirstSessionResults {
    Objects.requireNonNull(extraInvestigation, "extraInvestigation");
    Objects.requireNonNull(countingDifferences, "countingDifferences");
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    lists = ModelChecks.listsMatchVotes(votes, lists);
  }

  @Override
  public ModelVariant variant() {
    return ModelVariant.CSO_FIRST_SESSION;
  }

  /**
   * "Toegelaten kiezers opnieuw vastgesteld" (printed in Na 31-2 §1.2.1 and in EML 510b): the first B1-2
   * answer is "no", or the second is "yes", or the difference is not completely explained ("no").
   */
  public boolean admittedVotersRecounted() {
    return countingDifferences.differenceExplainedBySb().isNo()
        || countingDifferences.listTotalsDiffer().isYes()
        || differences.differenceExplained().isNo();
  }

  @Override
  public List<ResultsField> fields() {
    FieldCodec.Writer w = new FieldCodec.Writer();
    w.yesNo(EXTRA_INVESTIGATION_OTHER_REASON, extraInvestigation.investigatedOtherReason());
    w.yesNo(EXTRA_INVESTIGATION_BALLOTS_RECOUNTED, extraInvestigation.ballotsRecounted());
    w.yesNo(COUNTING_DIFFERENCES_EXPLAINED_BY_SB, countingDifferences.differenceExplainedBySb());
    w.yesNo(COUNTING_DIFFERENCES_LIST_TOTALS, countingDifferences.listTotalsDiffer());
    w.voters(voters);
    w.votes(votes);
    w.differences(differences);
    w.lists(lists);
    return w.fields();
  }

  @Override
  public CsoFirstSessionResults withValues(List<FieldValue> values) {
    FieldCodec.Reader r = new FieldCodec.Reader(fields(), values);
    ExtraInvestigation extra = new ExtraInvestigation(r.yesNo(), r.yesNo());
    CountingDifferencesPollingStation counting = new CountingDifferencesPollingStation(r.yesNo(), r.yesNo());
    return new CsoFirstSessionResults(
        extra, counting, r.voters(voters), r.votes(votes), r.differences(), r.lists(lists));
  }
}
