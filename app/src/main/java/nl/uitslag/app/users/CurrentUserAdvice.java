package nl.uitslag.app.users;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user (or null) into every page model as {@code currentUser}. */
@ControllerAdvice
class CurrentUserAdvice {
  @ModelAttribute("currentUser")
  UitslagPrincipal currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof UitslagPrincipal p ? p : null;
  }
}
