package nl.uitslag.domain.validation;

import static nl.uitslag.domain.results.FieldPaths.*;
import static nl.uitslag.domain.validation.ValidationCode.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.uitslag.domain.results.ChecksAndCorrections;
import nl.uitslag.domain.results.CountingDifferencesPollingStation;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.DifferencesCounts;
import nl.uitslag.domain.results.DsoFirstSessionResults;
import nl.uitslag.domain.results.ExtraInvestigation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import nl.uitslag.domain.results.YesNo;

/**
 * Applies the validation rules of abacus.md §4 to one results entry. Pure and stateless: the same entry and
 * context always give the same results. All arithmetic is in {@code long}, so sums of maximal counts are
 * exact.
 */
public final class Validator {
  private Validator() {}

  /**
   * Every F and W rule that applies to the entry's model variant, except the entry-comparison warnings
   * W.001 and W.002 (see {@link #differencesWithFirstEntry} and {@link #fieldsToReEnter}).
   *
   * @throws nl.uitslag.domain.results.InvalidResultsException when the entry does not fit the election's
   *     shape (a hard rejection, not a validation result)
   */
  public static ValidationResults validate(ResultsModel results, ValidationContext context) {
    context.shape().requireConforms(results);
    List<ValidationResult> out = new ArrayList<>();
    if (results instanceof CsoFirstSessionResults cso) {
      extraInvestigation(cso.extraInvestigation(), out);
      countingDifferences(cso.countingDifferences(), out);
    }
    if (results instanceof DsoFirstSessionResults dso) {
      aboutReportAndChecks(dso, out);
    }
    // A GSB or HSB total read from a count file that records no admitted voters (the TK2021 510c files) has no A
    // and D to check: F.201 does not apply to it (nor F.312 and W.206 below).
    boolean admittedVotersRecorded =
        !(results instanceof GsbResults g) || g.rows().admittedVotersRecorded();
    totals(results.voters(), results.votes(), admittedVotersRecorded, out);
    if (results instanceof PollingStationResults ps) {
      differences(ps.voters(), ps.votes(), ps.differences(), out);
      pollingStationWarnings(ps, context.thresholds(), out);
    }
    if (results instanceof DsoFirstSessionResults dso) {
      f311(dso, out);
    }
    if (results instanceof GsbResults gsb) {
      gsbTotals(gsb, out);
    }
    lists(results.votes(), results.lists(), out);
    if (results.votes().totalVotesCast() == 0) {
      out.add(ValidationResult.of(W204, List.of(TOTAL_VOTES_CAST)));
    }
    return new ValidationResults(out);
  }

  /**
   * W.001 for a second entry: every field that differs from the first entry, or nothing when they are equal.
   * Not shown in correction entries, where it would reveal where the other typist read differently.
   */
  public static List<ValidationResult> differencesWithFirstEntry(ResultsModel second, ResultsModel first) {
    List<String> differing = second.differingFields(first);
    return differing.isEmpty() ? List.of() : List.of(ValidationResult.of(W001, differing));
  }

  /** W.002 for a correction entry: the fields the coordinator cleared, which must be entered again. */
  public static List<ValidationResult> fieldsToReEnter(ResultsModel entry, Set<String> cleared) {
    if (cleared.isEmpty()) {
      return List.of();
    }
    List<String> inPaperOrder = new ArrayList<>();
    for (ResultsField f : entry.fields()) {
      if (cleared.contains(f.path())) {
        inPaperOrder.add(f.path());
      }
    }
    return List.of(ValidationResult.of(W002, inPaperOrder));
  }

  // F.101, F.102: Na 31-2 Bijlage 1, B1-1.
  private static void extraInvestigation(ExtraInvestigation b11, List<ValidationResult> out) {
    YesNo other = b11.investigatedOtherReason();
    YesNo recounted = b11.ballotsRecounted();
    if (other.isEmpty() != recounted.isEmpty()) {
      out.add(ValidationResult.of(F101,
          List.of(EXTRA_INVESTIGATION_OTHER_REASON, EXTRA_INVESTIGATION_BALLOTS_RECOUNTED)));
    }
    List<String> both = new ArrayList<>();
    if (other.isBoth()) {
      both.add(EXTRA_INVESTIGATION_OTHER_REASON);
    }
    if (recounted.isBoth()) {
      both.add(EXTRA_INVESTIGATION_BALLOTS_RECOUNTED);
    }
    if (!both.isEmpty()) {
      out.add(ValidationResult.of(F102, both));
    }
  }

