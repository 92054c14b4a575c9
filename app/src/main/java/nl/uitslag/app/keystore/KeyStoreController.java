package nl.uitslag.app.keystore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.keystore.KeyStoreService.CertificateView;
import nl.uitslag.app.keystore.KeyStoreService.PendingAnchor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrator's key screens of one election: create the election CA, issue committee certificates, import
 * trust anchors (confirmed with the fingerprint challenge) and committee bundles, revoke, export, and print the
 * fingerprint sheet for the key ceremony.
 */
@Controller
@RequestMapping("/admin/elections/{electionId}/keys")
class KeyStoreController {
  private static final String PENDING = "keystorePendingAnchor";
  /** A PEM bundle of a committee is a few kilobytes; anything near this is not one. */
  private static final int MAX_PEM_BYTES = 256 * 1024;

  private final KeyStoreService keys;

  KeyStoreController(KeyStoreService keys) {
    this.keys = keys;
  }

  /**
   * The key page; with {@code setup} it is the step right after the import wizard created the election: confirm the
   * trust anchor before anything of the election is trusted (docs/COUNT-FILE-SECURITY.md §8.2 step 5).
   */
  @GetMapping
  String show(@PathVariable long electionId, @RequestParam(defaultValue = "false") boolean setup,
      HttpSession session, Model model) {
    model.addAttribute("setup", setup);
    return page(electionId, session, model);
  }

  @GetMapping("/sheet")
  String sheet(@PathVariable long electionId, Model model) {
    model.addAttribute("overview", keys.overview(electionId));
    return "keystore/sheet";
  }

  @PostMapping("/authority")
  String createAuthority(
      @PathVariable long electionId,
      @RequestParam String authorityName,
      @RequestParam String from,
      @RequestParam String until,
      @RequestParam String passphrase,
      @RequestParam String passphraseRepeat,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    char[] secret = passphrase.toCharArray();
    try {
      if (!passphrase.equals(passphraseRepeat)) {
        throw new KeyStoreException("keystore.error.repeat", "passphrases differ");
      }
      var authority =
          keys.createAuthority(electionId, authorityName, date(from), date(until), secret, Actors.of(request));
      model.addAttribute("done", "keystore.authority.created");
      model.addAttribute("doneArg", authority.fingerprint());
    } catch (KeyStoreException e) {
      error(model, e);
    } finally {
      Arrays.fill(secret, '\0');
    }
    return page(electionId, session, model);
  }

  @PostMapping("/issue")
  String issue(
      @PathVariable long electionId,
      @RequestParam String committeeId,
      @RequestParam String committeeName,
      @RequestParam String authorityPassphrase,
      @RequestParam String committeePassphrase,
      @RequestParam String committeePassphraseRepeat,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    char[] ca = authorityPassphrase.toCharArray();
    char[] committee = committeePassphrase.toCharArray();
    try {
      if (!committeePassphrase.equals(committeePassphraseRepeat)) {
        throw new KeyStoreException("keystore.error.repeat", "passphrases differ");
      }
      List<CertificateView> issued =
          keys.issueCommittee(electionId, committeeId.strip(), committeeName, ca, committee, Actors.of(request));
      model.addAttribute("done", "keystore.issue.done");
      model.addAttribute("doneArg", issued.get(0).committeeId());
    } catch (KeyStoreException e) {
      error(model, e);
    } finally {
      Arrays.fill(ca, '\0');
      Arrays.fill(committee, '\0');
    }
    return page(electionId, session, model);
  }

  @PostMapping("/anchor/upload")
  String uploadAnchor(
      @PathVariable long electionId,
      @RequestParam("file") MultipartFile file,
      HttpSession session,
      HttpServletRequest request,
      Model model)
      throws IOException {
    session.removeAttribute(PENDING);
    try {
      PendingAnchor pending = keys.readTrustAnchor(electionId, text(file), Actors.of(request));
      session.setAttribute(PENDING, pending);
    } catch (KeyStoreException e) {
      error(model, e);
    }
    return page(electionId, session, model);
  }

  @PostMapping("/anchor/confirm")
  String confirmAnchor(
      @PathVariable long electionId,
      @RequestParam String first,
      @RequestParam String second,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    PendingAnchor pending = (PendingAnchor) session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    if (pending == null || pending.electionId() != electionId) {
      return "redirect:/admin/elections/" + electionId + "/keys";
    }
    if (keys.confirmTrustAnchor(pending, first, second, Actors.of(request))) {
      model.addAttribute("done", "keystore.anchor.confirmed");
      model.addAttribute("doneArg", pending.fingerprint());
    } else {
      model.addAttribute("rejection", nl.uitslag.crypto.Rejection.FINGERPRINT_MISMATCH);
    }
    return page(electionId, session, model);
  }

