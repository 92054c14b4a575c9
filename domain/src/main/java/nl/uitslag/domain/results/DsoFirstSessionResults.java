package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.*;

import java.util.List;
import java.util.Objects;

/**
 * Model N 10-1 (part 2, with the optional Na 14-1 versie 1 and the "controles en correcties" page): the
 * results of one polling station that counted decentrally (DSO), entered in the GSB's first session.
 */
public record DsoFirstSessionResults(
    AboutReport aboutReport,
    ChecksAndCorrections checksAndCorrections,
    VoterCounts voters,
    VotesCounts votes,
    DifferencesCounts differences,
    List<ListVotes> lists)
    implements PollingStationResults {

  public DsoFirstSessionResults {
    Objects.requireNonNull(aboutReport, "aboutReport");
    Objects.requireNonNull(checksAndCorrections, "checksAndCorrections");
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    lists = ModelChecks.listsMatchVotes(votes, lists);
    // abacus.md §4 hard rejection: the checks-and-corrections section is disabled when the page is missing.
    if (aboutReport.checksPagePresent().isNo() && !checksAndCorrections.isEmpty()) {
      throw new InvalidResultsException(
          ABOUT_REPORT_CHECKS_PAGE, "checks and corrections filled in while the page is marked missing");
    }
  }

  @Override
  public ModelVariant variant() {
    return ModelVariant.DSO_FIRST_SESSION;
  }

  /** Whether the checks-and-corrections page is marked present (exactly "yes"). */
  public boolean checksPagePresent() {
    return aboutReport.checksPagePresent().isYes();
  }

  @Override
  public List<ResultsField> fields() {
    FieldCodec.Writer w = new FieldCodec.Writer();
    w.yesNo(ABOUT_REPORT_CORRIGENDUM, aboutReport.corrigendumPresent());
    w.yesNo(ABOUT_REPORT_CHECKS_PAGE, aboutReport.checksPagePresent());
    w.checkbox(CHECKS_REASON_UNEXPLAINED_DIFFERENCE, checksAndCorrections.reasonUnexplainedDifference());
    w.checkbox(CHECKS_REASON_OTHER_ERROR, checksAndCorrections.reasonOtherError());
    w.yesNo(CHECKS_CORRECTED_OWN_INITIATIVE, checksAndCorrections.correctedOwnInitiative());
    w.yesNo(CHECKS_CORRECTED_CSB_REQUEST, checksAndCorrections.correctedOnCsbRequest());
    w.voters(voters);
    w.votes(votes);
    w.differences(differences);
    w.lists(lists);
    return w.fields();
  }

  @Override
  public DsoFirstSessionResults withValues(List<FieldValue> values) {
    FieldCodec.Reader r = new FieldCodec.Reader(fields(), values);
    AboutReport about = new AboutReport(r.yesNo(), r.yesNo());
    ChecksAndCorrections checks = new ChecksAndCorrections(r.checkbox(), r.checkbox(), r.yesNo(), r.yesNo());
    return new DsoFirstSessionResults(
        about, checks, r.voters(voters), r.votes(votes), r.differences(), r.lists(lists));
  }
}
