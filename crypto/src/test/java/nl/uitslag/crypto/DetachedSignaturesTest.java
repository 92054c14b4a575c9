package nl.uitslag.crypto;

import static nl.uitslag.crypto.Rejections.assertRejected;
import static nl.uitslag.crypto.TestElection.ELECTION_NIGHT;
import static nl.uitslag.crypto.TestElection.FROM;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static nl.uitslag.crypto.TestElection.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;

class DetachedSignaturesTest {
  private final TestElection election = new TestElection();
  private final byte[] eml = TestElection.vlielandCountFile();
  private final byte[] p7s = DetachedSignatures.sign(eml, election.senderSigning, ELECTION_NIGHT);

  @Test
  void roundTripNamesTheSigningCommittee() throws Exception {
    DetachedSignatures.Signer signer = DetachedSignatures.verify(eml, p7s, election.trust, ELECTION_NIGHT);
    assertThat(signer.committeeId()).isEqualTo("0096");
    assertThat(signer.certificate()).isEqualTo(election.senderSigning.certificate());
    assertThat(signer.certificateFingerprint()).isEqualTo(Fingerprint.of(election.senderSigning.certificate().getEncoded()));
  }

  @Test
  void signatureIsDetachedAndDoesNotCarryTheCountFile() {
    assertThat(p7s.length).isLessThan(2_000);
    assertThat(new String(p7s, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Vlieland</Authority");
  }

  @Test
  void aFlippedByteInTheCountFileIsABadSignature() {
    byte[] forged = eml.clone();
    forged[eml.length / 2] ^= 0x01;
    assertRejected(Rejection.BAD_SIGNATURE, () -> DetachedSignatures.verify(forged, p7s, election.trust, ELECTION_NIGHT));
  }

  @Test
  void aFlippedByteInTheSignatureIsRejected() {
    byte[] damaged = p7s.clone();
    damaged[damaged.length - 20] ^= 0x01;
    assertThatThrownBy(() -> DetachedSignatures.verify(eml, damaged, election.trust, ELECTION_NIGHT))
        .isInstanceOf(RejectedException.class);
  }

  @Test
  void garbageInsteadOfASignatureIsABadSignature() {
    assertRejected(
        Rejection.BAD_SIGNATURE,
        () -> DetachedSignatures.verify(eml, "not a signature".getBytes(), election.trust, ELECTION_NIGHT));
  }

  @Test
  void aSignatureMadeWithAKeyThatDoesNotBelongToTheCertificateIsABadSignature() {
    Credential wrongKey =
        new Credential(Certificates.generateKeyPair(RANDOM).getPrivate(), election.senderSigning.certificate());
    byte[] signature = DetachedSignatures.sign(eml, wrongKey, ELECTION_NIGHT);
    assertRejected(Rejection.BAD_SIGNATURE, () -> DetachedSignatures.verify(eml, signature, election.trust, ELECTION_NIGHT));
  }

  @Test
  void aCertificateFromAnotherAuthorityIsAnUnknownSigner() {
    // Same election id and names: only the authority's key tells the forger apart.
    Credential forgerCa =
        Certificates.createElectionAuthority(TestElection.ELECTION, "Centraal stembureau Vlieland", FROM, UNTIL, RANDOM);
    Credential forged = TestElection.issue(forgerCa, "0096", KeyPurpose.SIGNING, FROM, UNTIL);
    byte[] signature = DetachedSignatures.sign(eml, forged, ELECTION_NIGHT);
    assertRejected(Rejection.UNKNOWN_SIGNER, () -> DetachedSignatures.verify(eml, signature, election.trust, ELECTION_NIGHT));
  }

  @Test
  void anExpiredCommitteeCertificateIsRejected() {
    Credential expired =
        election.committee("0096", KeyPurpose.SIGNING, FROM, Instant.parse("2022-03-01T00:00:00Z"));
    byte[] signature = DetachedSignatures.sign(eml, expired, ELECTION_NIGHT);
    assertRejected(
        Rejection.CERTIFICATE_EXPIRED, () -> DetachedSignatures.verify(eml, signature, election.trust, ELECTION_NIGHT));
  }

  @Test
  void aCommitteeCertificateNotYetValidIsRejected() {
    Credential future =
        election.committee("0096", KeyPurpose.SIGNING, Instant.parse("2022-06-01T00:00:00Z"), UNTIL);
    byte[] signature = DetachedSignatures.sign(eml, future, ELECTION_NIGHT);
    assertRejected(
        Rejection.CERTIFICATE_NOT_YET_VALID,
        () -> DetachedSignatures.verify(eml, signature, election.trust, ELECTION_NIGHT));
  }

  @Test
  void anExpiredAuthorityIsRejected() {
    assertRejected(
        Rejection.CERTIFICATE_EXPIRED,
        () -> DetachedSignatures.verify(eml, p7s, election.trust, Instant.parse("2023-01-01T00:00:00Z")));
  }

  @Test
  void anEncryptionCertificateDoesNotPassAsASigningCertificate() {
    assertRejected(
        Rejection.CERTIFICATE_WRONG_PURPOSE,
        () -> election.trust.validate(election.senderEncryption.certificate(), KeyPurpose.SIGNING, ELECTION_NIGHT));
    assertThatThrownBy(() -> DetachedSignatures.sign(eml, election.senderEncryption, ELECTION_NIGHT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
