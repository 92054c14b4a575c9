package nl.uitslag.domain.election;

import java.util.List;
import java.util.Objects;

/**
 * The election definition (EML 110a): which election, how many seats, the preference threshold in percent of the
 * quota (Kieswet P 15), the tree of regions and committees, and the registered appellations.
 */
public record ElectionDefinition(
    ElectionIdentifier election,
    String contestId,
    String votingMethod,
    int numberOfSeats,
    int preferenceThreshold,
    List<ElectionRegion> regions,
    List<String> registeredParties) {
  public ElectionDefinition {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(contestId, "contestId");
    if (numberOfSeats < 1) {
      throw new IllegalArgumentException("number of seats must be at least 1: " + numberOfSeats);
    }
    if (preferenceThreshold < 0) {
      throw new IllegalArgumentException("preference threshold is negative: " + preferenceThreshold);
    }
    regions = List.copyOf(regions);
    registeredParties = List.copyOf(registeredParties);
  }
}
