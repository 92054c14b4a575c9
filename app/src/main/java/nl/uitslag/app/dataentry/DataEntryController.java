package nl.uitslag.app.dataentry;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.uitslag.app.airgap.AirGapViolationException;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.StationStatus;
import nl.uitslag.app.dataentry.DataEntryService.Step;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.ErrorResolution;
import nl.uitslag.domain.dataentry.TypistView;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.SessionOutcome;
import nl.uitslag.domain.validation.ValidationMessages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The GSB's data-entry screens: the typist's list and form (model Na 31-2 Bijlage 1 for CSO), the
 * coordinator's status overview, session actions and the resolution of differences and errors.
 */
@Controller
class DataEntryController {
  private final DataEntryService service;
  private final DataEntryRepository repo;
  private final MessageSource messages;
  private final TypistActivityRepository activity;
  private final WarningExplanationService explanations;

  DataEntryController(
      DataEntryService service, DataEntryRepository repo, MessageSource messages,
      TypistActivityRepository activity, WarningExplanationService explanations) {
    this.service = service;
    this.repo = repo;
    this.messages = messages;
    this.activity = activity;
    this.explanations = explanations;
  }

  // ---------------------------------------------------------------- typist

  @GetMapping("/dataentry")
  String list(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    CommitteeInfo c = committee(user, false);
    CommitteeSession session = service.session(c);
    long me = user.id();
    List<StationStatus> all = service.overview(c, null, false);
    List<StationStatus> mine = new ArrayList<>();
    Map<Long, Integer> mineEntry = new HashMap<>();
    List<StationStatus> first = new ArrayList<>();
    List<StationStatus> second = new ArrayList<>();
    for (StationStatus s : all) {
      if (s.status() == DataEntryStatus.FIRST_ENTRY_IN_PROGRESS && Long.valueOf(me).equals(s.firstById())) {
        mine.add(s);
        mineEntry.put(s.pollingStationId(), 1);
      } else if (s.status() == DataEntryStatus.SECOND_ENTRY_IN_PROGRESS && Long.valueOf(me).equals(s.secondById())) {
        mine.add(s);
        mineEntry.put(s.pollingStationId(), 2);
      } else if (s.status() == DataEntryStatus.CORRECTION_IN_PROGRESS
          && (Long.valueOf(me).equals(s.firstById()) || Long.valueOf(me).equals(s.secondById()))) {
        // Which of the two entries is being corrected follows from the state; corrections are few.
        for (EntryNumber n : EntryNumber.values()) {
          if (service.typistView(c, s.pollingStationId(), n, new UserId(me)).isPresent()) {
            mine.add(s);
            mineEntry.put(s.pollingStationId(), n.number());
          }
        }
      } else if (s.status() == DataEntryStatus.NOT_STARTED) {
        first.add(s);
      } else if (s.status() == DataEntryStatus.FIRST_ENTRY_FINISHED && !Long.valueOf(me).equals(s.firstById())) {
        second.add(s);
      }
    }
    model.addAttribute("committee", c);
    model.addAttribute("committeeSession", session);
    model.addAttribute("mine", mine);
    model.addAttribute("mineEntry", mineEntry);
    model.addAttribute("toEnterFirst", first);
    model.addAttribute("toEnterSecond", second);
    model.addAttribute("isCoordinator", user.role() == Role.COORDINATOR);
    return "dataentry/list";
  }

