package nl.uitslag.crypto;

import static nl.uitslag.crypto.Rejections.assertRejected;
import static nl.uitslag.crypto.TestElection.ELECTION;
import static nl.uitslag.crypto.TestElection.ELECTION_NIGHT;
import static nl.uitslag.crypto.TestElection.FROM;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static nl.uitslag.crypto.TestElection.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.uitslag.crypto.TransferPackages.Expectations;
import nl.uitslag.crypto.TransferPackages.ToCertificate;
import nl.uitslag.crypto.TransferPackages.ToPassword;
import nl.uitslag.crypto.TransferPackages.Unsealed;
import nl.uitslag.crypto.TransferPackages.WithKey;
import nl.uitslag.crypto.TransferPackages.WithPassword;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;

class TransferPackagesTest {
  /** FIPS 180-2 test vector: SHA-256("abc"). */
  private static final Fingerprint ABC = Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));

  @Test
  void fingerprintChallengeAcceptsTheRightGroupsInAnyCase() throws Exception {
    Fingerprint.Challenge c = ABC.challenge(new SecureRandom());
    TransferPackages.checkTypedGroups(
        c, ABC.group(c.firstHidden()).toUpperCase(java.util.Locale.ROOT), " " + ABC.group(c.secondHidden()) + " ");
  }

  @Test
  void fingerprintChallengeRefusesAWrongGroupWithItsOwnReason() {
    Fingerprint.Challenge c = ABC.challenge(new SecureRandom());
    String wrong = ABC.group(c.secondHidden()).equals("0000") ? "ffff" : "0000";
    assertThatThrownBy(() -> TransferPackages.checkTypedGroups(c, ABC.group(c.firstHidden()), wrong))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.FINGERPRINT_MISMATCH))
        .hasMessageContaining("positions " + (c.firstHidden() + 1) + " and " + (c.secondHidden() + 1));
    assertThatThrownBy(() -> TransferPackages.checkTypedGroups(c, null, ABC.group(c.secondHidden())))
        .isInstanceOf(RejectedException.class);
  }

  private static final char[] PASSWORD = "VLIELAND-2022-overdracht".toCharArray();
  private static final Instant IMPORT = Instant.parse("2022-03-18T10:00:00Z");
  private static final Expectations FIRST_510B = new Expectations(ELECTION, "510b", 1);

  private final TestElection election = new TestElection();
  private final NamedFile eml = new NamedFile("Telling_GR2022_Vlieland.eml.xml", TestElection.vlielandCountFile());
  private final NamedFile pdf = new NamedFile("Model_Na31-2_Vlieland.pdf", "%PDF-1.7 report".getBytes(StandardCharsets.US_ASCII));
  private final PackageMetadata metadata = new PackageMetadata(ELECTION, "510b", 1, "0096", ELECTION_NIGHT);
  private final byte[] sealed = seal(metadata, election.senderSigning, pdf);

  private byte[] seal(PackageMetadata meta, Credential signer, NamedFile report) {
    try {
      return TransferPackages.seal(
          meta, eml, report, signer, new ToCertificate(election.csbEncryption.certificate()), election.trust,
          ELECTION_NIGHT, RANDOM);
    } catch (RejectedException e) {
      throw new AssertionError(e);
    }
  }

  private Unsealed unseal(byte[] bytes) throws RejectedException {
    return unseal(bytes, FIRST_510B);
  }

  private Unsealed unseal(byte[] bytes, Expectations expectations) throws RejectedException {
    return TransferPackages.unseal(
        bytes, new WithKey(election.csbEncryption), election.trust, expectations, TestElection::facts, IMPORT);
  }

  @Test
  void roundTripToTheReceivingCommitteesCertificate() throws Exception {
    Unsealed opened = unseal(sealed);
    assertThat(opened.metadata()).isEqualTo(metadata);
    assertThat(opened.eml()).isEqualTo(eml);
    assertThat(opened.pdf()).contains(pdf);
    assertThat(opened.signer().committeeId()).isEqualTo("0096");
    // The EML's own signature can be published and checked on its own.
    assertThat(DetachedSignatures.verify(eml.bytes(), opened.emlSignature(), election.trust, IMPORT).committeeId())
        .isEqualTo("0096");
    assertThat(opened.eml().fingerprint()).isEqualTo(Fingerprint.of(TestElection.vlielandCountFile()));
  }

  @Test
  void roundTripToAPasswordAndWithoutReport() throws Exception {
    byte[] bytes =
        TransferPackages.seal(
            metadata, eml, null, election.senderSigning, new ToPassword(PASSWORD), election.trust, ELECTION_NIGHT,
            RANDOM);
    Unsealed opened =
        TransferPackages.unseal(
            bytes, new WithPassword(PASSWORD), election.trust, FIRST_510B, TestElection::facts, IMPORT);
    assertThat(opened.eml()).isEqualTo(eml);
    assertThat(opened.pdf()).isEmpty();
  }

  @Test
  void innerZipHoldsManifestCountFileSignaturesAndReport() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    assertThat(entries.keySet())
        .containsExactly("manifest.txt", "manifest.txt.p7s", "count.eml.xml", "count.eml.xml.p7s", "report.pdf");
    assertThat(new String(entries.get("manifest.txt"), StandardCharsets.UTF_8))
        .isEqualTo(
            "format=uitslag-transfer/1\nelection=GR2022_Vlieland\nkind=510b\nsequence=1\nsender=0096\n"
                + "created=2022-03-16T22:30:00Z\neml-name=Telling_GR2022_Vlieland.eml.xml\neml-sha256="
                + eml.fingerprint().hex() + "\npdf-name=Model_Na31-2_Vlieland.pdf\npdf-sha256="
                + pdf.fingerprint().hex() + "\n");
  }

  // Each failure named in issue 8, with its own reason.

  @Test
  void flippedByteIsDamaged() {
    byte[] damaged = sealed.clone();
    damaged[sealed.length / 2] ^= 0x01;
    assertRejected(Rejection.DAMAGED, () -> unseal(damaged));
  }

  @Test
  void truncatedPackageIsTruncated() {
    assertRejected(Rejection.TRUNCATED, () -> unseal(Arrays.copyOf(sealed, sealed.length - 1000)));
  }

  @Test
  void wrongRecipientIsNotForUs() {
    assertRejected(
        Rejection.NOT_FOR_US,
        () ->
            TransferPackages.unseal(
                sealed, new WithKey(election.senderEncryption), election.trust, FIRST_510B, TestElection::facts,
                IMPORT));
  }

  @Test
  void aKeyThatDoesNotBelongToItsCertificateIsAConfigurationErrorNotADamagedFile() {
    Credential wrongKey =
        new Credential(Certificates.generateKeyPair(RANDOM).getPrivate(), election.csbEncryption.certificate());
    assertThat(wrongKey.keyMatchesCertificate()).isFalse();
    assertThat(election.csbEncryption.keyMatchesCertificate()).isTrue();
    assertThatThrownBy(
            () ->
                TransferPackages.unseal(
                    sealed, new WithKey(wrongKey), election.trust, FIRST_510B, TestElection::facts, IMPORT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void wrongPasswordIsAWrongPassword() throws Exception {
    byte[] bytes =
        TransferPackages.seal(
            metadata, eml, pdf, election.senderSigning, new ToPassword(PASSWORD), election.trust, ELECTION_NIGHT,
            RANDOM);
    assertRejected(
        Rejection.WRONG_PASSWORD,
        () ->
            TransferPackages.unseal(
                bytes, new WithPassword("vlieland-2022-overdracht".toCharArray()), election.trust, FIRST_510B,
                TestElection::facts, IMPORT));
  }

  @Test
  void signatureWithTheWrongKeyIsABadSignature() {
    Credential wrongKey =
        new Credential(Certificates.generateKeyPair(RANDOM).getPrivate(), election.senderSigning.certificate());
    assertRejected(Rejection.BAD_SIGNATURE, () -> unseal(seal(metadata, wrongKey, pdf)));
  }

  @Test
  void forgedFileFromAnUnknownAuthorityIsAnUnknownSigner() {
    Credential forgerCa =
        Certificates.createElectionAuthority(ELECTION, "Centraal stembureau Vlieland", FROM, UNTIL, RANDOM);
    Credential forged = TestElection.issue(forgerCa, "0096", KeyPurpose.SIGNING, FROM, UNTIL);
    assertRejected(Rejection.UNKNOWN_SIGNER, () -> unseal(seal(metadata, forged, pdf)));
  }

  @Test
  void expiredSignerCertificateIsExpired() {
    Credential expired =
        election.committee("0096", KeyPurpose.SIGNING, FROM, Instant.parse("2022-03-17T00:00:00Z"));
    assertRejected(Rejection.CERTIFICATE_EXPIRED, () -> unseal(seal(metadata, expired, pdf)));
  }

  @Test
  void signerOtherThanTheManagingAuthorityIsRefused() {
    // The CSB's own valid key signs the GSB Vlieland's count file: a swapped or re-signed file.
    PackageMetadata byCsb = new PackageMetadata(ELECTION, "510b", 1, "CSB", ELECTION_NIGHT);
    assertRejected(Rejection.SIGNER_NOT_MANAGING_AUTHORITY, () -> unseal(seal(byCsb, election.csbSigning, pdf)));
  }

  @Test
  void olderPhaseIsRefused() {
    // The corrigendum of a second session (sequence 2) is held; the first session's file comes back.
    assertRejected(Rejection.OLDER_PHASE, () -> unseal(sealed, new Expectations(ELECTION, "510b", 2)));
  }

  @Test
  void laterPhaseIsAccepted() throws Exception {
    PackageMetadata second = new PackageMetadata(ELECTION, "510b", 2, "0096", ELECTION_NIGHT.plusSeconds(86_400));
    assertThat(unseal(seal(second, election.senderSigning, pdf), new Expectations(ELECTION, "510b", 2)).metadata())
        .isEqualTo(second);
  }

  @Test
  void otherElectionIsRefused() {
    assertRejected(Rejection.WRONG_ELECTION, () -> unseal(sealed, new Expectations("GR2022_Terschelling", "510b", 1)));
    PackageMetadata mislabelled = new PackageMetadata("GR2022_Terschelling", "510b", 1, "0096", ELECTION_NIGHT);
    assertRejected(
        Rejection.WRONG_ELECTION,
        () -> unseal(seal(mislabelled, election.senderSigning, pdf), new Expectations("GR2022_Terschelling", null, 1)));
  }

  @Test
  void otherKindIsRefused() {
    assertRejected(Rejection.WRONG_FILE_KIND, () -> unseal(sealed, new Expectations(ELECTION, "510c", 1)));
  }

  @Test
  void unreadableCountFileIsMalformed() {
    assertRejected(
        Rejection.MALFORMED_PACKAGE,
        () ->
            TransferPackages.unseal(
                sealed, new WithKey(election.csbEncryption), election.trust, FIRST_510B,
                bytes -> {
                  throw new IllegalStateException("not EML");
                },
                IMPORT));
  }

  @Test
  void passwordPackageOpenedWithAKeyAsksForThePassword() throws Exception {
    byte[] bytes =
        TransferPackages.seal(
            metadata, eml, pdf, election.senderSigning, new ToPassword(PASSWORD), election.trust, ELECTION_NIGHT,
            RANDOM);
    assertRejected(Rejection.PASSWORD_REQUIRED, () -> unseal(bytes));
  }

  // A sender with a valid key but a hand-made package: the structure is checked, not trusted.

  @Test
  void extraEntryIsMalformed() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    entries.put("../../etc/passwd", new byte[] {1});
    assertRejected(Rejection.MALFORMED_PACKAGE, () -> unseal(rewrap(entries)));
  }

  @Test
  void missingSignatureIsMalformed() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    entries.remove("count.eml.xml.p7s");
    assertRejected(Rejection.MALFORMED_PACKAGE, () -> unseal(rewrap(entries)));
  }

  @Test
  void reportSwappedAfterSigningIsABadSignature() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    entries.put("report.pdf", "%PDF-1.7 other report".getBytes(StandardCharsets.US_ASCII));
    assertRejected(Rejection.BAD_SIGNATURE, () -> unseal(rewrap(entries)));
  }

  @Test
  void countFileSwappedForAnotherSignedOneIsABadSignature() throws Exception {
    // Both parts carry valid signatures by the same committee, but the manifest names another count file.
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    byte[] other = (new String(eml.bytes(), StandardCharsets.UTF_8) + "<!-- -->").getBytes(StandardCharsets.UTF_8);
    entries.put("count.eml.xml", other);
    entries.put("count.eml.xml.p7s", DetachedSignatures.sign(other, election.senderSigning, ELECTION_NIGHT));
    assertRejected(Rejection.BAD_SIGNATURE, () -> unseal(rewrap(entries)));
  }

  @Test
  void countFileAndManifestSignedByDifferentCommitteesIsMalformed() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    entries.put("count.eml.xml.p7s", DetachedSignatures.sign(eml.bytes(), election.csbSigning, ELECTION_NIGHT));
    assertRejected(Rejection.MALFORMED_PACKAGE, () -> unseal(rewrap(entries)));
  }

  @Test
  void unsupportedFormatVersionIsMalformed() throws Exception {
    Map<String, byte[]> entries = unzip(Envelopes.decrypt(sealed, election.csbEncryption));
    byte[] manifest =
        new String(entries.get("manifest.txt"), StandardCharsets.UTF_8)
            .replace("uitslag-transfer/1", "uitslag-transfer/2")
            .getBytes(StandardCharsets.UTF_8);
    entries.put("manifest.txt", manifest);
    entries.put("manifest.txt.p7s", DetachedSignatures.sign(manifest, election.senderSigning, ELECTION_NIGHT));
    assertRejected(Rejection.MALFORMED_PACKAGE, () -> unseal(rewrap(entries)));
  }

  @Test
  void sealingRefusesARecipientCertificateFromAnotherAuthority() {
    Credential otherCa = Certificates.createElectionAuthority(ELECTION, "Elders", FROM, UNTIL, RANDOM);
    Credential swapped = TestElection.issue(otherCa, "CSB", KeyPurpose.ENCRYPTION, FROM, UNTIL);
    assertRejected(
        Rejection.UNKNOWN_SIGNER,
        () ->
            TransferPackages.seal(
                metadata, eml, pdf, election.senderSigning, new ToCertificate(swapped.certificate()), election.trust,
                ELECTION_NIGHT, RANDOM));
  }

  @Test
  void sealingRefusesASenderThatIsNotTheSigner() {
    PackageMetadata claimsOther = new PackageMetadata(ELECTION, "510b", 1, "0518", ELECTION_NIGHT);
    assertThatThrownBy(() -> seal(claimsOther, election.senderSigning, pdf))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metadataRefusesValuesThatWouldBreakTheManifest() {
    assertThatThrownBy(() -> new PackageMetadata(ELECTION, "510b\nsequence=9", 1, "0096", ELECTION_NIGHT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PackageMetadata(ELECTION, "510b", 0, "0096", ELECTION_NIGHT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NamedFile("../510b.xml", new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  private byte[] rewrap(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return Envelopes.encryptTo(out.toByteArray(), election.csbEncryption.certificate(), RANDOM);
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
