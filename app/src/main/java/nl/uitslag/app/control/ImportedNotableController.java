package nl.uitslag.app.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import nl.uitslag.app.airgap.AirGapViolationException;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
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
 * The coordinator's screen of the notable results in the count files a higher committee (HSB, CSB) imported: each
 * flag with its reason per municipality and polling station, the explanation or recount request, and the PDF.
 */
@Controller
class ImportedNotableController {
  private static final String PAGE = "/control/imported";

  private final ImportedNotableService service;
  private final ControlService control;
  private final DataEntryRepository committees;

  ImportedNotableController(ImportedNotableService service, ControlService control, DataEntryRepository committees) {
    this.service = service;
    this.control = control;
    this.committees = committees;
  }

  @GetMapping(PAGE)
  String show(@AuthenticationPrincipal UitslagPrincipal user, Model model, Locale locale) {
    CommitteeInfo c = committee(user);
    model.addAttribute("committee", c);
    model.addAttribute("view", service.view(c));
    model.addAttribute("english", "en".equals(locale.getLanguage()));
    model.addAttribute("decisions", new Decision[] {Decision.EXPLAINED, Decision.RECOUNT_ORDERED});
    return "control/imported";
  }

  @PostMapping(PAGE + "/decision")
  String decide(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String source, @RequestParam String key,
      @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String explanation,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    Decision d;
    try {
      d = Decision.valueOf(decision);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "DECISION");
      return "redirect:" + PAGE;
    }
    try {
      service.decide(c, source, key, d, explanation, user.id(), Actors.of(request));
      redirect.addFlashAttribute("done", "DECIDED");
    } catch (ControlException e) {
      redirect.addFlashAttribute("error", e.key());
    } catch (AirGapViolationException e) {
      redirect.addFlashAttribute("error", "AIRGAP");
    }
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/thresholds")
  String thresholds(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam Map<String, String> p,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    try {
      NotableThresholds t = new NotableThresholds(number(p, "blankPercent"), number(p, "invalidPercent"),
          number(p, "listShareDeviationPoints"), number(p, "differenceAbsolute"), number(p, "differencePercent"),
          number(p, "swapFactor"), number(p, "swapMinimumVotes"), number(p, "swapMinimumExpected"),
          number(p, "swapMinimumReferenceStations"));
      control.changeThresholds(c, t, Actors.of(request));
      redirect.addFlashAttribute("done", "THRESHOLDS");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "THRESHOLDS");
    } catch (AirGapViolationException e) {
      redirect.addFlashAttribute("error", "AIRGAP");
    }
    return "redirect:" + PAGE;
  }

  @GetMapping(PAGE + ".pdf")
  ResponseEntity<byte[]> pdf(@AuthenticationPrincipal UitslagPrincipal user) {
    CommitteeInfo c = committee(user);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("opmerkelijke-uitslagen-ingelezen.pdf").build().toString())
        .body(service.pdf(c));
  }

  private static int number(Map<String, String> p, String name) {
    String v = p.getOrDefault(name, "").strip();
    if (!v.matches("\\d{1,6}")) {
      throw new IllegalArgumentException(name);
    }
    return Integer.parseInt(v);
  }

  /** The coordinator of a committee that takes in count files; a GSB has its own screen (/control/notable). */
  private CommitteeInfo committee(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null || user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    CommitteeInfo c = committees.committee(user.committeeId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    if ("GSB".equals(c.kind())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
