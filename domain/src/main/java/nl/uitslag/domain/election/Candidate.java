package nl.uitslag.domain.election;

import java.util.Objects;

/**
 * A candidate on a list: position on the list (1-based), optional ShortCode, name, gender and place of residence
 * (with a country code when abroad).
 */
public record Candidate(
    int position, String shortCode, PersonName name, Gender gender, String locality, String countryCode) {
  public Candidate {
    if (position < 1) {
      throw new IllegalArgumentException("candidate position must be at least 1: " + position);
    }
    Objects.requireNonNull(name, "name");
  }
}
