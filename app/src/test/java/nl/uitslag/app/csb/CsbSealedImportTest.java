package nl.uitslag.app.csb;

import static nl.uitslag.app.csb.Gr2022Files.VLIELAND_510B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.keystore.KeyStoreService;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.app.keystore.TransferPackageService.ToCommittee;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Once the CSB has a confirmed trust anchor, a GSB's count file is taken in only as a sealed transfer package:
 * signed by the GSB named as the file's ManagingAuthority and encrypted to this CSB (product.md §4). A plain file,
 * a damaged package or a wrong passphrase is refused with its reason and leaves nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CsbSealedImportTest {
  private static final char[] CA = "ceremonie vlieland centraal 2022".toCharArray();
  private static final char[] GSB = "wachtzin gemeentelijk stembureau 0096".toCharArray();
  private static final char[] CSB = "wachtzin centraal stembureau ontvangst".toCharArray();
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
  @Autowired TransferPackageService packages;

  static CsbTestSupport csb;
  static byte[] sealed;

  @BeforeEach
  void aCsbWithKeys() throws Exception {
    if (csb == null) {
      csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(VLIELAND_510B, 9),
          Gr2022Files.candidateLists(VLIELAND_510B));
      long election = service.csb(csb.committeeId).orElseThrow().election().id();
      keys.createAuthority(election, "Centraal stembureau Vlieland", LocalDate.of(2022, 1, 1),
          LocalDate.of(2035, 12, 31), CA, ACTOR);
      keys.issueCommittee(election, "0096", "Gemeentelijk stembureau Vlieland", CA, GSB, ACTOR);
      keys.issueCommittee(election, "CSB", "Centraal stembureau Vlieland", CA, CSB, ACTOR);
      sealed = packages.seal("0096", Gr2022Files.read(VLIELAND_510B), null, 1, new ToCommittee("CSB"), GSB, ACTOR);
    }
  }

  private CsbService.Csb theCsb() {
    return service.csb(csb.committeeId).orElseThrow();
  }

  private long storedFiles() {
    return jdbc.sql("SELECT count(*) FROM csb_count_file").query(Long.class).single();
  }

  @Test
  void aPlainFileIsRefusedOnceATrustAnchorIsConfirmed() {
    long before = storedFiles();
    assertThat(service.requiresSealedFiles(theCsb())).isTrue();
    assertThatThrownBy(() -> service.readCountFile(theCsb(), "Telling.eml.xml", Gr2022Files.read(VLIELAND_510B)))
        .isInstanceOf(CsbService.CountFileRejected.class)
        .hasMessageContaining("sealed transfer package");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void theSealedPackageOpensToTheCountFileWithItsOwnFingerprint() {
    long before = storedFiles();
    CsbService.PendingImport pending = service.readSealedCountFile(theCsb(), sealed, CSB, ACTOR);
    assertThat(pending.source()).isEqualTo("0096");
    assertThat(pending.fingerprint())
        .isEqualTo(Fingerprint.of(Gr2022Files.read(VLIELAND_510B)).toString());
    assertThat(storedFiles()).as("nothing is stored before the fingerprint challenge").isEqualTo(before);
  }

  @Test
  void aWrongPassphraseOrAFlippedByteIsRefusedWithItsReason() {
    long before = storedFiles();
    assertThatThrownBy(() -> service.readSealedCountFile(theCsb(), sealed, "niet de wachtzin".toCharArray(), ACTOR))
        .isInstanceOf(CsbService.CountFileRejected.class);
    byte[] flipped = sealed.clone();
    flipped[flipped.length / 2] ^= 1;
    var wrongPassphrase = catchRejection(sealed, "niet de wachtzin".toCharArray());
    var damaged = catchRejection(flipped, CSB);
    assertThat(damaged.english()).isNotEqualTo(wrongPassphrase.english());
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  // Last: once the file is imported, reading it again is refused without an investigation order (docs/CSB.md §8).
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void theUploadPageTakesThePackageWithThePassphraseAndAsksForTheFingerprint() throws Exception {
    long before = storedFiles();
    MockHttpSession session = new MockHttpSession();
    mvc.perform(multipart("/csb/import")
            .file(new MockMultipartFile("file", "0096.pakket", "application/octet-stream", sealed))
            .param("secret", new String(CSB))
            .with(csb.as(csb.coordinator)).with(csrf()).session(session))
        .andExpect(flash().attributeCount(0));
    assertThat(session.getAttribute("csbPendingImport")).isInstanceOf(CsbService.PendingImport.class);
    csb.confirm(session, Gr2022Files.read(VLIELAND_510B), true)
        .andExpect(flash().attribute("importOutcome", "IMPORTED"));
    assertThat(storedFiles()).isEqualTo(before + 1);
  }

  private CsbService.CountFileRejected catchRejection(byte[] pkg, char[] secret) {
    try {
      service.readSealedCountFile(theCsb(), pkg, secret, ACTOR);
    } catch (CsbService.CountFileRejected e) {
      return e;
    }
    throw new AssertionError("the package was accepted");
  }
}
