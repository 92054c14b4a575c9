package nl.uitslag.domain.dataentry;

import java.time.Instant;
import java.util.Objects;
import nl.uitslag.domain.results.ResultsModel;

/**
 * A finished entry: who made it (the typist, or for an imported file the user who imported it), the
 * results, when, how, and whether it was finished with (accepted) warnings.
 */
public record FinalisedEntry(
    UserId by, ResultsModel results, Instant finishedAt, EntryOrigin origin, boolean withWarnings) {
  public FinalisedEntry {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(origin, "origin");
  }
}