  // F.111, F.112: Na 31-2 Bijlage 1, B1-2.
  private static void countingDifferences(CountingDifferencesPollingStation b12, List<ValidationResult> out) {
    List<String> empty = new ArrayList<>();
    List<String> both = new ArrayList<>();
    classify(b12.differenceExplainedBySb(), COUNTING_DIFFERENCES_EXPLAINED_BY_SB, empty, both);
    classify(b12.listTotalsDiffer(), COUNTING_DIFFERENCES_LIST_TOTALS, empty, both);
    if (!empty.isEmpty()) {
      out.add(ValidationResult.of(F111, empty));
    }
    if (!both.isEmpty()) {
      out.add(ValidationResult.of(F112, both));
    }
  }

  private static void classify(YesNo answer, String path, List<String> empty, List<String> both) {
    if (answer.isEmpty()) {
      empty.add(path);
    } else if (answer.isBoth()) {
      both.add(path);
    }
  }

  // F.121–F.135: N 10-1 "about the PV" and "controles en correcties".
  private static void aboutReportAndChecks(DsoFirstSessionResults dso, List<ValidationResult> out) {
    YesNo corrigendum = dso.aboutReport().corrigendumPresent();
    YesNo page = dso.aboutReport().checksPagePresent();
    // Both ticked is as unanswerable as none: there is no separate code for it, so F.121 covers it.
    List<String> unanswered = new ArrayList<>();
    if (!corrigendum.isAnswered()) {
      unanswered.add(ABOUT_REPORT_CORRIGENDUM);
    }
    if (!page.isAnswered()) {
      unanswered.add(ABOUT_REPORT_CHECKS_PAGE);
    }
    if (!unanswered.isEmpty()) {
      out.add(ValidationResult.of(F121, unanswered));
    }
    if (corrigendum.isYes() && page.isNo()) {
      out.add(ValidationResult.of(F122, List.of(ABOUT_REPORT_CORRIGENDUM, ABOUT_REPORT_CHECKS_PAGE)));
    }
    if (!dso.checksPagePresent()) {
      return; // the page's rules apply only when it is there (abacus.md §4, F.131–F.135)
    }
    ChecksAndCorrections checks = dso.checksAndCorrections();
    YesNo own = checks.correctedOwnInitiative();
    List<String> f131 = new ArrayList<>();
    if (!checks.reasonUnexplainedDifference() && !checks.reasonOtherError()) {
      f131.add(CHECKS_REASON_UNEXPLAINED_DIFFERENCE);
      f131.add(CHECKS_REASON_OTHER_ERROR);
    }
    if (own.isEmpty()) {
      f131.add(CHECKS_CORRECTED_OWN_INITIATIVE);
    }
    if (!f131.isEmpty()) {
      out.add(ValidationResult.of(F131, f131));
    }
    if (corrigendum.isYes() && own.isNo()) {
      out.add(ValidationResult.of(F132, List.of(ABOUT_REPORT_CORRIGENDUM, CHECKS_CORRECTED_OWN_INITIATIVE)));
    }
    if (corrigendum.isNo() && own.isYes()) {
      out.add(ValidationResult.of(F133, List.of(ABOUT_REPORT_CORRIGENDUM, CHECKS_CORRECTED_OWN_INITIATIVE)));
    }
    if (own.isBoth()) {
      out.add(ValidationResult.of(F134, List.of(CHECKS_CORRECTED_OWN_INITIATIVE)));
    }
    if (!checks.correctedOnCsbRequest().isEmpty()) {
      out.add(ValidationResult.of(F135, List.of(CHECKS_CORRECTED_CSB_REQUEST)));
    }
  }

