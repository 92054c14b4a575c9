package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Model Na 14-2: the corrigendum of a gemeentelijk stembureau after investigations ordered by the CSB, with the
 * municipal totals before and after correction, the investigated polling stations with their findings, and per
 * corrected polling station its original beside its corrected figures (for CSO the Na 14-2 Bijlage 1; for DSO
 * the figures of the Na 14-1). Made only when at least one investigation led to corrected results.
 *
 * <p>The corrected totals must equal the original totals plus the corrections of the stations; a corrigendum
 * that does not add up is refused.
 */
public record CorrigendumReport(
    CountingMethod countingMethod,
    ElectionHeading election,
    SessionDetails session,
    int sessionNumber,
    List<CandidateList> lists,
    ResultFigures originalTotals,
    ResultFigures correctedTotals,
    List<InvestigatedStation> investigations,
    CountFile countFile,
    ZonedDateTime createdAt) {

  public CorrigendumReport {
    Objects.requireNonNull(countingMethod, "countingMethod");
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(session, "session");
    if (sessionNumber < 2) {
      throw new IllegalArgumentException("a corrigendum belongs to a next session (2 or more): " + sessionNumber);
    }
    lists = Checks.list(lists, "lists");
    Objects.requireNonNull(originalTotals, "originalTotals");
    Objects.requireNonNull(correctedTotals, "correctedTotals");
    investigations = Checks.list(investigations, "investigations");
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");
    if (investigations.stream().noneMatch(InvestigatedStation::hasCorrectedResults)) {
      throw new IllegalArgumentException(
          "Na 14-2 is made only when at least one investigation has corrected results");
    }
    Set<Integer> seen = new HashSet<>();
    for (InvestigatedStation i : investigations) {
      if (!seen.add(i.station().number())) {
        throw new IllegalArgumentException("stembureau " + i.station().number() + " is investigated twice");
      }
      ResultChecks.listsMatchCandidates("stembureau " + i.station().number() + " (origineel)",
          i.original().lists(), lists);
      if (i.corrected().isPresent()) {
        ResultChecks.listsMatchCandidates("stembureau " + i.station().number() + " (gecorrigeerd)",
            i.corrected().get().lists(), lists);
      }
    }
    ResultChecks.listsMatchCandidates("totalen (origineel)", originalTotals.lists(), lists);
    ResultChecks.listsMatchCandidates("totalen (gecorrigeerd)", correctedTotals.lists(), lists);
    checkCorrectionsAddUp(originalTotals, correctedTotals, investigations);
  }

  /** The model's name on the document. */
  public String model() {
    return "Na 14-2";
  }

  /** corrected − original of the totals must equal Σ (corrected − original) of the corrected stations. */
  private static void checkCorrectionsAddUp(
      ResultFigures original, ResultFigures corrected, List<InvestigatedStation> stations) {
    long[] delta = new long[8];
    for (InvestigatedStation s : stations) {
      if (s.corrected().isPresent()) {
        add(delta, s.corrected().get(), 1);
        add(delta, s.original(), -1);
      }
    }
    long[] totals = new long[8];
    add(totals, corrected, 1);
    add(totals, original, -1);
    for (int i = 0; i < delta.length; i++) {
      if (delta[i] != totals[i]) {
        throw new IllegalArgumentException("the corrected totals differ from the original totals by "
            + "something other than the corrections of the investigated polling stations");
      }
    }
    for (ListVotes l : corrected.lists()) {
      ListVotes o = original.list(l.listNumber());
      for (int c = 0; c < l.candidateVotes().size(); c++) {
        long sum = 0;
        for (InvestigatedStation s : stations) {
          if (s.corrected().isPresent()) {
            sum += s.corrected().get().list(l.listNumber()).candidateVotes().get(c)
                - s.original().list(l.listNumber()).candidateVotes().get(c);
          }
        }
        if (l.candidateVotes().get(c) - o.candidateVotes().get(c) != sum) {
          throw new IllegalArgumentException("the corrected votes of candidate " + (c + 1) + " of list "
              + l.listNumber() + " do not follow from the corrections of the investigated polling stations");
        }
      }
    }
  }

  private static void add(long[] into, ResultFigures f, int sign) {
    into[0] += sign * f.voters().pollCards();
    into[1] += sign * f.voters().proxyCertificates();
    into[2] += sign * f.voters().voterCards();
    into[3] += sign * f.voters().totalAdmitted();
    into[4] += sign * f.votes().votesOnCandidates();
    into[5] += sign * f.votes().blank();
    into[6] += sign * f.votes().invalid();
    into[7] += sign * f.votes().totalCast();
  }
}
