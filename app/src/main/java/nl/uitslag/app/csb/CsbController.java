package nl.uitslag.app.csb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.uitslag.app.airgap.AirGapViolationException;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.csb.CsbResultService.DocumentKind;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.csb.CsbService.PendingImport;
import nl.uitslag.app.csb.CsbService.Source;
import nl.uitslag.app.csb.CsbService.Step;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.EntryOrigin;
import nl.uitslag.domain.dataentry.ErrorResolution;
import nl.uitslag.domain.dataentry.TypistView;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.ValidationResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screens of the centraal stembureau and of a hoofdstembureau (the same intake, kind HSB): the GSB totals (import of the 510b with the fingerprint challenge, second
 * entry from paper, resolution), the apportionment with deceased candidates and lots (CSB) or the kieskring
 * totals with O 7 and 510c (HSB), and the documents.
 * Coordinators import, resolve and finalise; typists enter. Users of other committees get 404.
 */
@Controller
@RequestMapping("/csb")
class CsbController {
  private static final String PENDING = "csbPendingImport";

  private final CsbService service;
  private final CsbResultService results;
  private final HsbResultService hsbResults;
  private final ElectionRepository elections;
  private final MessageSource messages;

  CsbController(CsbService service, CsbResultService results, HsbResultService hsbResults,
      ElectionRepository elections, MessageSource messages) {
    this.service = service;
    this.results = results;
    this.hsbResults = hsbResults;
    this.elections = elections;
    this.messages = messages;
  }

  // ---------------------------------------------------------------- overview and import

  @GetMapping
  String overview(@AuthenticationPrincipal UitslagPrincipal user, HttpSession session, Model model) {
    Csb c = csb(user);
    model.addAttribute("csb", c);
    model.addAttribute("sources", service.sources(c));
    model.addAttribute("coordinator", user.role() == Role.COORDINATOR);
    model.addAttribute("me", user.id());
    model.addAttribute("finalised", service.finalised(c));
    model.addAttribute("pending", session.getAttribute(PENDING));
    model.addAttribute("sealedRequired", service.requiresSealedFiles(c));
    model.addAttribute("hsb", c.isHsb());
    model.addAttribute("fileKind", service.fileKind(c));
    return "csb/overview";
  }

