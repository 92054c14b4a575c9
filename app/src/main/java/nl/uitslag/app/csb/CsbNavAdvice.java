package nl.uitslag.app.csb;

import nl.uitslag.app.users.UitslagPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the page header whether the signed-in user works for a centraal stembureau or a hoofdstembureau, to show
 * its menu item.
 */
@ControllerAdvice
class CsbNavAdvice {
  private final CsbService service;

  CsbNavAdvice(CsbService service) {
    this.service = service;
  }

  @ModelAttribute("csbCommittee")
  boolean csbCommittee(@AuthenticationPrincipal UitslagPrincipal user) {
    return user != null && user.committeeId() != null && service.csb(user.committeeId()).isPresent();
  }

  /** The committee above the GSB is a hoofdstembureau: the menu item says so. */
  @ModelAttribute("hsbCommittee")
  boolean hsbCommittee(@AuthenticationPrincipal UitslagPrincipal user) {
    return user != null && user.committeeId() != null
        && service.csb(user.committeeId()).map(CsbService.Csb::isHsb).orElse(false);
  }
}
