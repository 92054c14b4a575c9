package nl.uitslag.app.keystore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.keystore.KeyStoreRepository.ElectionChoice;
import nl.uitslag.app.keystore.TransferPackageService.Expectation;
import nl.uitslag.app.keystore.TransferPackageService.Opened;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a coordinator (or the administrator) checks a received transfer package: it is opened and verified, the
 * outcome is shown, and the fingerprint challenge against the paper PV completes the check. Nothing of the package
 * is stored; only what the audit log records about it.
 */
@Controller
@RequestMapping("/packages/check")
class PackageCheckController {
  private static final String PENDING = "packageCheckPending";
  /** A TK count file with its P 22-2 is a few MB; the crypto module bounds the unpacked content separately. */
  static final int MAX_PACKAGE_BYTES = 25 * 1024 * 1024;

  private final TransferPackageService packages;
  private final KeyStoreRepository repository;

  PackageCheckController(TransferPackageService packages, KeyStoreRepository repository) {
    this.packages = packages;
    this.repository = repository;
  }

  /** What the page keeps between opening and the fingerprint challenge: the summary, never the file. */
  record Checked(
      long electionId,
      String electionIdentifier,
      String kind,
      int sequence,
      String senderId,
      Instant createdAt,
      String emlName,
      String pdfName,
      String signerCommitteeId,
      String signerName,
      String signerFingerprint,
      String emlFingerprint,
      Fingerprint.Challenge challenge,
      Opened opened) {}

  @GetMapping
  String show(@AuthenticationPrincipal UitslagPrincipal user, HttpSession session, Model model) {
    return page(user, session, model);
  }

  @PostMapping
  String check(
      @AuthenticationPrincipal UitslagPrincipal user,
      @RequestParam long electionId,
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "") String secret,
      HttpSession session,
      HttpServletRequest request,
      Model model)
      throws IOException {
    session.removeAttribute(PENDING);
    long election = allowedElection(user, electionId);
    if (file.isEmpty() || file.getSize() > MAX_PACKAGE_BYTES) {
      model.addAttribute("errorKey", "keystore.check.size");
      return page(user, session, model);
    }
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(MAX_PACKAGE_BYTES);
    }
    char[] chars = secret.toCharArray();
    try {
      Opened opened = packages.open(election, bytes, chars, Expectation.any(), Actors.of(request));
      session.setAttribute(
          PENDING,
          new Checked(
              election, opened.electionIdentifier(), opened.kind(), opened.sequence(), opened.senderId(),
              opened.createdAt(), opened.eml().name(), opened.pdf().map(p -> p.name()).orElse(null),
              opened.signerCommitteeId(), opened.signerName(), opened.signerFingerprint(), opened.emlFingerprint(),
              opened.challenge(), opened));
    } catch (RejectedException e) {
      model.addAttribute("rejection", e.reason());
      model.addAttribute("rejectionDetail", e.getMessage());
    } catch (KeyStoreException e) {
      model.addAttribute("errorKey", e.messageKey());
    } finally {
      Arrays.fill(chars, '\0');
    }
    return page(user, session, model);
  }

  @PostMapping("/confirm")
  String confirm(
      @AuthenticationPrincipal UitslagPrincipal user,
      @RequestParam String first,
      @RequestParam String second,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    Checked pending = (Checked) session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    if (pending == null) {
      return "redirect:/packages/check";
    }
    allowedElection(user, pending.electionId());
    try {
      packages.confirmFingerprint(pending.opened(), first, second, Actors.of(request));
      model.addAttribute("accepted", pending);
    } catch (RejectedException e) {
      model.addAttribute("rejection", e.reason());
      model.addAttribute("rejectionDetail", e.getMessage());
    }
    return page(user, session, model);
  }

  private String page(UitslagPrincipal user, HttpSession session, Model model) {
    requireAllowed(user);
    List<ElectionChoice> elections = repository.elections();
    if (user.role() != Role.ADMINISTRATOR) {
      Long own = user.committeeId() == null ? null : repository.electionOfCommittee(user.committeeId()).orElse(null);
      elections = elections.stream().filter(e -> own != null && e.id() == own).toList();
    }
    model.addAttribute("elections", elections);
    model.addAttribute("pending", session.getAttribute(PENDING));
    Object rejection = model.getAttribute("rejection");
    if (rejection instanceof nl.uitslag.crypto.Rejection) {
      model.addAttribute(
          "rejectionMessage",
          TransferPackageService.message(
              (nl.uitslag.crypto.Rejection) rejection,
              org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
    return "keystore/check";
  }

  /** Only the administrator and coordinators check packages; a coordinator only for their own committee's election. */
  private long allowedElection(UitslagPrincipal user, long electionId) {
    requireAllowed(user);
    if (user.role() == Role.ADMINISTRATOR) {
      return electionId;
    }
    Long own = user.committeeId() == null ? null : repository.electionOfCommittee(user.committeeId()).orElse(null);
    if (own == null || own != electionId) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return electionId;
  }

  private static void requireAllowed(UitslagPrincipal user) {
    if (user == null || (user.role() != Role.ADMINISTRATOR && user.role() != Role.COORDINATOR)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }
}
