package nl.uitslag.domain.election;

import java.util.Objects;

/** An electoral committee (CSB, HSB, PSB, PROV_SB) attached to a region of the election tree. */
public record Committee(String category, String name) {
  public Committee {
    Objects.requireNonNull(category, "category");
  }
}
