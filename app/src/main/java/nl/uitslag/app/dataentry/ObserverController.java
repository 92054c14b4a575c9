package nl.uitslag.app.dataentry;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The observer's read-only progress of the GSB's data entry, for a projector in the counting room: the state of
 * every polling station and the progress, never a figure of a result, a typist's name or an action.
 *
 * <p>Time-out (docs/DATA-ENTRY.md, "Observer view"): the page polls {@code /observer/progress} every
 * {@value #POLL_SECONDS} seconds; each poll is an ordinary authenticated request and so keeps the 30-minute
 * HTTP session alive while the committee session runs (data entry or paused). Once it does not run, the poll
 * answers 286, which stops htmx polling, so the idle screen times out after 30 minutes like any other. Only the
 * OBSERVER role gets this page: a coordinator's or typist's session, which can change data, is never kept alive
 * by an unattended screen.
 */
@Controller
class ObserverController {
  static final int POLL_SECONDS = 10;
  /** htmx stops polling when a response has this status (htmx documentation, "Load Polling"). */
  static final int HTMX_STOP_POLLING = 286;

  private final DataEntryService service;

  ObserverController(DataEntryService service) {
    this.service = service;
  }

  @GetMapping("/observer")
  String page(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    fill(committee(user), model);
    return "observer/progress";
  }

  @GetMapping("/observer/progress")
  String progress(
      @AuthenticationPrincipal UitslagPrincipal user, Model model, HttpServletResponse response) {
    CommitteeSession session = fill(committee(user), model);
    if (!running(session.status())) {
      response.setStatus(HTMX_STOP_POLLING);
    }
    return "observer/progress :: progress";
  }

  private CommitteeSession fill(CommitteeInfo c, Model model) {
    CommitteeSession session = service.session(c);
    Map<DataEntryStatus, Integer> counts = service.counts(c);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int definitive = counts.get(DataEntryStatus.DEFINITIVE);
    model.addAttribute("committee", c);
    model.addAttribute("committeeSession", session);
    model.addAttribute("running", running(session.status()));
    model.addAttribute("counts", counts);
    model.addAttribute("statuses", DataEntryStatus.values());
    model.addAttribute("total", total);
    model.addAttribute("definitive", definitive);
    model.addAttribute("progress", total == 0 ? 0 : definitive * 100 / total);
    model.addAttribute("stations", service.overview(c, null, false));
    model.addAttribute("pollSeconds", POLL_SECONDS);
    return session;
  }

  private static boolean running(CommitteeSessionStatus status) {
    return status == CommitteeSessionStatus.DATA_ENTRY || status == CommitteeSessionStatus.PAUSED;
  }

  private CommitteeInfo committee(UitslagPrincipal user) {
    if (user == null || user.role() != Role.OBSERVER || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return service.committee(user.committeeId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }
}
