package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The input of a blank form printed before polling day for one polling station (N 10-1, N 10-2, or
 * Na 31-2 Bijlage 1): pre-filled with the election, the polling station, the lists and candidates,
 * every count left empty to be written in by hand.
 */
public record BlankForm(
    ElectionHeading election,
    PollingStation station,
    List<CandidateList> lists,
    ZonedDateTime createdAt) {

  public BlankForm {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(station, "station");
    lists = Checks.list(lists, "lists");
    if (lists.isEmpty()) {
      throw new IllegalArgumentException("an election has at least one list");
    }
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
