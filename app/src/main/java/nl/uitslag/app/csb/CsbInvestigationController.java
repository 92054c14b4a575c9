package nl.uitslag.app.csb;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page "onderzoeken" of a centraal stembureau or hoofdstembureau: the investigations ordered at its GSBs per
 * municipality, the form to order one (prefilled from a notable-results flag decided as "hertelling gelast"), and
 * the count files a corrected 510b replaced. The corrected file itself comes in through the ordinary intake on
 * {@code /csb}. Coordinators order and withdraw; other users of the committee see; other committees get 404.
 */
@Controller
@RequestMapping("/csb/investigations")
class CsbInvestigationController {
  private final CsbService csbs;
  private final CsbInvestigationService service;

  CsbInvestigationController(CsbService csbs, CsbInvestigationService service) {
    this.csbs = csbs;
    this.service = service;
  }

  @GetMapping
  String page(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam(required = false) String source,
      @RequestParam(required = false) String stations, @RequestParam(required = false) String flag,
      @RequestParam(required = false) String reason, Model model) {
    Csb c = csb(user);
    model.addAttribute("csb", c);
    model.addAttribute("hsb", c.isHsb());
    model.addAttribute("sources", csbs.sources(c));
    model.addAttribute("orders", service.orders(c));
    model.addAttribute("history", service.history(c));
    model.addAttribute("coordinator", user.role() == Role.COORDINATOR);
    model.addAttribute("finalised", csbs.finalised(c));
    // A link from a notable-results flag prefills the form; after a refusal the flash attributes do.
    if (source != null) {
      model.addAttribute("prefillSource", source);
      model.addAttribute("prefillStations", stations);
      model.addAttribute("prefillFlag", flag);
      model.addAttribute("prefillReason", reason);
    }
    return "csb/investigations";
  }

  @PostMapping
  String order(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String source,
      @RequestParam(defaultValue = "") String stations, @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) String flag, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    Optional<CsbInvestigationService.Refusal> refusal =
        service.order(c, source, stations, reason, flag, user.id(), Actors.of(request));
    if (refusal.isPresent()) {
      flash.addFlashAttribute("orderRefusal", refusal.get().name());
      flash.addFlashAttribute("prefillSource", source);
      flash.addFlashAttribute("prefillStations", stations);
      flash.addFlashAttribute("prefillReason", reason);
    } else {
      flash.addFlashAttribute("ordered", source);
    }
    return "redirect:/csb/investigations";
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable long id,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    service.withdraw(c, id, Actors.of(request))
        .ifPresent(r -> flash.addFlashAttribute("orderRefusal", r.name()));
    return "redirect:/csb/investigations";
  }

  private Csb csb(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return csbs.csb(user.committeeId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Csb coordinatorsCsb(UitslagPrincipal user) {
    Csb c = csb(user);
    if (user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
