package nl.uitslag.domain.election;

import java.util.Objects;

/**
 * A polling station (stembureau) as declared before election day (EML 110b): its number, name, postcode, type
 * (FixedLocation, Mobile, Special or null), and its own number of eligible voters when known.
 */
public record PollingStation(
    int number, String name, String postcode, String type, Boolean sharedLocation, Long eligibleVoters) {
  public PollingStation {
    if (number < 1) {
      throw new IllegalArgumentException("polling station number must be at least 1: " + number);
    }
    Objects.requireNonNull(name, "name");
    if (eligibleVoters != null && eligibleVoters < 0) {
      throw new IllegalArgumentException("eligible voters is negative: " + eligibleVoters);
    }
  }
}
