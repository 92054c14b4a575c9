package nl.uitslag.domain.count;

import java.util.List;
import java.util.Objects;

/**
 * The count of one reporting unit: a polling station in a 510b (id "0668::SB1"), a municipality in a 510c
 * ("HSB5::0034") or a district; with its name, optional type and shared-location flag, and investigation flags.
 */
public record ReportingUnitCount(
    String id, String name, String type, Boolean sharedLocation, VoteCounts votes,
    List<Investigation> investigations) {
  public ReportingUnitCount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(votes, "votes");
    investigations = List.copyOf(investigations);
  }
}
