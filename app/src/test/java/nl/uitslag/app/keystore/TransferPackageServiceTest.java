package nl.uitslag.app.keystore;

import static nl.uitslag.app.keystore.KeyStoreFixture.ACTOR;
import static nl.uitslag.app.keystore.KeyStoreFixture.CSB_PASSPHRASE;
import static nl.uitslag.app.keystore.KeyStoreFixture.ELECTION;
import static nl.uitslag.app.keystore.KeyStoreFixture.GSB_PASSPHRASE;
import static nl.uitslag.app.keystore.KeyStoreFixture.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditEvent;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.keystore.TransferPackageService.Expectation;
import nl.uitslag.app.keystore.TransferPackageService.Opened;
import nl.uitslag.app.keystore.TransferPackageService.ToCommittee;
import nl.uitslag.app.keystore.TransferPackageService.ToPassword;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.DetachedSignatures;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.NamedFile;
import nl.uitslag.crypto.PackageMetadata;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.crypto.TransferPackages;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service other features call to seal and open transfer packages (docs/COUNT-FILE-SECURITY.md §5), with the keys
 * held in the key store: a round trip, and every failure of issue 8 rejected with its own reason and message, an
 * audit event, and no row added anywhere but the audit log.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferPackageServiceTest {
  private static final byte[] PDF = "%PDF-1.7 Model Na 31-2 Vlieland".getBytes(StandardCharsets.US_ASCII);

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired ElectionRepository elections;
  @Autowired KeyStoreService keys;
  @Autowired KeyStoreRepository repository;
  @Autowired TransferPackageService packages;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  KeyStoreFixture fx;
  byte[] sealed;
  /** Which rejections the failure tests saw, to show at the end that each has its own message. */
  final Set<Rejection> seen = new HashSet<>();

  @BeforeAll
  void anElectionWithItsCaAndTwoCommittees() throws Exception {
    fx = new KeyStoreFixture(elections, keys, repository);
    sealed = packages.seal("0096", KeyStoreFixture.countFile(), PDF, 1, new ToCommittee("CSB"), GSB_PASSPHRASE, ACTOR);
  }

  @Test
  void everyFailureOfIssue8HasItsOwnMessageInBothLanguages() {
    List<Rejection> issue8 =
        List.of(Rejection.DAMAGED, Rejection.BAD_SIGNATURE, Rejection.WRONG_PASSPHRASE, Rejection.UNKNOWN_SIGNER,
            Rejection.CERTIFICATE_EXPIRED, Rejection.SIGNER_NOT_MANAGING_AUTHORITY, Rejection.NOT_FOR_US,
            Rejection.WRONG_PASSWORD, Rejection.TRUNCATED, Rejection.OLDER_PHASE, Rejection.CERTIFICATE_REVOKED,
            Rejection.FINGERPRINT_MISMATCH);
    assertThat(issue8.stream().map(r -> TransferPackageService.message(r, Locale.forLanguageTag("nl"))).distinct())
        .hasSize(issue8.size());
    assertThat(issue8.stream().map(r -> TransferPackageService.message(r, Locale.ENGLISH)).distinct())
        .hasSize(issue8.size());
  }

  @AfterAll
  void everyReasonSeenHasItsOwnMessageInBothLanguages() {
    assertThat(seen.stream().map(r -> TransferPackageService.message(r, Locale.forLanguageTag("nl"))).distinct())
        .hasSize(seen.size());
    assertThat(seen.stream().map(r -> TransferPackageService.message(r, Locale.ENGLISH)).distinct())
        .hasSize(seen.size());
  }

  @Test
  void roundTripSealedByTheGsbOpenedAtTheCsbWithTheFingerprintConfirmed() throws Exception {
    Opened opened = packages.open(fx.electionId, sealed, CSB_PASSPHRASE, new Expectation("510b", 1), ACTOR);
    assertThat(opened.eml().bytes()).isEqualTo(KeyStoreFixture.countFile());
    assertThat(opened.pdf()).isPresent();
    assertThat(opened.pdf().get().bytes()).isEqualTo(PDF);
    assertThat(opened.electionIdentifier()).isEqualTo(ELECTION);
    assertThat(opened.kind()).isEqualTo("510b");
    assertThat(opened.sequence()).isEqualTo(1);
    assertThat(opened.senderId()).isEqualTo("0096");
    assertThat(opened.signerCommitteeId()).isEqualTo("0096");
    assertThat(opened.signerName()).isEqualTo("Gemeentelijk stembureau Vlieland");
    assertThat(opened.signerFingerprint())
        .isEqualTo(Certificates.fingerprint(fx.storedCertificate("0096", KeyPurpose.SIGNING)).toString());
    Fingerprint file = Fingerprint.of(KeyStoreFixture.countFile());
    assertThat(opened.emlFingerprint()).isEqualTo(file.toString());
    // The detached signature can be published with the count file and checked on its own.
    assertThat(DetachedSignatures.verify(opened.eml().bytes(), opened.emlSignature(), fx.trust(), Instant.now())
            .committeeId())
        .isEqualTo("0096");
    Fingerprint.Challenge c = opened.challenge();
    packages.confirmFingerprint(opened, file.group(c.firstHidden()), file.group(c.secondHidden()), ACTOR);
    assertThat(events()).anyMatch(e -> e.eventType().equals("TRANSFER_PACKAGE_SEALED"));
    assertThat(events())
        .anyMatch(e -> e.eventType().equals("TRANSFER_PACKAGE_VERIFIED") && e.details().contains(file.toString()));
    assertThat(events()).anyMatch(e -> e.eventType().equals("TRANSFER_PACKAGE_FINGERPRINT_CONFIRMED"));
  }

  @Test
  void roundTripToAPasswordWithoutReport() throws Exception {
    char[] password = "overdracht-vlieland-2022".toCharArray();
    byte[] bytes =
        packages.seal("0096", KeyStoreFixture.countFile(), null, 2, new ToPassword(password), GSB_PASSPHRASE, ACTOR);
    Opened opened = packages.open(fx.electionId, bytes, password, Expectation.any(), ACTOR);
    assertThat(opened.pdf()).isEmpty();
    assertThat(opened.sequence()).isEqualTo(2);
  }

  @Test
  void flippedByteIsDamaged() {
    byte[] bytes = sealed.clone();
    bytes[bytes.length - 40] ^= 0x01;
    rejected(Rejection.DAMAGED, bytes, CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void truncatedPackageIsTruncated() {
    rejected(Rejection.TRUNCATED, Arrays.copyOf(sealed, sealed.length - 100), CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void wrongPassphraseOfOurKeyIsAWrongPassphrase() {
    rejected(Rejection.WRONG_PASSPHRASE, sealed, "not the csb passphrase".toCharArray(), Expectation.any());
  }

  @Test
  void signatureMadeWithTheWrongKeyIsABadSignature() throws Exception {
    Credential wrongKey =
        new Credential(
            Certificates.generateKeyPair(RANDOM).getPrivate(), fx.storedCertificate("0096", KeyPurpose.SIGNING));
    rejected(Rejection.BAD_SIGNATURE, forged(wrongKey, 1), CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void certificateFromAnUnknownAuthorityIsAnUnknownSigner() throws Exception {
    Credential forgerCa =
        Certificates.createElectionAuthority(
            ELECTION, "Centraal stembureau Vlieland", Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2035-12-31T00:00:00Z"), RANDOM);
    var pair = Certificates.generateKeyPair(RANDOM);
    Credential forger =
        new Credential(
            pair.getPrivate(),
            Certificates.issueCommitteeCertificate(
                forgerCa, "0096", "Gemeentelijk stembureau Vlieland", KeyPurpose.SIGNING, pair.getPublic(),
                Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2035-12-31T00:00:00Z"), RANDOM));
    rejected(Rejection.UNKNOWN_SIGNER, forged(forger, 1), CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void expiredSignerCertificateIsExpired() throws Exception {
    Credential expired =
        fx.issueUnstored("0096", KeyPurpose.SIGNING, Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2022-12-31T00:00:00Z"));
    rejected(Rejection.CERTIFICATE_EXPIRED, forged(expired, 1), CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void signerOtherThanTheManagingAuthorityIsRefused() throws Exception {
    // The CSB's genuine key signs the GSB Vlieland's count file (ManagingAuthority 0096).
    Credential csb = fx.stored("CSB", KeyPurpose.SIGNING, CSB_PASSPHRASE);
    rejected(Rejection.SIGNER_NOT_MANAGING_AUTHORITY, forged(csb, 1), CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void sealingRefusesACommitteeThatIsNotTheCountFilesManagingAuthority() {
    Map<String, Long> before = KeyStoreFixture.tableCounts(jdbc);
    long auditBefore = audit.count();
    assertReason(
        Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
        () -> packages.seal("CSB", KeyStoreFixture.countFile(), null, 1, new ToCommittee("CSB"), CSB_PASSPHRASE, ACTOR));
    assertThat(KeyStoreFixture.tableCounts(jdbc)).isEqualTo(before);
    assertThat(audit.count()).isEqualTo(auditBefore + 1);
    assertThat(last().eventType()).isEqualTo("TRANSFER_PACKAGE_SEAL_REFUSED");
  }

  @Test
  void packageForAnotherCommitteeIsNotForUs() throws Exception {
    Credential hsb =
        fx.issueUnstored("HSB1", KeyPurpose.ENCRYPTION, Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2035-12-31T00:00:00Z"));
    byte[] bytes =
        TransferPackages.seal(
            metadata(1), eml(), null, fx.stored("0096", KeyPurpose.SIGNING, GSB_PASSPHRASE),
            new TransferPackages.ToCertificate(hsb.certificate()), fx.trust(), Instant.now(), RANDOM);
    rejected(Rejection.NOT_FOR_US, bytes, CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void wrongPasswordIsAWrongPassword() throws Exception {
    byte[] bytes =
        packages.seal(
            "0096", KeyStoreFixture.countFile(), null, 1, new ToPassword("het juiste wachtwoord".toCharArray()),
            GSB_PASSPHRASE, ACTOR);
    rejected(Rejection.WRONG_PASSWORD, bytes, "een ander wachtwoord".toCharArray(), Expectation.any());
  }

  @Test
  void olderPhaseThanWhatIsHeldIsRefused() {
    rejected(Rejection.OLDER_PHASE, sealed, CSB_PASSPHRASE, new Expectation("510b", 2));
  }

  @Test
  void otherKindThanExpectedIsRefused() {
    rejected(Rejection.WRONG_FILE_KIND, sealed, CSB_PASSPHRASE, new Expectation("520", 1));
  }

  @Test
  void revokedSignerIsRefused() throws Exception {
    Credential signer =
        fx.issueUnstored("0096", KeyPurpose.SIGNING, Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2035-12-31T00:00:00Z"));
    byte[] bytes = forged(signer, 1);
    keys.revoke(fx.electionId, signer.certificate().getSerialNumber().toString(16), "sleutel kwijt", ACTOR);
    assertThat(last().eventType()).isEqualTo("KEYSTORE_CERTIFICATE_REVOKED");
    rejected(Rejection.CERTIFICATE_REVOKED, bytes, CSB_PASSPHRASE, Expectation.any());
  }

  @Test
  void wrongFingerprintGroupsAreAMismatchAndAudited() throws Exception {
    Opened opened = packages.open(fx.electionId, sealed, CSB_PASSPHRASE, Expectation.any(), ACTOR);
    Fingerprint file = Fingerprint.of(KeyStoreFixture.countFile());
    Fingerprint.Challenge c = opened.challenge();
    String wrong = file.group(c.firstHidden()).equals("0000") ? "1111" : "0000";
    Map<String, Long> before = KeyStoreFixture.tableCounts(jdbc);
    assertReason(
        Rejection.FINGERPRINT_MISMATCH,
        () -> packages.confirmFingerprint(opened, wrong, file.group(c.secondHidden()), ACTOR));
    assertThat(KeyStoreFixture.tableCounts(jdbc)).isEqualTo(before);
    assertThat(last().eventType()).isEqualTo("TRANSFER_PACKAGE_REJECTED");
    assertThat(last().details()).contains("FINGERPRINT_MISMATCH");
    seen.add(Rejection.FINGERPRINT_MISMATCH);
  }

  /** Opens the package and expects the reason, one audit event naming it, and no change to any other table. */
  private void rejected(Rejection expected, byte[] bytes, char[] secret, Expectation expectation) {
    Map<String, Long> before = KeyStoreFixture.tableCounts(jdbc);
    long auditBefore = audit.count();
    assertReason(expected, () -> packages.open(fx.electionId, bytes, secret, expectation, ACTOR));
    assertThat(KeyStoreFixture.tableCounts(jdbc)).as("nothing of a rejected package is stored").isEqualTo(before);
    assertThat(audit.count()).isEqualTo(auditBefore + 1);
    AuditEvent event = last();
    assertThat(event.eventType()).isEqualTo("TRANSFER_PACKAGE_REJECTED");
    assertThat(event.details()).contains("\"code\":\"" + expected.name() + "\"").contains(Fingerprint.of(bytes).toString());
    // The audit log records about the file, never the file: no count from the EML ends up in it.
    assertThat(event.details()).doesNotContain("ValidVotes");
    seen.add(expected);
  }

  private static void assertReason(Rejection expected, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(expected));
  }

  private byte[] forged(Credential signer, int sequence) throws RejectedException {
    return TransferPackages.seal(
        new PackageMetadata(ELECTION, "510b", sequence, Certificates.committeeId(signer.certificate()), Instant.now()),
        eml(), null, signer, new TransferPackages.ToCertificate(fx.storedCertificate("CSB", KeyPurpose.ENCRYPTION)),
        fx.trust(), Instant.now(), RANDOM);
  }

  private static PackageMetadata metadata(int sequence) {
    return new PackageMetadata(ELECTION, "510b", sequence, "0096", Instant.now());
  }

  private static NamedFile eml() {
    return new NamedFile("Telling_GR2022_Vlieland.eml.xml", KeyStoreFixture.countFile());
  }

  private List<AuditEvent> events() {
    return audit.events(1000);
  }

  private AuditEvent last() {
    List<AuditEvent> events = audit.events(1);
    return events.get(events.size() - 1);
  }
}
