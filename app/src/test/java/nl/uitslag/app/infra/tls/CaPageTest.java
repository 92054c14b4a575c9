package nl.uitslag.app.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import nl.uitslag.crypto.Certificates;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CA certificate and its installation page are public (a workstation needs them before it trusts the login
 * page), carry only the public certificate, and HTTPS responses carry HSTS.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaPageTest {
  static Path dataDir;
  static LocalTls.Prepared tls;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    dataDir = Files.createTempDirectory("uitslag-test");
    tls =
        LocalTls.prepare(
            dataDir, "localhost", List.of(InetAddress.getLoopbackAddress()), Instant.now(), new SecureRandom());
    registry.add("uitslag.data-dir", dataDir::toString);
  }

  @Autowired MockMvc mvc;

  @Test
  void caCertificateIsServedBeforeAnyUserExistsAsACaCertificate() throws Exception {
    byte[] body =
        mvc.perform(get("/ca.crt"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/x-x509-ca-cert"))
            .andExpect(header().string("Content-Disposition", Matchers.containsString("uitslag-ca.crt")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String pem = new String(body, java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(pem).doesNotContain("PRIVATE KEY");
    assertThat(Certificates.fromPem(pem)).hasSize(1);
    assertThat(Certificates.fingerprint(Certificates.fromPem(pem).get(0))).isEqualTo(tls.caFingerprint());
  }

  @Test
  void installationPageShowsTheFingerprintInDutchAndEnglish() throws Exception {
    mvc.perform(get("/ca"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(tls.caFingerprint().toString())))
        .andExpect(content().string(Matchers.containsString("Vertrouwde basiscertificeringsinstanties")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("PRIVATE"))));
    mvc.perform(get("/ca").param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Trusted Root Certification Authorities")))
        .andExpect(content().string(Matchers.containsString(tls.caFingerprint().toString())));
  }

  @Test
  void otherPagesStillNeedSetupOrLogin() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/ca.crt.bak")).andExpect(status().is3xxRedirection());
  }

  @Test
  void secureResponsesCarryHstsAndPlainOnesDoNot() throws Exception {
    mvc.perform(get("/ca").secure(true))
        .andExpect(header().string("Strict-Transport-Security", Matchers.containsString("max-age=")));
    mvc.perform(get("/ca")).andExpect(header().doesNotExist("Strict-Transport-Security"));
  }
}
