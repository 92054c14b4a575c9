package nl.uitslag.domain.election;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies one election (e.g. GR2022_WestMaasenWaal): the same id must appear in every file of that election.
 *
 * <p>name, subcategory, domain and nominationDate are optional in some EML_NL messages and then null.
 */
public record ElectionIdentifier(
    String id,
    String name,
    ElectionCategory category,
    String subcategory,
    ElectionDomain domain,
    LocalDate electionDate,
    LocalDate nominationDate) {
  public ElectionIdentifier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(electionDate, "electionDate");
    if (id.isBlank()) {
      throw new IllegalArgumentException("election id is empty");
    }
  }

  /** The same election without the nomination date, which only 110a and 230 carry. */
  public ElectionIdentifier withoutNominationDate() {
    return new ElectionIdentifier(id, name, category, subcategory, domain, electionDate, null);
  }
}
