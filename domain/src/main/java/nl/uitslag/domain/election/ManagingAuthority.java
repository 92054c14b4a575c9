package nl.uitslag.domain.election;

import java.util.Objects;

/**
 * The committee responsible for a file: CSB, HSB&lt;n&gt;, SB&lt;n&gt; or a four-digit municipality code (GSB),
 * with its name; createdById names a body that made the file on its behalf, or is null.
 */
public record ManagingAuthority(String id, String name, String createdById, String createdByName) {
  public ManagingAuthority {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (createdById == null && createdByName != null) {
      throw new IllegalArgumentException("createdByName without createdById");
    }
  }

  public ManagingAuthority(String id, String name) {
    this(id, name, null, null);
  }
}
