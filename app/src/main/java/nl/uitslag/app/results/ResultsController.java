package nl.uitslag.app.results;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.keystore.KeyStoreException;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.app.results.ResultsFiles.BlankForms;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.results.ResultsRepository.Content;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.CountingMethod;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The coordinator's results page of a GSB: the session details the PV needs, the municipal totals, the
 * generated files with their fingerprints for download, and the blank forms to print before polling day.
 */
@Controller
class ResultsController {
  private final ResultsService service;
  private final DataEntryService dataEntry;

  ResultsController(ResultsService service, DataEntryService dataEntry) {
    this.service = service;
    this.dataEntry = dataEntry;
  }

  @GetMapping("/results")
  String page(@AuthenticationPrincipal UitslagPrincipal user, Model model) {
    CommitteeInfo c = committee(user);
    ResultsService.Overview o = service.overview(c);
    model.addAttribute("committee", c);
    model.addAttribute("overview", o);
    CountingMethod method = o.data().countingMethod();
    List<BlankForms> forms = new ArrayList<>();
    for (BlankForms f : BlankForms.values()) {
      if (f.appliesTo(method)) {
        forms.add(f);
      }
    }
    model.addAttribute("blankForms", forms);
    return "results/index";
  }

  @PostMapping("/results/details")
  String details(
      @AuthenticationPrincipal UitslagPrincipal user, @RequestParam String location, @RequestParam String start,
      HttpServletRequest request, RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    LocalDateTime when;
    try {
      when = LocalDateTime.parse(start);
    } catch (DateTimeParseException e) {
      redirect.addFlashAttribute("refusal", "INVALID_START");
      return "redirect:/results";
    }
    if (location.isBlank() || location.length() > 200) {
      redirect.addFlashAttribute("refusal", "INVALID_LOCATION");
      return "redirect:/results";
    }
    String refusal = service.saveDetails(c, location, when, Actors.of(request));
    if (refusal != null) {
      redirect.addFlashAttribute("refusal", refusal);
    } else {
      redirect.addFlashAttribute("done", "DETAILS_SAVED");
    }
    return "redirect:/results";
  }

  /**
   * The coordinator discards a polling station's definitive result so that it is entered twice again: the way
   * to correct a result after resuming a completed session, before the public session closes (abacus.md §2).
   */
  @PostMapping("/results/reset")
  String reset(
      @AuthenticationPrincipal UitslagPrincipal user, @RequestParam long station, HttpServletRequest request,
      RedirectAttributes redirect) {
    CommitteeInfo c = committee(user);
    DataEntryService.Step step = dataEntry.reset(c, station, new UserId(user.id()), Actors.of(request));
    redirect.addFlashAttribute(step.accepted() ? "done" : "refusal", step.accepted() ? "RESET" : "RESET_REFUSED");
    return "redirect:/results";
  }

  @GetMapping("/results/files/{kind}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable String kind, HttpServletRequest request) {
    CommitteeInfo c = committee(user);
    Kind k;
    try {
      k = Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Content content = service.download(c, k, Actors.of(request))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return attachment(content.file().fileName(), content.file().mediaType(), content.bytes());
  }

  /**
   * The 510b and PV sealed for the receiving committee (docs/COUNT-FILE-SECURITY.md): to a committee's certificate
   * held here (e.g. {@code CSB}) or, where none exists, to a password agreed on paper. The passphrase unlocks this
   * GSB's own signing key; neither is stored or logged.
   */
  @PostMapping("/results/seal")
  void seal(
      @AuthenticationPrincipal UitslagPrincipal user, @RequestParam String passphrase,
      @RequestParam(required = false) String recipient, @RequestParam(required = false) String password,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    CommitteeInfo c = committee(user);
    boolean toPassword = password != null && !password.isEmpty();
    boolean toCommittee = recipient != null && !recipient.isBlank();
    if (toPassword == toCommittee) {
      backToResults(request, response, "refusal", "SEAL_RECIPIENT");
      return;
    }
    TransferPackageService.Recipient to = toPassword
        ? new TransferPackageService.ToPassword(password.toCharArray())
        : new TransferPackageService.ToCommittee(recipient.strip());
    try {
      Optional<ResultsService.SealedPackage> sealed =
          service.sealForTransfer(c, to, passphrase.toCharArray(), Actors.of(request));
      if (sealed.isEmpty()) {
        backToResults(request, response, "refusal", "SEAL_NO_FILES");
        return;
      }
      response.setContentType("application/pkcs7-mime");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(sealed.get().fileName()).build().toString());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentLength(sealed.get().bytes().length);
      response.getOutputStream().write(sealed.get().bytes());
    } catch (RejectedException e) {
      backToResults(request, response, "sealRejection",
          TransferPackageService.message(e.reason(), LocaleContextHolder.getLocale()));
    } catch (KeyStoreException e) {
      backToResults(request, response, "refusal", "SEAL_NO_KEYS");
    }
  }

  /** A redirect to the results page with one flash attribute, for handlers that may also stream a download. */
  private static void backToResults(
      HttpServletRequest request, HttpServletResponse response, String name, String value) throws IOException {
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put(name, value);
    String target = request.getContextPath() + "/results";
    RequestContextUtils.saveOutputFlashMap(target, request, response);
    response.sendRedirect(target);
  }

  @GetMapping("/results/forms/{form}")
  ResponseEntity<byte[]> blankForms(
      @AuthenticationPrincipal UitslagPrincipal user, @PathVariable String form, HttpServletRequest request) {
    CommitteeInfo c = committee(user);
    BlankForms f;
    try {
      f = BlankForms.valueOf(form);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    ResultsFiles.File zip = service.blankForms(c, f, Actors.of(request));
    return attachment(zip.name(), Kind.ZIP.mediaType(), zip.content());
  }

  /** The blank Na 14-2 Bijlage 1 / Na 14-1 versie 2 of the next session's investigations, to print beforehand. */
  @GetMapping("/results/investigation-forms")
  ResponseEntity<byte[]> investigationForms(@AuthenticationPrincipal UitslagPrincipal user,
      HttpServletRequest request) {
    CommitteeInfo c = committee(user);
    ResultsFiles.File zip = service.investigationForms(c, Actors.of(request))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return attachment(zip.name(), Kind.ZIP.mediaType(), zip.content());
  }

  private static ResponseEntity<byte[]> attachment(String name, String mediaType, byte[] bytes) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(mediaType))
        .contentLength(bytes.length)
        .body(bytes);
  }

  /** Only the coordinator of a GSB sees its results. */
  private CommitteeInfo committee(UitslagPrincipal user) {
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
