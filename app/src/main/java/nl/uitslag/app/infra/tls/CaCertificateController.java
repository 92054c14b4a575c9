package nl.uitslag.app.infra.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nl.uitslag.app.UitslagProperties;
import nl.uitslag.crypto.Certificates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public certificate of the installation CA, and a page explaining how to install it on a workstation;
 * both reachable before login, because a workstation needs them before it can trust the login page.
 */
@Controller
@ConditionalOnWebApplication
class CaCertificateController {
  static final MediaType CA_CERT = MediaType.parseMediaType("application/x-x509-ca-cert");

  private final Path caFile;

  CaCertificateController(UitslagProperties properties) {
    this.caFile = LocalTls.caCertificate(properties.dataDir());
  }

  @GetMapping("/ca.crt")
  ResponseEntity<byte[]> certificate() {
    Optional<String> pem = readPem();
    if (pem.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(CA_CERT)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("uitslag-ca.crt").build().toString())
        .body(pem.get().getBytes(StandardCharsets.US_ASCII));
  }

  @GetMapping("/ca")
  String page(Model model) {
    Optional<String> pem = readPem();
    model.addAttribute("caPresent", pem.isPresent());
    pem.ifPresent(
        p -> {
          var certificate = Certificates.fromPem(p).get(0);
          model.addAttribute("fingerprint", Certificates.fingerprint(certificate).toString());
          model.addAttribute("caName", certificate.getSubjectX500Principal().getName());
        });
    return "tls/ca";
  }

  /** Only the certificate itself: whatever else the file held, the response is re-encoded from the parsed form. */
  private Optional<String> readPem() {
    if (!Files.isRegularFile(caFile)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(caFile, StandardCharsets.US_ASCII);
      return Optional.of(Certificates.toPem(Certificates.fromPem(text).subList(0, 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