  @PostMapping("/anchor/cancel")
  String cancelAnchor(@PathVariable long electionId, HttpSession session) {
    session.removeAttribute(PENDING);
    return "redirect:/admin/elections/" + electionId + "/keys";
  }

  @PostMapping("/bundle")
  String importBundle(
      @PathVariable long electionId,
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "") String passphrase,
      HttpSession session,
      HttpServletRequest request,
      Model model)
      throws IOException {
    char[] secret = passphrase.toCharArray();
    try {
      List<CertificateView> imported = keys.importBundle(electionId, text(file), secret, Actors.of(request));
      model.addAttribute("done", "keystore.bundle.done");
      model.addAttribute("doneArg", imported.size());
    } catch (KeyStoreException e) {
      error(model, e);
    } finally {
      Arrays.fill(secret, '\0');
    }
    return page(electionId, session, model);
  }

  @PostMapping("/revoke")
  String revoke(
      @PathVariable long electionId,
      @RequestParam String serial,
      @RequestParam String reason,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    try {
      keys.revoke(electionId, serial, reason, Actors.of(request));
      model.addAttribute("done", "keystore.revoke.done");
      model.addAttribute("doneArg", serial);
    } catch (KeyStoreException e) {
      error(model, e);
    }
    return page(electionId, session, model);
  }

  @GetMapping("/certificate/{serial}")
  ResponseEntity<byte[]> certificate(@PathVariable long electionId, @PathVariable String serial) {
    String name = ("authority".equals(serial) ? "authority" : serial) + ".crt.pem";
    return download(keys.exportCertificate(electionId, serial), name);
  }

  @GetMapping("/anchor")
  ResponseEntity<byte[]> anchor(@PathVariable long electionId, @RequestParam String fingerprint) {
    return download(keys.exportAnchor(electionId, fingerprint), "trust-anchor.crt.pem");
  }

  /** The revocation list for the command line's {@code --revoked}, where the database is not at hand. */
  @GetMapping("/revoked")
  ResponseEntity<byte[]> revokedList(@PathVariable long electionId) {
    String identifier = keys.overview(electionId).electionIdentifier();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(identifier.replaceAll("[^A-Za-z0-9_.-]", "_") + ".revoked.txt").build().toString())
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(keys.exportRevocationList(electionId).getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/bundle/export")
  ResponseEntity<byte[]> exportBundle(
      @PathVariable long electionId, @RequestParam String committeeId, HttpServletRequest request) {
    String bundle = keys.exportBundle(electionId, committeeId, Actors.of(request));
    return download(bundle, committeeId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".bundle.pem");
  }

  /** An unknown election or certificate in the address is "not found", not a server error. */
  @org.springframework.web.bind.annotation.ExceptionHandler(KeyStoreException.class)
  ResponseEntity<String> notFound(KeyStoreException e) {
    return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND).build();
  }

  private String page(long electionId, HttpSession session, Model model) {
    Object rejection = model.getAttribute("rejection");
    if (rejection instanceof nl.uitslag.crypto.Rejection) {
      model.addAttribute(
          "rejectionMessage",
          TransferPackageService.message(
              (nl.uitslag.crypto.Rejection) rejection,
              org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
    model.addAttribute("overview", keys.overview(electionId));
    Object pending = session.getAttribute(PENDING);
    model.addAttribute(
        "pending", pending instanceof PendingAnchor && ((PendingAnchor) pending).electionId() == electionId
            ? pending : null);
    return "keystore/keys";
  }

  private static void error(Model model, KeyStoreException e) {
    if (e.rejection() != null) {
      model.addAttribute("rejection", e.rejection());
    } else {
      model.addAttribute("errorKey", e.messageKey());
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new KeyStoreException("keystore.error.validity", String.valueOf(text));
    }
  }

  private static String text(MultipartFile file) throws IOException {
    if (file.isEmpty() || file.getSize() > MAX_PEM_BYTES) {
      throw new KeyStoreException("keystore.error.pemUnreadable", "empty or too large: " + file.getSize());
    }
    try (InputStream in = file.getInputStream()) {
      return new String(in.readNBytes(MAX_PEM_BYTES), StandardCharsets.US_ASCII);
    }
  }

  private static ResponseEntity<byte[]> download(String pem, String fileName) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .contentType(MediaType.parseMediaType("application/x-pem-file"))
        .body(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
