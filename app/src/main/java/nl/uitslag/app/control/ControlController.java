package nl.uitslag.app.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.uitslag.app.airgap.AirGapViolationException;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.control.ListDraw;
import nl.uitslag.domain.control.NotableThresholds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's screens of the control protocol at the GSB: the guided check (seed, drawn lists,
 * worksheets, hand totals, comparison, outcome) and the notable results with explanations.
 */
@Controller
class ControlController {
  private final ControlService service;
  private final DataEntryRepository entries;

  ControlController(ControlService service, DataEntryRepository entries) {
    this.service = service;
    this.entries = entries;
  }

  // ------------------------------------------------------------------ guided check

  @GetMapping("/control")
  String check(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    CommitteeInfo c = committee(user);
    try {
      model.addAttribute("view", service.view(c));
    } catch (ControlException e) {
      model.addAttribute("error", e.key());
    }
    model.addAttribute("committee", c);
    model.addAttribute("defaultCount", ListDraw.DEFAULT_COUNT);
    return "control/check";
  }

  @PostMapping("/control/draw")
  String draw(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam(defaultValue = "") String seed,
      @RequestParam(defaultValue = "3") int count, HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    return step(redirect, "/control", "DRAWN",
        () -> service.draw(c, seed, count, user.id(), Actors.of(request)));
  }

  @GetMapping("/control/worksheets.pdf")
  ResponseEntity<byte[]> worksheets(@AuthenticationPrincipal UitslagPrincipal user) {
    CommitteeInfo c = committee(user);
    try {
      return pdf(service.worksheetsPdf(c), "werkbladen-controleprotocol.pdf");
    } catch (ControlException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.key());
    }
  }

  @PostMapping("/control/hand-totals")
  String handTotals(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam Map<String, String> params,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    Map<Integer, Long> hand = new HashMap<>();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getKey().startsWith("list.")) {
        int list;
        try {
          list = Integer.parseInt(p.getKey().substring(5));
        } catch (NumberFormatException e) {
          continue;
        }
        String v = p.getValue().strip();
        if (!v.matches("\\d{1,9}")) {
          redirect.addFlashAttribute("error", "HAND_TOTAL");
          redirect.addFlashAttribute("errorList", list);
          return "redirect:/control";
        }
        hand.put(list, Long.parseLong(v));
      }
    }
    return step(redirect, "/control", "COMPARED", () -> service.enterHandTotals(c, hand, Actors.of(request)));
  }

  @PostMapping("/control/record")
  String record(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam(defaultValue = "") String remarks,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    return step(redirect, "/control", "RECORDED", () -> service.record(c, remarks, user.id(), Actors.of(request)));
  }

  // ------------------------------------------------------------------ notable results

  @GetMapping("/control/notable")
  String notable(@AuthenticationPrincipal UitslagPrincipal user, Model model, Locale locale) {
    CommitteeInfo c = committee(user);
    try {
      model.addAttribute("notable", service.notable(c));
    } catch (ControlException e) {
      model.addAttribute("error", e.key());
    }
    model.addAttribute("committee", c);
    model.addAttribute("english", "en".equals(locale.getLanguage()));
    model.addAttribute("decisions", new Decision[] {Decision.EXPLAINED, Decision.RECOUNT_ORDERED});
    return "control/notable";
  }

  @PostMapping("/control/notable/decision")
  String decide(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String key,
      @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String explanation,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    Decision d;
    try {
      d = Decision.valueOf(decision);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "DECISION");
      return "redirect:/control/notable";
    }
    return step(redirect, "/control/notable", "DECIDED",
        () -> {
          service.decide(c, key, d, explanation, user.id(), Actors.of(request));
          return null;
        });
  }

  @PostMapping("/control/notable/thresholds")
  String thresholds(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam Map<String, String> p,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    NotableThresholds t;
    try {
      t = new NotableThresholds(number(p, "blankPercent"), number(p, "invalidPercent"),
          number(p, "listShareDeviationPoints"), number(p, "differenceAbsolute"), number(p, "differencePercent"),
          number(p, "swapFactor"), number(p, "swapMinimumVotes"), number(p, "swapMinimumExpected"),
          number(p, "swapMinimumReferenceStations"));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "THRESHOLDS");
      return "redirect:/control/notable";
    }
    return step(redirect, "/control/notable", "THRESHOLDS", () -> {
      service.changeThresholds(c, t, Actors.of(request));
      return null;
    });
  }

  @GetMapping("/control/notable.pdf")
  ResponseEntity<byte[]> notablePdf(@AuthenticationPrincipal UitslagPrincipal user) {
    CommitteeInfo c = committee(user);
    try {
      return pdf(service.notablePdf(c), "opmerkelijke-uitslagen.pdf");
    } catch (ControlException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.key());
    }
  }

  // ------------------------------------------------------------------ helpers

  private interface Step {
    Object run();
  }

  private static String step(RedirectAttributes redirect, String target, String done, Step step) {
    try {
      step.run();
      redirect.addFlashAttribute("done", done);
    } catch (ControlException e) {
      redirect.addFlashAttribute("error", e.key());
    } catch (AirGapViolationException e) {
      redirect.addFlashAttribute("error", "AIRGAP");
    }
    return "redirect:" + target;
  }

  private static int number(Map<String, String> p, String name) {
    String v = p.getOrDefault(name, "").strip();
    if (!v.matches("\\d{1,6}")) {
      throw new IllegalArgumentException(name);
    }
    return Integer.parseInt(v);
  }

  private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(bytes);
  }

  /** The control protocol is the coordinator's task at the GSB (osv.md §3). */
  private CommitteeInfo committee(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null || user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    CommitteeInfo c = entries.committee(user.committeeId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    if (!"GSB".equals(c.kind())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
