package nl.uitslag.app.dataentry;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's screens of a GSB's next session: starting session N+1 and recording the investigations
 * the CSB ordered (polling station, reason and assignment, findings, corrected results yes/no).
 */
@Controller
class InvestigationController {
  private final NextSessionService service;
  private final DataEntryService dataEntry;
  private final DataEntryRepository repo;

  InvestigationController(NextSessionService service, DataEntryService dataEntry, DataEntryRepository repo) {
    this.service = service;
    this.dataEntry = dataEntry;
    this.repo = repo;
  }

  @GetMapping("/dataentry/investigations")
  String list(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    CommitteeInfo c = coordinatorsCommittee(user);
    model.addAttribute("committee", c);
    model.addAttribute("committeeSession", dataEntry.session(c));
    var investigations = service.investigations(c);
    var investigated = investigations.stream().map(InvestigationRepository.StoredInvestigation::pollingStationId)
        .collect(java.util.stream.Collectors.toSet());
    model.addAttribute("investigations", investigations);
    // One investigation per station and session: offer only the stations without one.
    model.addAttribute("stations", repo.overview(c.electionId(), -1L, null, false).stream()
        .filter(s -> !investigated.contains(s.pollingStationId())).toList());
    model.addAttribute("maxLength", NextSessionService.MAX_TEXT);
    return "dataentry/investigations";
  }

  @PostMapping("/dataentry/next-session")
  String nextSession(@AuthenticationPrincipal UitslagPrincipal user, HttpServletRequest request,
      RedirectAttributes redirect) {
    CommitteeInfo c = coordinatorsCommittee(user);
    Optional<NextSessionService.Refusal> refused = service.startNextSession(c, Actors.of(request));
    if (refused.isPresent()) {
      redirect.addFlashAttribute("sessionRefusal", refused.get().name());
      return "redirect:/dataentry/status";
    }
    redirect.addFlashAttribute("done", "nextSession");
    return "redirect:/dataentry/investigations";
  }

  @PostMapping("/dataentry/investigations")
  String add(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam long station,
      @RequestParam String reason, HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = coordinatorsCommittee(user);
    return outcome(service.add(c, station, reason, Actors.of(request)), "added", redirect);
  }

  @PostMapping("/dataentry/investigations/{station}")
  String update(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station,
      @RequestParam String reason, @RequestParam(required = false) String findings,
      @RequestParam(defaultValue = "") String corrected, HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = coordinatorsCommittee(user);
    Boolean answer;
    switch (corrected) {
      case "yes":
        answer = Boolean.TRUE;
        break;
      case "no":
        answer = Boolean.FALSE;
        break;
      case "":
        answer = null;
        break;
      default:
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    return outcome(service.update(c, station, reason, findings, answer, Actors.of(request)), "updated", redirect);
  }

  @PostMapping("/dataentry/investigations/{station}/delete")
  String delete(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = coordinatorsCommittee(user);
    return outcome(service.delete(c, station, Actors.of(request)), "deleted", redirect);
  }

  private static String outcome(Optional<NextSessionService.Refusal> refused, String done,
      RedirectAttributes redirect) {
    if (refused.isPresent()) {
      redirect.addFlashAttribute("refusal", refused.get().name());
    } else {
      redirect.addFlashAttribute("done", done);
    }
    return "redirect:/dataentry/investigations";
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(nl.uitslag.app.airgap.AirGapViolationException.class)
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String airGap(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.AIRGAP");
    return "dataentry/refused";
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(DataEntryService.ConcurrentChangeException.class)
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CONFLICT)
  String concurrent(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.CONCURRENT");
    return "dataentry/refused";
  }

  /** Only the coordinator of a GSB manages sessions and investigations (abacus.md §5). */
  private CommitteeInfo coordinatorsCommittee(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null || user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    CommitteeInfo c = dataEntry.committee(user.committeeId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    if (!"GSB".equals(c.kind())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
