package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;

/**
 * The count of one contest (electoral district, or "geen"): the total, and the counts per reporting unit. A count
 * of a single reporting unit has no separate total (total is null).
 */
public record ContestCount(String contestId, String contestName, VoteCounts total, List<ReportingUnitCount> units) {
  public ContestCount {
    Objects.requireNonNull(contestId, "contestId");
    units = List.copyOf(units);
    if (total == null && units.size() != 1) {
      throw new IllegalArgumentException("a contest without total must have exactly one reporting unit");
    }
  }
}