  // F.201–F.204: the common block.
  private static void totals(VoterCounts v, VotesCounts e, boolean admittedVotersRecorded,
      List<ValidationResult> out) {
    long admitted = (long) v.pollCards() + v.proxyCertificates() + v.voterCardsOrZero();
    if (admittedVotersRecorded && admitted != v.totalAdmittedVoters()) {
      List<String> fields = new ArrayList<>(List.of(POLL_CARDS, PROXY_CERTIFICATES));
      if (v.voterCards() != null) {
        fields.add(VOTER_CARDS);
      }
      fields.add(TOTAL_ADMITTED_VOTERS);
      out.add(ValidationResult.of(F201, fields));
    }
    long sumOfLists = e.sumOfListTotals();
    if (sumOfLists > 0 && e.totalVotesCandidates() == 0) {
      out.add(ValidationResult.of(F204, List.of(TOTAL_VOTES_CANDIDATES)));
      return; // F.204 suppresses F.202 and F.203
    }
    if (sumOfLists != e.totalVotesCandidates()) {
      List<String> fields = new ArrayList<>();
      for (ListTotal t : e.listTotals()) {
        fields.add(listTotalInVotes(t.listNumber()));
      }
      fields.add(TOTAL_VOTES_CANDIDATES);
      out.add(ValidationResult.of(F202, fields));
    }
    long cast = (long) e.totalVotesCandidates() + e.blankVotes() + e.invalidVotes();
    if (cast != e.totalVotesCast()) {
      out.add(ValidationResult.of(F203,
          List.of(TOTAL_VOTES_CANDIDATES, BLANK_VOTES, INVALID_VOTES, TOTAL_VOTES_CAST)));
    }
  }

  // F.301–F.310: the differences block of the polling-station models.
  private static void differences(
      VoterCounts v, VotesCounts e, DifferencesCounts d, List<ValidationResult> out) {
    long admitted = v.totalAdmittedVoters();
    long cast = e.totalVotesCast();
    long more = d.moreBallotsCounted();
    long fewer = d.fewerBallotsCounted();
    if (d.comparison().admittedEqualsCast() && admitted != cast) {
      out.add(ValidationResult.of(F301, List.of(COMPARE_EQUAL)));
    }
    if (d.comparison().castGreater() && cast <= admitted) {
      out.add(ValidationResult.of(F302, List.of(COMPARE_CAST_GREATER)));
    }
    if (d.comparison().castLess() && cast >= admitted) {
      out.add(ValidationResult.of(F303, List.of(COMPARE_CAST_LESS)));
    }
    if (d.comparison().tickedCount() != 1) {
      out.add(ValidationResult.of(F304, List.of(COMPARE_EQUAL, COMPARE_CAST_GREATER, COMPARE_CAST_LESS)));
    }
    if (admitted == cast && (more != 0 || fewer != 0)) {
      List<String> nonZero = new ArrayList<>();
      if (more != 0) {
        nonZero.add(MORE_BALLOTS_COUNTED);
      }
      if (fewer != 0) {
        nonZero.add(FEWER_BALLOTS_COUNTED);
      }
      out.add(ValidationResult.of(F305, nonZero));
    }
    if (cast > admitted) {
      if (more != cast - admitted) {
        out.add(ValidationResult.of(F306, List.of(MORE_BALLOTS_COUNTED)));
      }
      if (fewer != 0) {
        out.add(ValidationResult.of(F307, List.of(MORE_BALLOTS_COUNTED, FEWER_BALLOTS_COUNTED)));
      }
    }
    if (cast < admitted) {
      if (fewer != admitted - cast) {
        out.add(ValidationResult.of(F308, List.of(FEWER_BALLOTS_COUNTED)));
      }
      if (more != 0) {
        out.add(ValidationResult.of(F309, List.of(MORE_BALLOTS_COUNTED, FEWER_BALLOTS_COUNTED)));
      }
    }
    YesNo explained = d.differenceExplained();
    if (admitted != cast && (explained.isEmpty() || explained.isBoth())) {
      out.add(ValidationResult.of(F310, List.of(DIFFERENCE_EXPLAINED)));
    }
  }

