package nl.uitslag.domain.election;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The polling stations of one municipality for one election (EML 110b), with the municipality's number of eligible
 * voters (MaxVotes).
 */
public record PollingStations(
    ElectionIdentifier election, String reportingUnitId, String reportingUnitName, long eligibleVoters,
    List<PollingStation> stations) {
  public PollingStations {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(reportingUnitId, "reportingUnitId");
    stations = List.copyOf(stations);
    Set<Integer> seen = new HashSet<>();
    for (PollingStation s : stations) {
      if (!seen.add(s.number())) {
        throw new IllegalArgumentException("polling station " + s.number() + " is declared twice");
      }
    }
  }
}
