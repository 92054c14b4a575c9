package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;

/** The result of one contest: the lists that won seats, each followed by its elected candidates. */
public record ContestResult(String contestId, String contestName, List<ResultEntry> entries) {
  public ContestResult {
    Objects.requireNonNull(contestId, "contestId");
    entries = List.copyOf(entries);
  }
}
