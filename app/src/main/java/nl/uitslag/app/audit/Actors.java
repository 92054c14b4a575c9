package nl.uitslag.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Derives the actor of an audit event from the request and the logged-in user. */
public final class Actors {
  private Actors() {}

  /** A logged-in user that the audit log can name by id. */
  public interface Identified {
    long id();

    String getUsername();
  }

  /** The actor for a request by the logged-in user (or an anonymous visitor). */
  public static Actor of(HttpServletRequest request) {
    return of(request, SecurityContextHolder.getContext().getAuthentication());
  }

  public static Actor of(HttpServletRequest request, Authentication auth) {
    String address = request == null ? null : request.getRemoteAddr();
    if (auth != null && auth.getPrincipal() instanceof Identified user) {
      return new Actor(user.id(), user.getUsername(), address);
    }
    return new Actor(null, null, address);
  }
}
