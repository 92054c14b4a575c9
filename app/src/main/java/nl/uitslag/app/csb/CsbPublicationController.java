package nl.uitslag.app.csb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.csb.CsbResultService.DocumentKind;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.keystore.FileSignatureService.StoredSignature;
import nl.uitslag.app.keystore.KeyStoreException;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagPrincipal;
import nl.uitslag.crypto.RejectedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's "sign for publication" of the CSB's finalised 510d and 520, and the download of each detached
 * signature beside its file. The passphrase unlocks the CSB's signing key for this one request; it is never stored.
 */
@Controller
class CsbPublicationController {
  private final CsbService service;
  private final CsbPublication publication;
  private final MessageSource messages;

  CsbPublicationController(CsbService service, CsbPublication publication, MessageSource messages) {
    this.service = service;
    this.publication = publication;
    this.messages = messages;
  }

  @PostMapping("/csb/result/sign")
  String sign(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam(defaultValue = "") String passphrase,
      HttpServletRequest request, RedirectAttributes flash) {
    Csb c = coordinatorsCsb(user);
    char[] secret = passphrase.toCharArray();
    try {
      flash.addFlashAttribute("signedCount", publication.sign(c, secret, Actors.of(request)));
    } catch (RejectedException e) {
      flash.addFlashAttribute("signRejection",
          TransferPackageService.message(e.reason(), LocaleContextHolder.getLocale()));
      flash.addFlashAttribute("signRejectionCode", e.reason().name());
    } finally {
      Arrays.fill(secret, '\0');
    }
    return "redirect:/csb/result#publication";
  }

  /**
   * The HSB's 510c and O 7 sealed for the CSB, streamed as a download; a refusal goes back to the result page with
   * its reason. The passphrase and a package password are used for this request only, never stored or logged.
   */
  @PostMapping("/csb/result/seal")
  void seal(@AuthenticationPrincipal UitslagPrincipal user, @RequestParam(defaultValue = "") String passphrase,
      @RequestParam(required = false) String recipient, @RequestParam(required = false) String password,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    Csb c = coordinatorsCsb(user);
    boolean toPassword = password != null && !password.isEmpty();
    boolean toCommittee = recipient != null && !recipient.isBlank();
    if (toPassword == toCommittee) {
      back(request, response, messages.getMessage("hsb.seal.recipientOrPassword", null,
          LocaleContextHolder.getLocale()));
      return;
    }
    TransferPackageService.Recipient to = toPassword
        ? new TransferPackageService.ToPassword(password.toCharArray())
        : new TransferPackageService.ToCommittee(recipient.strip());
    char[] secret = passphrase.toCharArray();
    try {
      Optional<byte[]> sealed = publication.sealForTransfer(c, to, secret, Actors.of(request));
      if (sealed.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
      String name = publication.status(c).get(0).fileName() + ".p7m";
      response.setContentType("application/pkcs7-mime");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(name).build().toString());
      response.setContentLength(sealed.get().length);
      response.getOutputStream().write(sealed.get());
    } catch (RejectedException e) {
      back(request, response, TransferPackageService.message(e.reason(), LocaleContextHolder.getLocale()));
    } catch (KeyStoreException e) {
      back(request, response, messages.getMessage("hsb.seal.noKeys", null, LocaleContextHolder.getLocale()));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static void back(HttpServletRequest request, HttpServletResponse response, String reason)
      throws IOException {
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put("sealRejection", reason);
    String target = request.getContextPath() + "/csb/result";
    RequestContextUtils.saveOutputFlashMap(target, request, response);
    response.sendRedirect(target + "#transfer");
  }

  @GetMapping("/csb/documents/{kind}/signature")
  ResponseEntity<byte[]> signature(@AuthenticationPrincipal UitslagPrincipal user, @PathVariable DocumentKind kind) {
    Csb c = coordinatorsCsb(user);
    StoredSignature s = publication.signature(c, kind)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/pkcs7-signature"))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(s.signatureFileName()).build().toString())
        .body(s.signature());
  }

  /** As the document downloads: only the CSB's coordinator; users of other committees get 404. */
  private Csb coordinatorsCsb(UitslagPrincipal user) {
    if (user == null || user.committeeId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Csb c = service.csb(user.committeeId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (user.role() != Role.COORDINATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return c;
  }
}