  @PostMapping("/dataentry/{station}/{n}/claim")
  String claim(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @PathVariable int n,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user, false);
    EntryNumber entry = entryNumber(n);
    Optional<TypistView> existing = service.typistView(c, station, entry, new UserId(user.id()));
    if (existing.isPresent()) {
      return "redirect:/dataentry/" + station + "/" + n;
    }
    Step step = service.claim(c, station, entry, new UserId(user.id()), Actors.of(request));
    if (!step.accepted()) {
      redirect.addFlashAttribute("refusal", step.refusal());
      return "redirect:/dataentry";
    }
    return "redirect:/dataentry/" + station + "/" + n;
  }

  @GetMapping("/dataentry/{station}/{n}")
  String form(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @PathVariable int n, Model model,
      Locale locale) {
    CommitteeInfo c = committee(user, false);
    Optional<TypistView> view = service.typistView(c, station, entryNumber(n), new UserId(user.id()));
    if (view.isEmpty()) {
      return "redirect:/dataentry";
    }
    fillForm(model, c, station, n, view.get(), Map.of(), List.of(), locale);
    return "dataentry/form";
  }

  @PostMapping("/dataentry/{station}/{n}")
  String submit(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @PathVariable int n,
      @RequestParam String action, @RequestParam(defaultValue = "false") boolean acceptWarnings,
      HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user, false);
    EntryNumber entry = entryNumber(n);
    UserId me = new UserId(user.id());
    var actor = Actors.of(request);
    SaveTiming timing = SaveTiming.start("save", station);
    // One read of the entry serves the ownership check, the parsing and the save (issue 10).
    Optional<DataEntryService.SaveSnapshot> snapshot = service.readForSave(c, station, entry, me);
    timing.readNanos = timing.lap();
    Optional<TypistView> view = snapshot.flatMap(DataEntryService.SaveSnapshot::view);
    if (view.isEmpty()) {
      redirect.addFlashAttribute("refusal", "NOT_THE_OWNER");
      return "redirect:/dataentry";
    }
    if (action.equals("discard")) {
      Step step = service.discard(c, station, entry, me, actor);
      redirect.addFlashAttribute(step.accepted() ? "done" : "refusal", step.accepted() ? "discarded" : step.refusal());
      return "redirect:/dataentry";
    }
    Map<String, String> raw = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    Map<String, FieldValue> values =
        EntryForm.parse(view.get().results(), view.get().fieldsToReEnter(), request.getParameterMap(), raw, unreadable);
    timing.parseNanos = timing.lap();
    if (!unreadable.isEmpty()) {
      model.addAttribute("refusal", "INVALID_NUMBER");
      fillForm(model, c, station, n, view.get(), raw, unreadable, locale);
      return "dataentry/form";
    }
    Step saved = service.save(snapshot.get(), values, null, EntryForm.progress(raw), actor, timing);
    timing.finish(saved.accepted() ? "saved" : "refused");
    if (!saved.accepted()) {
      model.addAttribute("refusal", saved.refusal());
      fillForm(model, c, station, n, view.get(), raw, List.of(), locale);
      return "dataentry/form";
    }
    TypistView after = ((DataEntryOutcome.Accepted) saved.outcome()).typistView();
    if (action.equals("finalise")) {
      Step finished = service.finalise(c, station, entry, me, acceptWarnings, actor);
      if (!finished.accepted()) {
        model.addAttribute("refusal", finished.refusal());
        fillForm(model, c, station, n, after, Map.of(), List.of(), locale);
        return "dataentry/form";
      }
      DataEntryState state = ((DataEntryOutcome.Accepted) finished.outcome()).state();
      redirect.addFlashAttribute("done", "finalised." + state.status().name());
      return "redirect:/dataentry";
    }
    model.addAttribute("saved", true);
    fillForm(model, c, station, n, after, Map.of(), List.of(), locale);
    return "dataentry/form";
  }

  /**
   * Autosave (htmx, on a change and a few seconds after typing stops): stores the typed values into the
   * typist's entry in progress on the server, so a closed or crashed browser loses nothing that was typed. Never
   * finalises; an unreadable number or unchanged values store nothing (and write no audit event).
   */
  @PostMapping(value = "/dataentry/{station}/{n}/autosave", produces = "text/html;charset=UTF-8")
  @org.springframework.web.bind.annotation.ResponseBody
  String autosave(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @PathVariable int n,
      HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Locale locale) {
    SaveTiming timing = SaveTiming.start("autosave", station);
    String outcome = autosave(user, station, n, request, response, timing);
    // The status line only, written directly: the template engine cost a tenth of an autosave (issue 10).
    String html = EntryFormHtml.autosaveStatus(outcome,
        java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), messages, locale);
    timing.finish(outcome);
    return html;
  }

  /** The autosave itself: its outcome ({@code saved, unchanged, unreadable, refused}), phases timed. */
  private String autosave(
      UitslagPrincipal user, long station, int n, HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response, SaveTiming timing) {
    CommitteeInfo c = committee(user, false);
    EntryNumber entry = entryNumber(n);
    UserId me = new UserId(user.id());
    // One read of the entry serves the ownership check, the parsing and the save (issue 10).
    Optional<DataEntryService.SaveSnapshot> snapshot = service.readForSave(c, station, entry, me);
    timing.readNanos = timing.lap();
    Optional<TypistView> view = snapshot.flatMap(DataEntryService.SaveSnapshot::view);
    if (view.isEmpty()) {
      return "refused";
    }
    Map<String, String> raw = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    Map<String, FieldValue> values =
        EntryForm.parse(view.get().results(), view.get().fieldsToReEnter(), request.getParameterMap(), raw, unreadable);
    timing.parseNanos = timing.lap();
    if (!unreadable.isEmpty()) {
      return "unreadable";
    }
    ResultsModel typed;
    try {
      typed = view.get().results().with(values);
    } catch (nl.uitslag.domain.results.InvalidResultsException e) {
      return "refused";
    }
    if (typed.equals(view.get().results())) {
      timing.computeNanos = timing.lap();
      // Nothing new: keep the last message on screen (htmx response header) and store nothing.
      response.setHeader("HX-Reswap", "none");
      return "unchanged";
    }
    timing.computeNanos = timing.lap();
    // The values are applied once: the save reuses {@code typed} unless the entry changed meanwhile.
    Step saved = service.save(snapshot.get(), values, typed, EntryForm.progress(raw), Actors.of(request), timing);
    return saved.accepted() ? "saved" : "refused";
  }

  private void fillForm(
      Model model, CommitteeInfo c, long station, int n, TypistView view, Map<String, String> raw,
      List<String> unreadable, Locale locale) {
    var names = new EntryForm.Names(repo.listNames(c.electionId()), repo.candidateNames(c.electionId()));
    model.addAttribute("committee", c);
    model.addAttribute("station", repo.station(c.electionId(), station).orElseThrow());
    model.addAttribute("entryNumber", n);
    model.addAttribute("paperModel", view.results().variant().paperModel());
    model.addAttribute("correction", !view.fieldsToReEnter().isEmpty());
    var sections =
        EntryForm.sections(view.results(), view.validation(), view.fieldsToReEnter(), raw, names, messages, locale);
    model.addAttribute("fieldsHtml", EntryFormHtml.sections(sections,
        Set.copyOf(unreadable.stream().map(EntryForm::id).toList()), EntryFormHtml.Texts.of(messages, locale)));
    model.addAttribute("validation",
        EntryForm.messages(view.validation(), ValidationMessages.Role.TYPIST, locale));
    model.addAttribute("hasWarnings", view.validation().hasWarnings());
    model.addAttribute("hasErrors", view.validation().hasErrors());
    model.addAttribute("unreadable", unreadable.stream().map(EntryForm::id).toList());
  }

  // ---------------------------------------------------------------- coordinator

  @GetMapping("/dataentry/status")
  String status(
      @AuthenticationPrincipal UitslagPrincipal user, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "asc") String sort, Model model) {
    CommitteeInfo c = committee(user, true);
    DataEntryStatus only = null;
    if (status != null && !status.isBlank()) {
      try {
        only = DataEntryStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
      }
    }
    Map<DataEntryStatus, Integer> counts = service.counts(c);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int definitive = counts.get(DataEntryStatus.DEFINITIVE);
    model.addAttribute("committee", c);
    model.addAttribute("committeeSession", service.session(c));
    model.addAttribute("counts", counts);
    model.addAttribute("statuses", DataEntryStatus.values());
    model.addAttribute("total", total);
    model.addAttribute("definitive", definitive);
    model.addAttribute("progress", total == 0 ? 0 : definitive * 100 / total);
    model.addAttribute("filter", only == null ? "" : only.name());
    model.addAttribute("sort", sort.equals("desc") ? "desc" : "asc");
    model.addAttribute("stations", service.overview(c, only, sort.equals("desc")));
    long sessionId = repo.currentSession(c.committeeId()).map(DataEntryRepository.StoredSession::id).orElse(-1L);
    model.addAttribute("activity", activity.forCommittee(c.committeeId(), sessionId));
    return "dataentry/status";
  }

  /** The warnings of a finished entry, each with the coordinator's explanation for the report. */
  @GetMapping("/dataentry/{station}/warnings")
  String warnings(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, Model model, Locale locale) {
    CommitteeInfo c = committee(user, true);
    model.addAttribute("committee", c);
    model.addAttribute("station", repo.station(c.electionId(), station)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    var warnings = explanations.warnings(c, station);
    model.addAttribute("validation", warnings.isEmpty() ? List.of() : EntryForm.messages(
        new nl.uitslag.domain.validation.ValidationResults(warnings.get()), ValidationMessages.Role.COORDINATOR,
        locale));
    model.addAttribute("explanations", explanations.recorded(c, station));
    model.addAttribute("maxLength", WarningExplanationService.MAX_LENGTH);
    return "dataentry/warnings";
  }

  @PostMapping("/dataentry/{station}/warnings")
  String explain(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @RequestParam String code,
      @RequestParam String explanation, HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user, true);
    Optional<WarningExplanationService.Refusal> refused =
        explanations.record(c, station, code, explanation, user.id(), Actors.of(request));
    if (refused.isPresent()) {
      redirect.addFlashAttribute("refusal", "EXPLANATION_" + refused.get().name());
    } else {
      redirect.addFlashAttribute("done", "explained");
    }
    return "redirect:/dataentry/" + station + "/warnings";
  }

  @PostMapping("/dataentry/session")
  String session(
      @AuthenticationPrincipal UitslagPrincipal user, @RequestParam String action, HttpServletRequest request,
      RedirectAttributes redirect) {
    CommitteeInfo c = committee(user, true);
    DataEntryService.SessionAction a;
    try {
      a = DataEntryService.SessionAction.valueOf(action);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    SessionOutcome outcome = service.changeSession(c, a, Actors.of(request));
    if (outcome instanceof SessionOutcome.Refused r) {
      redirect.addFlashAttribute("sessionRefusal", r.reason().name());
    }
    return "redirect:/dataentry/status";
  }

  @GetMapping("/dataentry/{station}/resolve")
  String resolve(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, Model model, Locale locale) {
    CommitteeInfo c = committee(user, true);
    DataEntryState state = service.state(c, station);
    model.addAttribute("committee", c);
    model.addAttribute("station", repo.station(c.electionId(), station)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("statusName", state.status().name());
    var names = new EntryForm.Names(repo.listNames(c.electionId()), repo.candidateNames(c.electionId()));
    if (state instanceof EntriesDifferent d) {
      List<Map<String, String>> rows = new ArrayList<>();
      var sections = EntryForm.sections(d.first().results(), nl.uitslag.domain.validation.ValidationResults.NONE,
          Set.of(), Map.of(), names, messages, locale);
      Map<String, EntryForm.Field> byPath = new HashMap<>();
      sections.forEach(s -> s.fields().forEach(f -> byPath.put(f.path(), f)));
      for (String path : d.differingFields()) {
        EntryForm.Field f = byPath.get(path);
        rows.add(Map.of(
            "code", f.code(), "label", f.label(),
            "first", shown(d.first().results(), path, locale), "second", shown(d.second().results(), path, locale)));
      }
      model.addAttribute("differences", rows);
      model.addAttribute("resolutions", DifferenceResolution.values());
    } else if (state instanceof FirstEntryHasErrors e) {
      var de = service.doubleEntry(c, service.shape(c), service.session(c).number());
      model.addAttribute("validation",
          EntryForm.messages(de.validate(e.first().results()), ValidationMessages.Role.COORDINATOR, locale));
      model.addAttribute("errorResolutions", ErrorResolution.values());
    }
    return "dataentry/resolve";
  }

  @PostMapping("/dataentry/{station}/resolve")
  String resolved(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable long station, @RequestParam String action,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user, true);
    UserId me = new UserId(user.id());
    Step step;
    try {
      step = isErrorResolution(action)
          ? service.resolveErrors(c, station, ErrorResolution.valueOf(action), me, Actors.of(request))
          : service.resolveDifferences(c, station, DifferenceResolution.valueOf(action), me, Actors.of(request));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    if (!step.accepted()) {
      redirect.addFlashAttribute("refusal", step.refusal());
      return "redirect:/dataentry/" + station + "/resolve";
    }
    redirect.addFlashAttribute("done", "resolved");
    return "redirect:/dataentry/status";
  }

  // ---------------------------------------------------------------- errors and helpers

  @ExceptionHandler(AirGapViolationException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String airGap(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.AIRGAP");
    return "dataentry/refused";
  }

  @ExceptionHandler(DataEntryService.ConcurrentChangeException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String concurrent(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.CONCURRENT");
    return "dataentry/refused";
  }

  private static boolean isErrorResolution(String action) {
    for (ErrorResolution r : ErrorResolution.values()) {
      if (r.name().equals(action)) {
        return true;
      }
    }
    return false;
  }

  private String shown(ResultsModel results, String path, Locale locale) {
    FieldValue v = results.valueOf(path);
    if (v instanceof FieldValue.Count c) {
      return Integer.toString(c.value());
    }
    if (v instanceof FieldValue.Checkbox c) {
      return messages.getMessage(c.ticked() ? "entry.value.ticked" : "entry.value.unticked", null, locale);
    }
    YesNo y = (YesNo) v;
    return messages.getMessage("entry.value." + y, null, locale);
  }

  private static EntryNumber entryNumber(int n) {
    if (n == 1) {
      return EntryNumber.FIRST;
    }
    if (n == 2) {
      return EntryNumber.SECOND;
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  /**
   * The GSB of the logged-in user. Typists and coordinators enter; only coordinators manage the session and
   * resolve (abacus.md §5).
   */
  private CommitteeInfo committee(UitslagPrincipal user, boolean coordinatorOnly) {
    if (user == null || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    boolean allowed = coordinatorOnly
        ? user.role() == Role.COORDINATOR
        : user.role() == Role.COORDINATOR || user.role() == Role.TYPIST;
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    CommitteeInfo c = service.committee(user.committeeId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    if (!"GSB".equals(c.kind())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
