package nl.uitslag.app.csb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.csb.CsbDistrictService.PendingLists;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.domain.apportionment.Stemwaarde;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page "kandidatenlijsten per kieskring" of a centraal stembureau with several kieskringen: the 230b of every
 * kieskring read with the fingerprint challenge, the stemwaarden of the EK, and the deceased candidates of the
 * multi-district result. Coordinators act; other users of the CSB see; users of other committees get 404.
 */
@Controller
@RequestMapping("/csb/districts")
class CsbDistrictController {
  private static final String PENDING = "csbPendingDistrictLists";

  private final CsbService csbs;
  private final CsbDistrictService service;
  private final CsbResultService results;

  CsbDistrictController(CsbService csbs, CsbDistrictService service, CsbResultService results) {
    this.csbs = csbs;
    this.service = service;
    this.results = results;
  }

  @GetMapping
  String page(@AuthenticationPrincipal UitslagPrincipal user, HttpSession session, Model model) {
    Csb c = csb(user);
    model.addAttribute("csb", c);
    model.addAttribute("districts", service.districts(c));
    model.addAttribute("weighted", CsbDistrictService.weighted(c));
    model.addAttribute("coordinator", user.role() == Role.COORDINATOR);
    model.addAttribute("finalised", csbs.finalised(c));
    model.addAttribute("pending", session.getAttribute(PENDING));
    return "csb/districts";
  }

  @PostMapping("/import")
  String upload(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam("file") MultipartFile file,
      HttpSession session, HttpServletRequest request, RedirectAttributes flash) throws IOException {
    Csb c = coordinatorsCsb(user);
    session.removeAttribute(PENDING);
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(CsbDistrictService.MAX_FILE_BYTES + 1);
    }
    try {
      session.setAttribute(PENDING, service.readListsFile(c, file.getOriginalFilename(), bytes));
    } catch (CsbDistrictService.ListsFileRejected e) {
      service.recordRejection(c, file.getOriginalFilename(), e.english(), Actors.of(request));
      flash.addFlashAttribute("rejection", dutch() ? e.dutch() : e.english());
    }
    return "redirect:/csb/districts";
  }

  @PostMapping("/import/confirm")
  String confirm(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String first,
      @RequestParam String second, HttpSession session, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    PendingLists p = (PendingLists) session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    if (p != null) {
      flash.addFlashAttribute("listsOutcome",
          service.confirmLists(c, p, first, second, user.id(), Actors.of(request)).name());
    }
    return "redirect:/csb/districts";
  }

  @PostMapping("/import/cancel")
  String cancel(HttpSession session) {
    session.removeAttribute(PENDING);
    return "redirect:/csb/districts";
  }

  @PostMapping("/weight")
  String weight(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam int number, @RequestParam String name,
      @RequestParam long weight, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String inhabitants, @RequestParam(defaultValue = "") String members,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    CsbDistrictService.WeightBasis basis = null;
    if (!inhabitants.isBlank() || !members.isBlank()) {
      // The U 2 check is optional, but once begun it needs the kind of body, inhabitants and members.
      try {
        basis = new CsbDistrictService.WeightBasis(Stemwaarde.BodyKind.valueOf(kind),
            Long.parseLong(inhabitants.strip()), Integer.parseInt(members.strip()));
      } catch (IllegalArgumentException e) {
        flash.addFlashAttribute("weightRefused", true);
        return "redirect:/csb/districts";
      }
    }
    CsbDistrictService.WeightOutcome o = service.setVoteWeight(c, number, name, weight, basis, user.id(),
        Actors.of(request));
    if (o instanceof CsbDistrictService.WeightInvalid) {
      flash.addFlashAttribute("weightRefused", true);
    } else if (o instanceof CsbDistrictService.WeightDiffersFromU2 d) {
      flash.addFlashAttribute("weightDiffers", List.of(weight, d.difference().computed(), d.basis().inhabitants(),
          d.basis().members()));
    } else if (o instanceof CsbDistrictService.WeightSaved saved
        && saved.check() instanceof Stemwaarde.RuleUnconfirmed u) {
      flash.addFlashAttribute("weightUnconfirmed", List.of(u.published(), u.formula()));
    }
    return "redirect:/csb/districts";
  }

  @PostMapping("/deceased")
  String deceased(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String candidate,
      @RequestParam(defaultValue = "false") boolean remove, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    boolean ok = remove ? results.removeDeceased(c, candidate, Actors.of(request))
        : results.addDeceased(c, candidate, user.id(), Actors.of(request));
    if (!ok) {
      flash.addFlashAttribute("resultRefusal", "deceased");
    }
    return "redirect:/csb/result";
  }

  private Csb csb(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Csb c = csbs.csb(user.committeeId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!CsbDistrictService.multiDistrict(c)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return c;
  }

  private Csb coordinatorsCsb(UitslagPrincipal user) {
    Csb c = csb(user);
    if (user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }

  private static boolean dutch() {
    return LocaleContextHolder.getLocale().getLanguage().equals("nl");
  }
}
