package nl.uitslag.domain.count;

import java.util.Objects;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.PersonName;

/**
 * An elected candidate (EML 520). electionOrder is the EML Id: the candidate's place in the order of election within
 * the list (Kieswet P 15-P 17), not the position on the list. ranking is 1 when elected on preference votes, 2 when
 * elected by list order, or null.
 */
public record ElectedCandidate(
    int electionOrder, String shortCode, PersonName name, Gender gender, String locality, String countryCode,
    Long votes, Integer ranking) implements ResultEntry {
  public ElectedCandidate {
    if (electionOrder < 1) {
      throw new IllegalArgumentException("election order must be at least 1: " + electionOrder);
    }
    Objects.requireNonNull(name, "name");
    if (votes != null && votes < 1) {
      throw new IllegalArgumentException("votes of an elected candidate must be positive: " + votes);
    }
    if (ranking != null && ranking != 1 && ranking != 2) {
      throw new IllegalArgumentException("ranking must be 1 or 2: " + ranking);
    }
  }
}
