package nl.uitslag.domain.election;

import java.util.Objects;

/** The area the election is held in (municipality, province, water authority), with its code if known. */
public record ElectionDomain(String id, String name) {
  public ElectionDomain {
    Objects.requireNonNull(name, "name");
  }
}
