package nl.uitslag.app.users;

/** What a user may do (abacus.md §5): set up, coordinate a committee, enter reports, or only watch. */
public enum Role {
  ADMINISTRATOR,
  COORDINATOR,
  TYPIST,
  OBSERVER;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
