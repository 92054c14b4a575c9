package nl.uitslag.app.pollingstation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.pollingstation.PollingStationService.Form;
import nl.uitslag.app.pollingstation.PollingStationService.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's screens for the polling stations of an election (under /admin: administrators only). */
@Controller
@RequestMapping("/admin/elections/{electionId}/polling-stations")
class PollingStationController {
  private final PollingStationService service;

  PollingStationController(PollingStationService service) {
    this.service = service;
  }

  @GetMapping
  String list(@PathVariable long electionId, Model model) {
    fill(electionId, model, Form.empty(), null);
    return "pollingstation/list";
  }

  @PostMapping
  String add(
      @PathVariable long electionId, @RequestParam(required = false) String number, @RequestParam String name,
      @RequestParam(defaultValue = "") String postcode, @RequestParam(defaultValue = "") String locality,
      @RequestParam(defaultValue = "FIXED") String kind, @RequestParam(required = false) String eligibleVoters,
      HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Form form = form(number, name, postcode, locality, kind, eligibleVoters);
    Optional<Refusal> refused = form == null ? Optional.of(Refusal.NUMBER_INVALID)
        : service.add(electionId, form, Actors.of(request));
    if (refused.isPresent()) {
      model.addAttribute("refusal", refused.get().name());
      fill(electionId, model, form == null ? Form.empty() : form, null);
      return "pollingstation/list";
    }
    redirect.addFlashAttribute("done", "added");
    return "redirect:/admin/elections/" + electionId + "/polling-stations";
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long electionId, @PathVariable long id, Model model) {
    var station = service.find(electionId, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("electionId", electionId);
    model.addAttribute("electionName", service.electionName(electionId).orElseThrow());
    model.addAttribute("station", station);
    model.addAttribute("form", new Form(station.number(), station.name(), station.postcode(), station.locality(),
        station.kind(), station.eligibleVoters()));
    return "pollingstation/edit";
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long electionId, @PathVariable long id, @RequestParam(required = false) String number,
      @RequestParam String name, @RequestParam(defaultValue = "") String postcode,
      @RequestParam(defaultValue = "") String locality, @RequestParam(defaultValue = "FIXED") String kind,
      @RequestParam(required = false) String eligibleVoters, HttpServletRequest request, Model model,
      RedirectAttributes redirect) {
    var station = service.find(electionId, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Form form = form(number, name, postcode, locality, kind, eligibleVoters);
    Optional<Refusal> refused = form == null ? Optional.of(Refusal.NUMBER_INVALID)
        : service.update(electionId, id, form, Actors.of(request));
    if (refused.isPresent()) {
      model.addAttribute("refusal", refused.get().name());
      model.addAttribute("electionId", electionId);
      model.addAttribute("electionName", service.electionName(electionId).orElseThrow());
      model.addAttribute("station", station);
      model.addAttribute("form", form == null ? new Form(null, name, postcode, locality, kind, null) : form);
      return "pollingstation/edit";
    }
    redirect.addFlashAttribute("done", "updated");
    return "redirect:/admin/elections/" + electionId + "/polling-stations";
  }

  @PostMapping("/{id}/delete")
  String delete(
      @PathVariable long electionId, @PathVariable long id, HttpServletRequest request,
      RedirectAttributes redirect) {
    Optional<Refusal> refused = service.delete(electionId, id, Actors.of(request));
    if (refused.isPresent()) {
      redirect.addFlashAttribute("refusal", refused.get().name());
    } else {
      redirect.addFlashAttribute("done", "deleted");
    }
    return "redirect:/admin/elections/" + electionId + "/polling-stations";
  }

  private void fill(long electionId, Model model, Form form, String ignored) {
    model.addAttribute("electionId", electionId);
    model.addAttribute("electionName", service.electionName(electionId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("stations", service.list(electionId));
    model.addAttribute("form", form);
  }

  /** The typed form, or null when a number field is not a whole number. */
  private static Form form(
      String number, String name, String postcode, String locality, String kind, String eligibleVoters) {
    try {
      Integer n = number == null || number.isBlank() ? null : Integer.valueOf(number.strip());
      Long voters = eligibleVoters == null || eligibleVoters.isBlank() ? null : Long.valueOf(eligibleVoters.strip());
      return new Form(n, name, postcode, locality, kind, voters);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
