package nl.uitslag.app.election;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator sets the counting method (CSO or DSO: which paper model the GSB enters) and the number of
 * eligible voters of an election, until data entry of any polling station has started: the stored entries are of
 * one model, so the method cannot change under them.
 */
@Controller
class ElectionSettingsController {
  private final ElectionRepository elections;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  ElectionSettingsController(ElectionRepository elections, JdbcClient jdbc, AuditLog audit) {
    this.elections = elections;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @GetMapping("/admin/elections/{id}/settings")
  String show(@PathVariable long id, Model model) {
    var election = elections.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("election", election);
    model.addAttribute("entryStarted", entryStarted(id));
    return "election/settings";
  }

  @PostMapping("/admin/elections/{id}/settings")
  @Transactional
  String save(
      @PathVariable long id, @RequestParam String countingMethod,
      @RequestParam(defaultValue = "") String eligibleVoters, HttpServletRequest request, Model model,
      RedirectAttributes redirect) {
    var election = elections.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String refusal = null;
    Long voters = null;
    if (!countingMethod.equals("CSO") && !countingMethod.equals("DSO")) {
      refusal = "METHOD_INVALID";
    } else if (!eligibleVoters.isBlank() && !eligibleVoters.strip().matches("\\d{1,9}")) {
      refusal = "VOTERS_INVALID";
    } else if (entryStarted(id)) {
      refusal = "ENTRY_STARTED";
    }
    if (refusal != null) {
      // Refused: nothing stored, so no audit event (an event says what changed).
      model.addAttribute("election", election);
      model.addAttribute("entryStarted", entryStarted(id));
      model.addAttribute("refusal", refusal);
      return "election/settings";
    }
    if (!eligibleVoters.isBlank()) {
      voters = Long.valueOf(eligibleVoters.strip());
    }
    jdbc.sql("UPDATE election SET counting_method = ?, eligible_voters = ? WHERE id = ?")
        .params(countingMethod, voters, id)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", id);
    details.put("countingMethod", countingMethod);
    details.put("eligibleVoters", voters);
    audit.record("ELECTION_UPDATED", AuditLevel.INFO, Actors.of(request), details);
    redirect.addFlashAttribute("done", "settings");
    return "redirect:/elections/" + id;
  }

  private boolean entryStarted(long electionId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM polling_station_entry e JOIN polling_station ps"
                + " ON ps.id = e.polling_station_id WHERE ps.election_id = ?)")
        .param(electionId)
        .query(Integer.class)
        .single() == 1;
  }
}
