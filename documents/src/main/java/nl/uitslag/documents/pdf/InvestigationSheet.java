package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The form a GSB fills in while investigating one polling station in a next session, printed beforehand
 * (abacus.md §7): model Na 14-2 Bijlage 1 for central counting, Na 14-1 versie 2 for decentral counting, with the
 * CSB's reason and assignment, the station's original figures and an empty column for the corrected figures.
 */
public record InvestigationSheet(
    CountingMethod countingMethod,
    ElectionHeading election,
    int sessionNumber,
    List<CandidateList> lists,
    PollingStation station,
    String reason,
    ResultFigures original,
    ZonedDateTime createdAt) {

  public InvestigationSheet {
    Objects.requireNonNull(countingMethod, "countingMethod");
    Objects.requireNonNull(election, "election");
    if (sessionNumber < 2) {
      throw new IllegalArgumentException("an investigation belongs to a next session (2 or more): " + sessionNumber);
    }
    lists = Checks.list(lists, "lists");
    Objects.requireNonNull(station, "station");
    Checks.text(reason, "reason");
    Objects.requireNonNull(original, "original");
    ResultChecks.listsMatchCandidates(station.title() + " (origineel)", original.lists(), lists);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The model's name on the form. */
  public String model() {
    return countingMethod == CountingMethod.CSO ? "Na 14-2 Bijlage 1" : "Na 14-1 versie 2";
  }
}