  @PostMapping("/import")
  String upload(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam("file") MultipartFile file,
      @RequestParam(name = "secret", required = false) String secret,
      HttpSession session, HttpServletRequest request, RedirectAttributes flash) throws IOException {
    Csb c = coordinatorsCsb(user);
    session.removeAttribute(PENDING);
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(CsbService.MAX_FILE_BYTES + 1);
    }
    try {
      session.setAttribute(PENDING, secret == null || secret.isEmpty()
          ? service.readCountFile(c, file.getOriginalFilename(), bytes)
          : service.readSealedCountFile(c, bytes, secret.toCharArray(), Actors.of(request)));
    } catch (CsbService.CountFileRejected e) {
      service.recordRejection(c, file.getOriginalFilename(), e.english(), Actors.of(request));
      flash.addFlashAttribute("rejection", dutch() ? e.dutch() : e.english());
    }
    return "redirect:/csb";
  }

  @PostMapping("/import/confirm")
  String confirm(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String first,
      @RequestParam String second, HttpSession session, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    PendingImport p = (PendingImport) session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    if (p == null) {
      return "redirect:/csb";
    }
    var outcome = service.confirmImport(c, p, first, second, new UserId(user.id()), Actors.of(request));
    flash.addFlashAttribute("importOutcome", outcome.name());
    return "redirect:/csb";
  }

  @PostMapping("/import/cancel")
  String cancel(HttpSession session) {
    session.removeAttribute(PENDING);
    return "redirect:/csb";
  }

  // ---------------------------------------------------------------- typed entries

  @PostMapping("/{source}/entry/{n}/claim")
  String claim(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source, @PathVariable int n,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = typistsCsb(user);
    Step step = service.claim(c, source, entry(n), new UserId(user.id()), Actors.of(request));
    if (!step.accepted()) {
      flash.addFlashAttribute("refusal", step.refusal());
      return "redirect:/csb";
    }
    return "redirect:/csb/" + source + "/entry/" + n;
  }

  @GetMapping("/{source}/entry/{n}")
  String form(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source, @PathVariable int n,
      Model model) {
    Csb c = typistsCsb(user);
    Source s = service.source(c, source);
    Optional<TypistView> view = service.typistView(c, source, entry(n), new UserId(user.id()));
    if (view.isEmpty()) {
      return "redirect:/csb";
    }
    model.addAttribute("csb", c);
    model.addAttribute("source", s);
    model.addAttribute("entryNumber", n);
    model.addAttribute("rows", rows(c, source, view.get().results(), view.get().fieldsToReEnter()));
    model.addAttribute("validation", codes(view.get().validation().all()));
    return "csb/entry";
  }

  @PostMapping("/{source}/entry/{n}")
  String submit(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source, @PathVariable int n,
      @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = typistsCsb(user);
    Optional<TypistView> view = service.typistView(c, source, entry(n), new UserId(user.id()));
    if (view.isEmpty()) {
      return "redirect:/csb";
    }
    int size = view.get().results().fields().size();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String v = form.getOrDefault("f" + i, "").strip();
      // An empty field means 0 (abacus.md §3.1); anything but digits is refused rather than guessed.
      if (!v.isEmpty() && !v.matches("\\d{1,9}")) {
        flash.addFlashAttribute("refusal", "INVALID_RESULTS");
        return "redirect:/csb/" + source + "/entry/" + n;
      }
      values.add(v.isEmpty() ? 0 : Integer.parseInt(v));
    }
    Step step = service.submit(c, source, entry(n), new UserId(user.id()), values, Actors.of(request));
    if (!step.accepted()) {
      flash.addFlashAttribute("refusal", step.refusal());
      return "redirect:/csb/" + source + "/entry/" + n;
    }
    var accepted = (nl.uitslag.domain.dataentry.DataEntryOutcome.Accepted) step.outcome();
    flash.addFlashAttribute("finished", accepted.state().status().name());
    return "redirect:/csb";
  }

  @PostMapping("/{source}/entry/{n}/discard")
  String discard(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source, @PathVariable int n,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = typistsCsb(user);
    Step step = service.discard(c, source, entry(n), new UserId(user.id()), Actors.of(request));
    if (!step.accepted()) {
      flash.addFlashAttribute("refusal", step.refusal());
    }
    return "redirect:/csb";
  }

  // ---------------------------------------------------------------- resolution

  /** A field on which the two entries differ. */
  record Difference(String code, String label, String first, String second) {}

  @GetMapping("/{source}/resolve")
  String resolve(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source, Model model) {
    Csb c = coordinatorsCsb(user);
    Source s = service.source(c, source);
    model.addAttribute("csb", c);
    model.addAttribute("source", s);
    model.addAttribute("statusName", s.state().status().name());
    DataEntryState state = s.state();
    if (state instanceof EntriesDifferent d) {
      List<Difference> diffs = new ArrayList<>();
      Map<String, Row> labels = new LinkedHashMap<>();
      rows(c, source, d.first().results(), Set.of()).forEach(r -> labels.put(r.path(), r));
      for (String path : d.differingFields()) {
        Row r = labels.get(path);
        diffs.add(new Difference(r.code(), r.label(), d.first().results().valueOf(path).toString(),
            d.second().results().valueOf(path).toString()));
      }
      model.addAttribute("differences", diffs);
      List<DifferenceResolution> allowed = new ArrayList<>(List.of(DifferenceResolution.values()));
      if (d.first().origin() == EntryOrigin.IMPORTED) {
        // An imported file cannot be corrected by a typist: keep it or discard it (abacus.md §3.2).
        allowed.remove(DifferenceResolution.KEEP_SECOND_CORRECT_FIRST);
      }
      model.addAttribute("resolutions", allowed);
      model.addAttribute("firstImported", d.first().origin() == EntryOrigin.IMPORTED);
    } else if (state instanceof FirstEntryHasErrors e) {
      model.addAttribute("validation", codes(service.doubleEntry(service.shape(c, source)).validate(e.first().results()).all()));
      model.addAttribute("errorResolutions", e.first().origin() == EntryOrigin.IMPORTED
          ? List.of(ErrorResolution.DISCARD_FIRST_ENTRY) : List.of(ErrorResolution.values()));
    }
    return "csb/resolve";
  }

  @PostMapping("/{source}/resolve")
  String resolved(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable String source,
      @RequestParam String action, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    Step step;
    UserId me = new UserId(user.id());
    if (java.util.Arrays.stream(DifferenceResolution.values()).anyMatch(r -> r.name().equals(action))) {
      step = service.resolveDifferences(c, source, DifferenceResolution.valueOf(action), me, Actors.of(request));
    } else if (java.util.Arrays.stream(ErrorResolution.values()).anyMatch(r -> r.name().equals(action))) {
      step = service.resolveErrors(c, source, ErrorResolution.valueOf(action), me, Actors.of(request));
    } else {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    if (!step.accepted()) {
      flash.addFlashAttribute("refusal", step.refusal());
      return "redirect:/csb/" + source + "/resolve";
    }
    return "redirect:/csb";
  }

  // ---------------------------------------------------------------- result

  @GetMapping("/result")
  String result(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    Csb c = csb(user);
    model.addAttribute("csb", c);
    model.addAttribute("coordinator", user.role() == Role.COORDINATOR);
    if (c.isHsb()) {
      // The HSB adds up its kieskring (O 7, 510c); seats are the CSB's.
      model.addAttribute("view", hsbResults.view(c));
      return "hsb/result";
    }
    CsbResultService.ResultView view = results.view(c);
    model.addAttribute("view", view);
    model.addAttribute("lists", elections.lists(c.election().id()));
    // The button names the PV it makes: P 22-1 (TK, EP, PS2), U 16 (EK) or P 22-2 (one kieskring).
    model.addAttribute("pvModel", !view.multiDistrict() ? "P 22-2"
        : CsbMultiResult.pvKind(c) == CsbResultService.DocumentKind.U16 ? "U 16" : "P 22-1");
    return "csb/result";
  }

  @PostMapping("/result/deceased")
  String deceased(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String candidate,
      @RequestParam(defaultValue = "false") boolean remove, HttpServletRequest request, RedirectAttributes flash) {
    Csb c = centralCoordinatorsCsb(user);
    String[] parts = candidate.split("\\.");
    boolean ok;
    try {
      int list = Integer.parseInt(parts[0]);
      int position = Integer.parseInt(parts[1]);
      ok = remove ? results.removeDeceased(c, list, position, Actors.of(request))
          : results.addDeceased(c, list, position, user.id(), Actors.of(request));
    } catch (RuntimeException badCandidate) {
      ok = false;
    }
    if (!ok) {
      flash.addFlashAttribute("resultRefusal", "deceased");
    }
    return "redirect:/csb/result";
  }

  @PostMapping("/result/lot")
  String lot(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam String outcome,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = centralCoordinatorsCsb(user);
    if (!results.recordLot(c, outcome, user.id(), Actors.of(request))) {
      flash.addFlashAttribute("resultRefusal", "lot");
    }
    return "redirect:/csb/result";
  }

  @PostMapping("/result/lots/clear")
  String clearLots(@AuthenticationPrincipal UitslagPrincipal user, HttpServletRequest request) {
    results.clearLots(centralCoordinatorsCsb(user), Actors.of(request));
    return "redirect:/csb/result";
  }

  @PostMapping("/result/finalise")
  String finalise(@AuthenticationPrincipal UitslagPrincipal user, HttpServletRequest request,
      RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    var outcome = c.isHsb() ? hsbResults.finalise(c, user.id(), Actors.of(request))
        : results.finalise(c, user.id(), Actors.of(request));
    if (outcome != CsbResultService.FinaliseOutcome.FINALISED) {
      flash.addFlashAttribute("resultRefusal", outcome.name());
    }
    return "redirect:/csb/result";
  }

  @PostMapping("/result/reopen")
  String reopen(@AuthenticationPrincipal UitslagPrincipal user, HttpServletRequest request) {
    results.reopen(coordinatorsCsb(user), Actors.of(request));
    return "redirect:/csb/result";
  }

  @GetMapping("/documents/{kind}")
  ResponseEntity<byte[]> document(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable DocumentKind kind) {
    Csb c = coordinatorsCsb(user);
    CsbRepository.StoredFile f = results.document(c, kind)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName()).build()
            .toString())
        .body(f.content());
  }

  // ---------------------------------------------------------------- helpers

  /** One field of the GSB-totals form: index in paper order, path, paper code, label, value. */
  record Row(int index, String path, String code, String label, String value, boolean reEnter, boolean heading) {}

  private List<Row> rows(Csb c, String source, ResultsModel results, Set<String> reEnter) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<Integer, String> listNames = new LinkedHashMap<>();
    Map<String, String> candidateNames = new LinkedHashMap<>();
    Optional<ContestLists> district = service.districtLists(c, source);
    if (district.isPresent()) {
      // A kieskring's totals are labelled with its own 230b: its lists and candidates differ from the others'.
      for (CandidateList l : district.get().lists()) {
        listNames.put(l.number(), l.appellation());
        for (Candidate cv : l.candidates()) {
          candidateNames.put("list." + l.number() + ".candidate." + cv.position(), cv.name().listName());
        }
      }
    } else {
      for (ElectionRepository.ListView l : elections.lists(c.election().id())) {
        listNames.put(l.number(), l.name());
        for (ElectionRepository.CandidateView cv : l.candidates()) {
          candidateNames.put("list." + l.number() + ".candidate." + cv.position(), cv.displayName());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    List<ResultsField> fields = results.fields();
    for (int i = 0; i < fields.size(); i++) {
      ResultsField f = fields.get(i);
      String path = f.path();
      String label;
      if (path.startsWith("E.")) {
        int n = Integer.parseInt(path.substring(2));
        label = messages.getMessage("csb.field.listTotalIn", new Object[] {n, listNames.getOrDefault(n, "")}, locale);
      } else if (path.endsWith(".total")) {
        label = messages.getMessage("csb.field.listTotal", new Object[] {path.split("\\.")[1]}, locale);
      } else if (candidateNames.containsKey(path)) {
        label = candidateNames.get(path);
      } else {
        label = messages.getMessage("csb.field." + path, null, path, locale);
      }
      String value = ((FieldValue.Count) f.value()).value() + "";
      rows.add(new Row(i, path, f.paperCode(), label, reEnter.contains(path) ? "" : value, reEnter.contains(path),
          path.endsWith(".candidate.1")));
    }
    return rows;
  }

  private static List<String> codes(List<ValidationResult> all) {
    List<String> out = new ArrayList<>();
    for (ValidationResult r : all) {
      String code = r.code().code() + (r.listNumber() == null ? "" : " (" + r.listNumber() + ")");
      if (!out.contains(code)) {
        out.add(code);
      }
    }
    return out;
  }

  private static EntryNumber entry(int n) {
    if (n == 1) {
      return EntryNumber.FIRST;
    }
    if (n == 2) {
      return EntryNumber.SECOND;
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  private Csb csb(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return service.csb(user.committeeId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** The coordinator of a centraal stembureau: deceased candidates and lots are no business of an HSB. */
  private Csb centralCoordinatorsCsb(UitslagPrincipal user) {
    Csb c = coordinatorsCsb(user);
    if (c.isHsb()) {
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

  /** Typists enter; a coordinator may too (a small CSB), but never both entries of one GSB (product.md §3). */
  private Csb typistsCsb(UitslagPrincipal user) {
    Csb c = csb(user);
    if (user.role() != Role.TYPIST && user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }

  private static boolean dutch() {
    return LocaleContextHolder.getLocale().getLanguage().equals("nl");
  }

  @ExceptionHandler(AirGapViolationException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String airGap(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.AIRGAP");
    return "dataentry/refused";
  }

  @ExceptionHandler(CsbService.UnknownSourceException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String unknownSource(Model model) {
    model.addAttribute("status", 404);
    return "error";
  }

  @ExceptionHandler(CsbService.ConcurrentChangeException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String concurrent(Model model) {
    model.addAttribute("refusalKey", "entry.refusal.CONCURRENT");
    return "dataentry/refused";
  }
}
