package nl.uitslag.domain.election;

import java.util.Objects;

/** A candidate's name as on the candidate list: initials, optional first name and prefix (tussenvoegsel), last name. */
public record PersonName(String initials, String firstName, String prefix, String lastName) {
  public PersonName {
    Objects.requireNonNull(lastName, "lastName");
  }

  /** The name as printed in lists and CSV exports: "van Dreumel, C.G.H.M.". */
  public String listName() {
    StringBuilder b = new StringBuilder();
    if (prefix != null && !prefix.isEmpty()) {
      b.append(prefix).append(' ');
    }
    b.append(lastName);
    if (initials != null && !initials.isEmpty()) {
      b.append(", ").append(initials);
    }
    return b.toString();
  }
}
