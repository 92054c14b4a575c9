package nl.uitslag.app.keystore;

import static nl.uitslag.app.keystore.KeyStoreFixture.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.keystore.KeyStoreService.CertificateView;
import nl.uitslag.app.keystore.KeyStoreService.PendingAnchor;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.app.users.UserService;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.NamedFile;
import nl.uitslag.crypto.PackageMetadata;
import nl.uitslag.crypto.TransferPackages;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrator's key screens and the package check page, in Dutch: the key ceremony at the receiving authority
 * (West Maas en Waal), and at another installation (Vlieland) a trust anchor confirmed with the fingerprint
 * challenge, a committee bundle imported, and a sealed package checked through the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyStoreScreensTest {
  private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2035-12-31T23:59:59Z");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired KeyStoreService keys;
  @Autowired KeyStoreRepository repository;
  @Autowired AuditLog audit;
  @Autowired UserService users;
  @Autowired UserRepository userRepository;
  @Autowired UitslagUserDetailsService details;

  long westMaasEnWaal;
  long vlieland;
  RequestPostProcessor admin;
  RequestPostProcessor typist;

  @BeforeAll
  void twoElectionsAndTheirUsers() {
    users.createAdministrator("beheer", "B. Heerder", "correct horse battery".toCharArray(), "test");
    admin = user(details.loadUserByUsername("beheer"));
    westMaasEnWaal = election("GR2022_WestMaasenWaal", "Gemeenteraad West Maas en Waal 2022", "0668");
    vlieland = election("GR2022_Vlieland", "Gemeenteraad Vlieland 2022", "0096");
    long committee = elections.insertCommittee(vlieland, "CSB", "Centraal stembureau Vlieland", "CSB");
    userRepository.insert("invoer", "I. Voerder", "unused", Role.TYPIST, committee, false, Instant.now());
    typist = user(details.loadUserByUsername("invoer"));
  }

  @Test
  void theKeyCeremonyThroughTheScreens() throws Exception {
    String base = "/admin/elections/" + westMaasEnWaal + "/keys";
    mvc.perform(get(base).with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Er is nog geen vertrouwensanker")));
    mvc.perform(post(base + "/authority").with(admin).with(csrf())
            .param("authorityName", "Centraal stembureau West Maas en Waal")
            .param("from", "2022-01-01").param("until", "2035-12-31")
            .param("passphrase", "ceremonie west maas ca").param("passphraseRepeat", "ceremonie west maas ca"))
        .andExpect(content().string(Matchers.containsString("De certificaatautoriteit is gemaakt")));
    String caFingerprint = keys.overview(westMaasEnWaal).authority().orElseThrow().fingerprint();
    assertThat(caFingerprint).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");

    // A committee passphrase equal to the CA's is refused: they go to different people.
    mvc.perform(post(base + "/issue").with(admin).with(csrf())
            .param("committeeId", "0668").param("committeeName", "Gemeentelijk stembureau West Maas en Waal")
            .param("authorityPassphrase", "ceremonie west maas ca")
            .param("committeePassphrase", "ceremonie west maas ca")
            .param("committeePassphraseRepeat", "ceremonie west maas ca"))
        .andExpect(content().string(Matchers.containsString("moet verschillen van die van de certificaatautoriteit")));
    mvc.perform(post(base + "/issue").with(admin).with(csrf())
            .param("committeeId", "0668").param("committeeName", "Gemeentelijk stembureau West Maas en Waal")
            .param("authorityPassphrase", "niet de wachtzin van de ca")
            .param("committeePassphrase", "gsb west maas wachtzin")
            .param("committeePassphraseRepeat", "gsb west maas wachtzin"))
        .andExpect(content().string(Matchers.containsString("De wachtzin van het sleutelbestand is onjuist")));
    String page =
        mvc.perform(post(base + "/issue").with(admin).with(csrf())
                .param("committeeId", "0668").param("committeeName", "Gemeentelijk stembureau West Maas en Waal")
                .param("authorityPassphrase", "ceremonie west maas ca")
                .param("committeePassphrase", "gsb west maas wachtzin")
                .param("committeePassphraseRepeat", "gsb west maas wachtzin"))
            .andExpect(content().string(Matchers.containsString("De sleutels en certificaten van stembureau 0668 zijn gemaakt")))
            .andReturn().getResponse().getContentAsString();
    List<CertificateView> issued = keys.overview(westMaasEnWaal).certificates();
    assertThat(issued).extracting(CertificateView::purpose).containsExactly(KeyPurpose.ENCRYPTION, KeyPurpose.SIGNING);
    for (CertificateView c : issued) {
      assertThat(page).contains(c.fingerprint()).contains(c.serial());
      assertThat(c.keyHeld()).isTrue();
      assertThat(c.status()).isEqualTo(KeyStoreService.Status.VALID);
    }
    assertThat(page).contains(caFingerprint).contains("Ondertekenen").contains("Versleutelen");

    String pem =
        mvc.perform(get(base + "/certificate/" + issued.get(1).serial()).with(admin))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    assertThat(Certificates.fingerprint(Certificates.fromPem(pem).get(0)).toString()).isEqualTo(issued.get(1).fingerprint());
    assertThat(pem).doesNotContain("PRIVATE KEY");

    mvc.perform(get(base + "/sheet").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("/css/keystore.css")))
        .andExpect(content().string(Matchers.containsString(caFingerprint.split(" ")[15])))
        .andExpect(content().string(Matchers.containsString("Handtekening")));

    String bundle =
        mvc.perform(post(base + "/bundle/export").with(admin).with(csrf()).param("committeeId", "0668"))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    assertThat(bundle).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("-----BEGIN PRIVATE KEY-----");
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("KEYSTORE_BUNDLE_EXPORTED"));

    mvc.perform(post(base + "/revoke").with(admin).with(csrf())
            .param("serial", issued.get(1).serial()).param("reason", "sleutel verloren"))
        .andExpect(content().string(Matchers.containsString("is ingetrokken")))
        .andExpect(content().string(Matchers.containsString("sleutel verloren")));
    assertThat(keys.overview(westMaasEnWaal).certificates().get(1).status()).isEqualTo(KeyStoreService.Status.REVOKED);
    assertThat(audit.events(50))
        .anyMatch(e -> e.eventType().equals("KEYSTORE_AUTHORITY_CREATED") && e.details().contains(caFingerprint))
        .anyMatch(e -> e.eventType().equals("KEYSTORE_CERTIFICATES_ISSUED"))
        .anyMatch(e -> e.eventType().equals("KEYSTORE_CERTIFICATE_REVOKED"));
  }

  @Test
  void anotherInstallationTrustsTheAnchorImportsABundleAndChecksAPackage() throws Exception {
    String base = "/admin/elections/" + vlieland + "/keys";
    // The CA lives at the receiving authority's installation; here only its certificate arrives.
    Credential ca =
        Certificates.createElectionAuthority("GR2022_Vlieland", "Centraal stembureau Vlieland", FROM, UNTIL, RANDOM);
    Credential other =
        Certificates.createElectionAuthority("GR2022_Terschelling", "Centraal stembureau Terschelling", FROM, UNTIL, RANDOM);
    MockHttpSession session = new MockHttpSession();

    upload(base + "/anchor/upload", Certificates.toPem(List.of(other.certificate())), session)
        .andExpect(content().string(Matchers.containsString("Dit certificaat hoort bij een andere verkiezing")));
    assertThat(audit.events(5)).anyMatch(e -> e.eventType().equals("KEYSTORE_IMPORT_REJECTED"));

    // Wrong groups from the paper: refused, audited, not trusted.
    upload(base + "/anchor/upload", Certificates.toPem(List.of(ca.certificate())), session)
        .andExpect(content().string(Matchers.containsString("Vingerafdruk van het certificaat controleren")));
    PendingAnchor pending = (PendingAnchor) session.getAttribute("keystorePendingAnchor");
    Fingerprint fingerprint = Certificates.fingerprint(ca.certificate());
    assertThat(pending.fingerprint()).isEqualTo(fingerprint.toString());
    String wrong = fingerprint.group(pending.challenge().firstHidden()).equals("0000") ? "1111" : "0000";
    mvc.perform(post(base + "/anchor/confirm").with(admin).with(csrf()).session(session)
            .param("first", wrong).param("second", fingerprint.group(pending.challenge().secondHidden())))
        .andExpect(content().string(Matchers.containsString("komen niet overeen")));
    assertThat(keys.overview(vlieland).anchors()).isEmpty();

    upload(base + "/anchor/upload", Certificates.toPem(List.of(ca.certificate())), session);
    pending = (PendingAnchor) session.getAttribute("keystorePendingAnchor");
    mvc.perform(post(base + "/anchor/confirm").with(admin).with(csrf()).session(session)
            .param("first", fingerprint.group(pending.challenge().firstHidden()))
            .param("second", fingerprint.group(pending.challenge().secondHidden())))
        .andExpect(content().string(Matchers.containsString("als vertrouwensanker opgeslagen")));
    assertThat(keys.overview(vlieland).anchors()).extracting(KeyStoreService.AnchorView::fingerprint)
        .containsExactly(fingerprint.toString());

    // The CSB's bundle as the CLI writes it: certificates and encrypted keys, one PEM text.
    char[] passphrase = "csb vlieland ontvangst".toCharArray();
    Credential csbEncryption = issue(ca, "CSB", KeyPurpose.ENCRYPTION);
    Credential csbSigning = issue(ca, "CSB", KeyPurpose.SIGNING);
    String bundle =
        Certificates.toPem(List.of(csbEncryption.certificate(), csbSigning.certificate()))
            + EncryptedKeys.encrypt(csbEncryption.privateKey(), passphrase, RANDOM)
            + EncryptedKeys.encrypt(csbSigning.privateKey(), passphrase, RANDOM);
    mvc.perform(multipart(base + "/bundle")
            .file(new MockMultipartFile("file", "CSB.bundle.pem", "application/x-pem-file", bundle.getBytes(StandardCharsets.US_ASCII)))
            .param("passphrase", "not the bundle passphrase").with(admin).with(csrf()))
        .andExpect(content().string(Matchers.containsString("De wachtzin van het sleutelbestand is onjuist")));
    assertThat(keys.overview(vlieland).certificates()).isEmpty();
    mvc.perform(multipart(base + "/bundle")
            .file(new MockMultipartFile("file", "CSB.bundle.pem", "application/x-pem-file", bundle.getBytes(StandardCharsets.US_ASCII)))
            .param("passphrase", new String(passphrase)).with(admin).with(csrf()))
        .andExpect(content().string(Matchers.containsString("2 certificaten ingelezen")));
    assertThat(keys.overview(vlieland).certificates()).allMatch(CertificateView::keyHeld);

    // A certificate of another CA is not imported.
    Credential stranger = issue(other, "0096", KeyPurpose.SIGNING);
    mvc.perform(multipart(base + "/bundle")
            .file(new MockMultipartFile("file", "x.pem", "application/x-pem-file",
                Certificates.toPem(List.of(stranger.certificate())).getBytes(StandardCharsets.US_ASCII)))
            .with(admin).with(csrf()))
        .andExpect(content().string(Matchers.containsString("De ondertekenaar is niet bekend")));

    // The GSB Vlieland seals its count file for the CSB; the coordinator's page checks it.
    Credential gsb = issue(ca, "0096", KeyPurpose.SIGNING);
    byte[] eml = KeyStoreFixture.countFile();
    byte[] sealed =
        TransferPackages.seal(
            new PackageMetadata("GR2022_Vlieland", "510b", 1, "0096", Instant.now()),
            new NamedFile("Telling_GR2022_Vlieland.eml.xml", eml), null, gsb,
            new TransferPackages.ToCertificate(csbEncryption.certificate()),
            nl.uitslag.crypto.ElectionTrust.of(ca.certificate()), Instant.now(), RANDOM);
    MockHttpSession check = new MockHttpSession();
    mvc.perform(multipart("/packages/check")
            .file(new MockMultipartFile("file", "Telling.p7m", "application/octet-stream",
                Arrays.copyOf(sealed, sealed.length - 7)))
            .param("electionId", Long.toString(vlieland)).param("secret", new String(passphrase))
            .with(admin).with(csrf()).session(check))
        .andExpect(content().string(Matchers.containsString("Het pakket is geweigerd en niet opgeslagen")))
        .andExpect(content().string(Matchers.containsString("Het bestand is onvolledig")));
    assertThat(audit.events(1).get(0).eventType()).isEqualTo("TRANSFER_PACKAGE_REJECTED");

    mvc.perform(multipart("/packages/check")
            .file(new MockMultipartFile("file", "Telling.p7m", "application/octet-stream", sealed))
            .param("electionId", Long.toString(vlieland)).param("secret", new String(passphrase))
            .with(admin).with(csrf()).session(check))
        .andExpect(content().string(Matchers.containsString("Handtekening en herkomst zijn in orde")))
        .andExpect(content().string(Matchers.containsString("Gemeentelijk stembureau 0096")));
    PackageCheckController.Checked checked = (PackageCheckController.Checked) check.getAttribute("packageCheckPending");
    Fingerprint file = Fingerprint.of(eml);
    assertThat(checked.emlFingerprint()).isEqualTo(file.toString());
    mvc.perform(post("/packages/check/confirm").with(admin).with(csrf()).session(check)
            .param("first", file.group(checked.challenge().firstHidden()))
            .param("second", file.group(checked.challenge().secondHidden())))
        .andExpect(content().string(Matchers.containsString("is gecontroleerd en klopt met het papier")));
    assertThat(check.getAttribute("packageCheckPending")).isNull();
    assertThat(audit.events(1).get(0).eventType()).isEqualTo("TRANSFER_PACKAGE_FINGERPRINT_CONFIRMED");
  }

  @Test
  void onlyTheAdministratorManagesKeysATypistChecksNoPackageAndUnknownAddressesAreNotFound() throws Exception {
    mvc.perform(get("/admin/elections/" + vlieland + "/keys").with(typist)).andExpect(status().isForbidden());
    mvc.perform(get("/packages/check").with(typist)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/elections/999999/keys").with(admin)).andExpect(status().isNotFound());
    mvc.perform(get("/admin/elections/" + vlieland + "/keys/certificate/abc123").with(admin))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/keys").with(admin))
        .andExpect(content().string(Matchers.containsString("Gemeenteraad Vlieland 2022")));
  }

  private long election(String identifier, String name, String domainId) {
    return elections.insertElection(
        new ElectionView(0, identifier, name, "GR", "GR1", LocalDate.of(2022, 3, 16), 19, name, domainId, "CSO", null),
        Instant.parse("2022-01-10T09:00:00Z"));
  }

  private static Credential issue(Credential ca, String committee, KeyPurpose purpose) {
    KeyPair pair = Certificates.generateKeyPair(RANDOM);
    return new Credential(
        pair.getPrivate(),
        Certificates.issueCommitteeCertificate(
            ca, committee, "Gemeentelijk stembureau " + committee, purpose, pair.getPublic(), FROM, UNTIL, RANDOM));
  }

  private org.springframework.test.web.servlet.ResultActions upload(String path, String pem, MockHttpSession session)
      throws Exception {
    return mvc.perform(multipart(path)
        .file(new MockMultipartFile("file", "authority.crt.pem", "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII)))
        .with(admin).with(csrf()).session(session));
  }
}
