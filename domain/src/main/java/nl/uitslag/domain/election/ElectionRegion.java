package nl.uitslag.domain.election;

import java.util.List;
import java.util.Objects;

/**
 * One node of the 110a election tree (country, electoral district, province, municipality, ...), pointing to
 * its superior region by category and number.
 */
public record ElectionRegion(
    String category,
    Integer number,
    String name,
    String superiorCategory,
    Integer superiorNumber,
    List<Committee> committees) {
  public ElectionRegion {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(name, "name");
    committees = List.copyOf(committees);
  }
}
