package nl.uitslag.app.users;

/**
 * A person who logs in. Everyone but the administrator belongs to one committee (GSB, HSB or CSB) of an election.
 */
public record AppUser(
    long id,
    String username,
    String fullName,
    String passwordHash,
    Role role,
    Long committeeId,
    boolean active,
    boolean mustChangePassword) {

  @Override
  public String toString() {
    // Never print the hash, not even in a debug log.
    return "AppUser[" + id + ", " + username + ", " + role + "]";
  }
}
