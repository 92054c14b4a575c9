package nl.uitslag.app.audit;

/**
 * Who did something, and from which address: the "who" and "where" of every audit event.
 *
 * @param userId the user's id, or null for the console or an anonymous visitor
 * @param username the user name as typed or known, or a marker such as {@code console}
 * @param remoteAddress the client address, or {@code console}
 */
public record Actor(Long userId, String username, String remoteAddress) {
  public static Actor console() {
    return new Actor(null, "console", "console");
  }
}