  // F.311: specified for DSO but implemented nowhere in Abacus; the reason lives on the checks page, so the
  // rule applies when that page is present (like F.131–F.135).
  private static void f311(DsoFirstSessionResults dso, List<ValidationResult> out) {
    if (dso.checksPagePresent()
        && dso.differences().differenceExplained().isNo()
        && !dso.checksAndCorrections().reasonUnexplainedDifference()) {
      out.add(ValidationResult.of(F311, List.of(DIFFERENCE_EXPLAINED, CHECKS_REASON_UNEXPLAINED_DIFFERENCE)));
    }
  }

  // F.312, W.205, W.206: the GSB totals entered at the CSB.
  private static void gsbTotals(GsbResults gsb, List<ValidationResult> out) {
    if (gsb.eligibleVoters() == 0) {
      out.add(ValidationResult.of(W205, List.of(ELIGIBLE_VOTERS)));
    }
    if (!gsb.rows().admittedVotersRecorded()) {
      return; // no A and D in the count file: F.312 and W.206 cannot be checked
    }
    long d = gsb.voters().totalAdmittedVoters();
    long expected = (long) gsb.votes().totalVotesCast() - gsb.moreBallotsCounted() + gsb.fewerBallotsCounted();
    if (d != expected) {
      out.add(ValidationResult.of(F312, List.of(
          TOTAL_ADMITTED_VOTERS, TOTAL_VOTES_CAST, MORE_BALLOTS_COUNTED, FEWER_BALLOTS_COUNTED)));
    }
    if (gsb.eligibleVoters() != 0 && gsb.eligibleVoters() < gsb.voters().pollCards()) {
      out.add(ValidationResult.of(W206, List.of(ELIGIBLE_VOTERS, POLL_CARDS)));
    }
  }

  // F.401–F.403: per list.
  private static void lists(VotesCounts votes, List<ListVotes> lists, List<ValidationResult> out) {
    for (ListVotes list : lists) {
      int x = list.listNumber();
      long sumCandidates = list.sumOfCandidateVotes();
      int ex = votes.listTotal(x);
      if ((sumCandidates > 0 || ex > 0) && list.total() == 0) {
        out.add(new ValidationResult(F401, List.of(listTotal(x)), x));
        continue; // F.401 suppresses F.402 and F.403 for this list
      }
      if (list.total() != sumCandidates) {
        List<String> fields = new ArrayList<>();
        for (int c = 1; c <= list.candidateVotes().size(); c++) {
          fields.add(candidateVotes(x, c));
        }
        fields.add(listTotal(x));
        out.add(new ValidationResult(F402, fields, x));
      }
      if (list.total() != ex) {
        out.add(new ValidationResult(F403, List.of(listTotal(x), listTotalInVotes(x)), x));
      }
    }
  }

  // W.201–W.203: plausibility of a polling station's counts.
  private static void pollingStationWarnings(
      PollingStationResults ps, ValidationThresholds t, List<ValidationResult> out) {
    long cast = ps.votes().totalVotesCast();
    if (reachesShare(ps.votes().blankVotes(), cast, t.blankPercent())) {
      out.add(ValidationResult.of(W201, List.of(BLANK_VOTES)));
    }
    if (reachesShare(ps.votes().invalidVotes(), cast, t.invalidPercent())) {
      out.add(ValidationResult.of(W202, List.of(INVALID_VOTES)));
    }
    long difference = Math.abs((long) ps.voters().totalAdmittedVoters() - cast);
    // product.md §3: W.203 fires on either threshold; 100·|D − H| ≥ p·H is "≥ p % of H" without rounding.
    if (difference > 0
        && (difference >= t.differenceAbsolute() || 100 * difference >= (long) t.differencePercent() * cast)) {
      out.add(ValidationResult.of(W203, List.of(TOTAL_ADMITTED_VOTERS, TOTAL_VOTES_CAST)));
    }
  }

  /**
   * W.201/W.202: count ≥ ⌈p % × H⌉, which for a whole count is the same as 100·count ≥ p·H. No warning when
   * both are 0; a count above 0 with H = 0 warns.
   */
  private static boolean reachesShare(long count, long total, int percent) {
    if (count == 0 && total == 0) {
      return false;
    }
    return 100 * count >= percent * total;
  }
}
