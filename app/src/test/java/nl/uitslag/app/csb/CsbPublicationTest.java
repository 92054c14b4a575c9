package nl.uitslag.app.csb;

import static nl.uitslag.app.csb.Gr2022Files.WMW_230B;
import static nl.uitslag.app.csb.Gr2022Files.WMW_510B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.keys.VerifySealCommand;
import nl.uitslag.app.keystore.FileSignatureService;
import nl.uitslag.app.keystore.KeyStoreService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.DetachedSignatures;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.domain.results.GsbResults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/**
 * The CSB of GR2022 West Maas en Waal signs its finalised 510d and 520 for publication (product.md §4, issue 8):
 * the detached signatures verify against the election CA and fail after one flipped byte, are stored once and
 * downloaded byte for byte, and a revoked CSB certificate is refused by {@code uitslag verify-seal} with its own
 * exit code, both from the exported revocation list and from the server's database. Tests run in order on one
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsbPublicationTest {
  private static final char[] CA = "ceremonie west maas en waal 2022".toCharArray();
  private static final char[] CSB_KEY = "wachtzin centraal stembureau wmw".toCharArray();
  private static final Actor ACTOR = new Actor(null, "test", "127.0.0.1");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired CsbService service;
  @Autowired KeyStoreService keys;
  @Autowired FileSignatureService signatures;
  @Autowired AuditLog audit;

  @Value("${uitslag.data-dir}")
  String dataDir;

  @TempDir static Path published;

  static CsbTestSupport csb;
  static long election;

  /** Import, second entry and finalise first: once a trust anchor exists, only sealed files are taken in. */
  @BeforeEach
  void aFinalisedCsbWithKeys() throws Exception {
    if (csb != null) {
      return;
    }
    csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(WMW_510B, 17),
        Gr2022Files.read(WMW_230B));
    byte[] file = Gr2022Files.read(WMW_510B);
    MockHttpSession session = new MockHttpSession();
    csb.upload(session, "Telling_GR2022_WestMaasenWaal.eml.xml", file);
    csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));
    CsbService.Csb c = service.csb(csb.committeeId).orElseThrow();
    GsbResults paper = GsbTotals.fromCount(Gr2022Files.count(WMW_510B).contests().get(0).total(), service.shape(c));
    csb.enter(csb.anna, "0668", 2, paper).andExpect(flash().attribute("finished", "DEFINITIVE"));
    csb.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    election = c.election().id();
    keys.createAuthority(election, "Centraal stembureau West Maas en Waal", LocalDate.of(2022, 1, 1),
        LocalDate.of(2035, 12, 31), CA, ACTOR);
    keys.issueCommittee(election, "CSB", "Centraal stembureau West Maas en Waal", CA, CSB_KEY, ACTOR);
  }

  private long storedSignatures() {
    return jdbc.sql("SELECT count(*) FROM keystore_file_signature").query(Long.class).single();
  }

  private byte[] download(String path) throws Exception {
    return mvc.perform(get(path).with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
  }

  private ElectionTrust trust() {
    return ElectionTrust.of(Certificates.fromPem(keys.exportCertificate(election, "authority")).get(0));
  }

  @Test
  @Order(1)
  void theResultPageOffersSigningAfterFinalisingAndAWrongPassphraseSignsNothing() throws Exception {
    mvc.perform(get("/csb/result").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("id=\"sign-form\"")))
        .andExpect(content().string(containsString("nog niet ondertekend")));
    csb.asCoordinator(post("/csb/result/sign").param("passphrase", "niet de goede wachtzin"))
        .andExpect(flash().attribute("signRejectionCode", "WRONG_PASSPHRASE"));
    assertThat(storedSignatures()).isZero();
    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("FILE_SIGN_REFUSED")
        && e.details().contains("WRONG_PASSPHRASE"));
    mvc.perform(get("/csb/documents/EML_510D/signature").with(csb.as(csb.coordinator)))
        .andExpect(status().isNotFound());
  }

  @Test
  @Order(2)
  void aTypistCannotSign() throws Exception {
    mvc.perform(post("/csb/result/sign").param("passphrase", new String(CSB_KEY)).with(csb.as(csb.anna))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden());
    assertThat(storedSignatures()).isZero();
  }

  @Test
  @Order(3)
  void the510dAnd520AreSignedAndVerifyWithTheCaButNotAfterAFlippedByte() throws Exception {
    csb.asCoordinator(post("/csb/result/sign").param("passphrase", new String(CSB_KEY)))
        .andExpect(flash().attribute("signedCount", 2));
    assertThat(storedSignatures()).isEqualTo(2);
    for (String kind : new String[] {"EML_510D", "EML_520"}) {
      byte[] file = download("/csb/documents/" + kind);
      byte[] p7s = mvc.perform(get("/csb/documents/" + kind + "/signature").with(csb.as(csb.coordinator)))
          .andExpect(status().isOk())
          .andExpect(header().string("Content-Disposition", containsString("GR2022_WestMaasenWaal.eml.xml.p7s")))
          .andReturn().getResponse().getContentAsByteArray();
      DetachedSignatures.Signer signer = DetachedSignatures.verify(file, p7s, trust(), Instant.now());
      assertThat(signer.committeeId()).isEqualTo("CSB");
      assertThat(Certificates.allows(signer.certificate(), KeyPurpose.SIGNING)).isTrue();

      byte[] flipped = file.clone();
      flipped[flipped.length / 2] ^= 1;
      assertThatThrownBy(() -> DetachedSignatures.verify(flipped, p7s, trust(), Instant.now()))
          .isInstanceOfSatisfying(RejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(Rejection.BAD_SIGNATURE));

      assertThat(download("/csb/documents/" + kind + "/signature")).as("byte-stable download").isEqualTo(p7s);
      Files.write(published.resolve(kind + ".eml.xml"), file);
      Files.write(published.resolve(kind + ".eml.xml.p7s"), p7s);
    }
    assertThat(audit.events(10)).filteredOn(e -> e.eventType().equals("FILE_SIGNED")).hasSize(2);
    mvc.perform(get("/csb/result").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("id=\"sig-EML_510D\"")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"sign-form\""))));
  }

  @Test
  @Order(4)
  void signingAgainKeepsTheStoredSignatureSoThePublishedBytesNeverChange() throws Exception {
    byte[] before = download("/csb/documents/EML_510D/signature");
    byte[] file = download("/csb/documents/EML_510D");
    var again = signatures.sign(election, "CSB", "x.eml.xml", file, "wrong but unused".toCharArray(), ACTOR);
    assertThat(again.signature()).isEqualTo(before);
    assertThat(storedSignatures()).isEqualTo(2);
  }

  @Test
  @Order(5)
  void aFileNamingAnotherCommitteeIsNotSignedAsTheCsb() {
    assertThatThrownBy(() -> signatures.sign(election, "CSB", "Telling.eml.xml", Gr2022Files.read(WMW_510B),
            CSB_KEY, ACTOR))
        .isInstanceOfSatisfying(RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Rejection.SIGNER_NOT_MANAGING_AUTHORITY));
  }

  @Test
  @Order(10)
  void verifySealAcceptsThePublishedFileAndRefusesItOnceTheSignerIsRevoked() throws Exception {
    Path anchor = published.resolve("authority.crt.pem");
    Files.writeString(anchor, keys.exportCertificate(election, "authority"));
    Path file = published.resolve("EML_510D.eml.xml");
    assertThat(verifySeal(file.toString(), "--trust", anchor.toString())).as(lastErr).isZero();
    assertThat(lastOut).contains("signed by CSB");

    String serial = keys.overview(election).certificates().stream()
        .filter(v -> v.committeeId().equals("CSB") && v.purpose() == KeyPurpose.SIGNING)
        .findFirst().orElseThrow().serial();
    keys.revoke(election, serial, "sleutel kwijtgeraakt", ACTOR);
    users.insert("pubbeheer", "B. Heerder", "unused", nl.uitslag.app.users.Role.ADMINISTRATOR, null, false,
        Instant.now());

    // The list the key page exports, used on a machine without the database.
    byte[] list = mvc.perform(get("/admin/elections/" + election + "/keys/revoked")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                details.loadUserByUsername("pubbeheer"))))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(list, StandardCharsets.UTF_8)).contains("format=uitslag-revoked/1")
        .contains("election=GR2022_WestMaasenWaal").contains("revoked=" + serial + ";");
    Path revoked = published.resolve("revoked.txt");
    Files.write(revoked, list);
    assertThat(verifySeal(file.toString(), "--trust", anchor.toString(), "--revoked", revoked.toString()))
        .as("a revoked signer has its own exit code").isEqualTo(3);
    assertThat(lastErr).contains("CERTIFICATE_REVOKED").contains("ingetrokken").contains("sleutel kwijtgeraakt");

    // The same from the server's own database.
    assertThat(verifySeal(file.toString(), "--trust", anchor.toString(), "--data-dir", dataDir)).isEqualTo(3);
    assertThat(lastErr).contains("CERTIFICATE_REVOKED");

    // And the server signs nothing more with it.
    assertThatThrownBy(() -> signatures.sign(election, "CSB", "new.pdf", new byte[] {1, 2, 3}, CSB_KEY, ACTOR))
        .isInstanceOf(RejectedException.class);
  }

  private String lastOut;
  private String lastErr;

  private int verifySeal(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new VerifySealCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    lastOut = out.toString();
    lastErr = err.toString();
    return code;
  }
}
