package nl.uitslag.crypto;

import static nl.uitslag.crypto.TestElection.FROM;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static nl.uitslag.crypto.TestElection.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;

class CertificatesTest {
  private final TestElection election = new TestElection();

  @Test
  void electionAuthorityIsASelfSignedCaThatIssuesCommitteeCertificatesOnly() throws Exception {
    X509Certificate ca = election.authority.certificate();
    ca.verify(ca.getPublicKey());
    assertThat(ca.getVersion()).isEqualTo(3);
    assertThat(ca.getBasicConstraints()).isZero(); // CA with pathLen 0
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getKeyUsage()[0]).as("digitalSignature").isFalse();
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(Certificates.electionId(ca)).isEqualTo(TestElection.ELECTION);
    assertThat(Certificates.displayName(ca)).isEqualTo("Centraal stembureau Vlieland");
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
  }

  @Test
  void committeeCertificateIsBoundToItsManagingAuthorityIdAndElection() throws Exception {
    X509Certificate signing = election.senderSigning.certificate();
    signing.verify(election.authority.certificate().getPublicKey());
    assertThat(Certificates.committeeId(signing)).isEqualTo("0096");
    assertThat(Certificates.electionId(signing)).isEqualTo(TestElection.ELECTION);
    assertThat(signing.getSubjectX500Principal().getName()).isEqualTo("O=Stembureau 0096,OU=GR2022_Vlieland,CN=0096");
    assertThat(signing.getBasicConstraints()).isEqualTo(-1);
    assertThat(signing.getNotBefore().toInstant()).isEqualTo(FROM);
    assertThat(signing.getNotAfter().toInstant()).isEqualTo(UNTIL);
  }

  @Test
  void eachKeyPairServesOnePurpose() {
    assertThat(Certificates.allows(election.senderSigning.certificate(), KeyPurpose.SIGNING)).isTrue();
    assertThat(Certificates.allows(election.senderSigning.certificate(), KeyPurpose.ENCRYPTION)).isFalse();
    assertThat(Certificates.allows(election.senderEncryption.certificate(), KeyPurpose.ENCRYPTION)).isTrue();
    assertThat(Certificates.allows(election.senderEncryption.certificate(), KeyPurpose.SIGNING)).isFalse();
  }

  @Test
  void serialNumbersDiffer() {
    assertThat(election.senderSigning.certificate().getSerialNumber())
        .isNotEqualTo(election.senderEncryption.certificate().getSerialNumber());
  }

  @Test
  void committeeValidityMustLieWithinTheAuthoritys() {
    KeyPair keys = Certificates.generateKeyPair(RANDOM);
    assertThatThrownBy(
            () ->
                Certificates.issueCommitteeCertificate(
                    election.authority, "0096", "GSB", KeyPurpose.SIGNING, keys.getPublic(), FROM,
                    UNTIL.plusSeconds(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within the authority's validity");
  }

  @Test
  void identifiersThatWouldMakeTheSubjectAmbiguousAreRefused() {
    KeyPair keys = Certificates.generateKeyPair(RANDOM);
    for (String bad : new String[] {"", "00 96", "0096,CN=CSB", "a/b", "x".repeat(65)}) {
      assertThatThrownBy(
              () ->
                  Certificates.issueCommitteeCertificate(
                      election.authority, bad, "GSB", KeyPurpose.SIGNING, keys.getPublic(), FROM, UNTIL, RANDOM))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(
            () -> Certificates.createElectionAuthority("GR 2022", "CSB", FROM, UNTIL, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Certificates.createElectionAuthority("GR2022", "CSB", UNTIL, FROM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pemRoundTripKeepsEveryCertificateInOrder() {
    List<X509Certificate> certificates =
        List.of(election.authority.certificate(), election.senderSigning.certificate());
    String pem = Certificates.toPem(certificates);
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Certificates.fromPem(pem)).isEqualTo(certificates);
  }

  @Test
  void pemWithoutCertificatesOrWithAKeyIsRefused() {
    assertThatThrownBy(() -> Certificates.fromPem("nothing here")).isInstanceOf(IllegalArgumentException.class);
    String key = EncryptedKeys.encrypt(election.senderSigning.privateKey(), "correct horse battery".toCharArray(), RANDOM);
    assertThatThrownBy(() -> Certificates.fromPem(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trustRefusesACommitteeCertificateAsAnchor() {
    assertThatThrownBy(() -> ElectionTrust.of(election.senderSigning.certificate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a CA");
  }

  @Test
  void trustFingerprintIsTheSha256OfTheAuthorityCertificate() throws Exception {
    assertThat(election.trust.fingerprint())
        .isEqualTo(Fingerprint.of(election.authority.certificate().getEncoded()));
    assertThat(election.trust.electionId()).isEqualTo(TestElection.ELECTION);
  }

  @Test
  void certificateFingerprintIsTheSha256OfItsDerInLowercaseGroups() throws Exception {
    Fingerprint f = Certificates.fingerprint(election.authority.certificate());
    assertThat(f).isEqualTo(Fingerprint.of(election.authority.certificate().getEncoded()));
    assertThat(f.toString()).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
  }

  @Test
  void validationAcceptsACommitteeOfThisElectionAndNamesIt() throws Exception {
    assertThat(election.trust.validate(election.senderSigning.certificate(), KeyPurpose.SIGNING, Instant.parse("2022-03-16T00:00:00Z")))
        .isEqualTo("0096");
  }
}
