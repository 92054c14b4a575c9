package nl.uitslag.domain.dataentry;

import java.time.Instant;
import java.util.Objects;
import nl.uitslag.domain.results.ResultsModel;

/**
 * An entry a typist is working on: the results typed so far, the progress (0–100) and the user interface's
 * opaque per-section state, so the typist can resume exactly where they were.
 */
public record EntryInProgress(
    UserId typist, ResultsModel results, int progress, String clientState, Instant updatedAt) {
  public EntryInProgress {
    Objects.requireNonNull(typist, "typist");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(clientState, "clientState");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (progress < 0 || progress > 100) {
      throw new IllegalArgumentException("progress is 0..100: " + progress);
    }
  }
}
