package nl.uitslag.crypto;

import static nl.uitslag.crypto.Rejections.assertRejected;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
  private static final char[] PASSWORD = "VLIELAND-2022-overdracht".toCharArray();
  private final TestElection election = new TestElection();
  private final byte[] content = TestElection.vlielandCountFile();
  private final byte[] toCsb = Envelopes.encryptTo(content, election.csbEncryption.certificate(), RANDOM);

  @Test
  void roundTripToACertificate() throws Exception {
    assertThat(Envelopes.decrypt(toCsb, election.csbEncryption)).isEqualTo(content);
  }

  @Test
  void envelopeIsAuthEnvelopedDataWithAes256Gcm() throws Exception {
    CMSAuthEnvelopedData data = new CMSAuthEnvelopedData(toCsb);
    assertThat(data.getEncryptionAlgOID()).isEqualTo(CMSAlgorithm.AES256_GCM.getId());
    assertThat(data.getRecipientInfos().getRecipients()).singleElement()
        .satisfies(r -> assertThat(r.getKeyEncryptionAlgOID()).isEqualTo(CMSAlgorithm.ECDH_SHA256KDF.getId()));
  }

  @Test
  void roundTripToAPassword() throws Exception {
    byte[] envelope = Envelopes.encryptWithPassword(content, PASSWORD, RANDOM);
    assertThat(Envelopes.decryptWithPassword(envelope, PASSWORD)).isEqualTo(content);
  }

  @Test
  void wrongPasswordHasItsOwnReason() {
    byte[] envelope = Envelopes.encryptWithPassword(content, PASSWORD, RANDOM);
    assertRejected(Rejection.WRONG_PASSWORD, () -> Envelopes.decryptWithPassword(envelope, "VLIELAND-2022-overdrach!".toCharArray()));
  }

  @Test
  void aDamagedPasswordEnvelopeIsDamagedNotAWrongPassword() {
    byte[] envelope = Envelopes.encryptWithPassword(content, PASSWORD, RANDOM);
    envelope[envelope.length - 100] ^= 0x40;
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decryptWithPassword(envelope, PASSWORD));
  }

  @Test
  void anotherCommitteesKeyIsNotForUs() {
    assertRejected(Rejection.NOT_FOR_US, () -> Envelopes.decrypt(toCsb, election.senderEncryption));
  }

  @Test
  void aPasswordEnvelopeOpenedWithAKeyAsksForThePassword() {
    byte[] envelope = Envelopes.encryptWithPassword(content, PASSWORD, RANDOM);
    assertRejected(Rejection.PASSWORD_REQUIRED, () -> Envelopes.decrypt(envelope, election.csbEncryption));
  }

  @Test
  void aCertificateEnvelopeOpenedWithAPasswordIsNotForUs() {
    assertRejected(Rejection.NOT_FOR_US, () -> Envelopes.decryptWithPassword(toCsb, PASSWORD));
  }

  @Test
  void aFlippedByteInTheCiphertextIsDamaged() {
    byte[] damaged = toCsb.clone();
    damaged[toCsb.length / 2] ^= 0x01;
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decrypt(damaged, election.csbEncryption));
  }

  @Test
  void aFlippedByteInTheAuthenticationTagIsDamaged() {
    byte[] damaged = toCsb.clone();
    damaged[toCsb.length - 1] ^= 0x01;
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decrypt(damaged, election.csbEncryption));
  }

  @Test
  void aCutOffFileIsTruncatedAtEveryLength() {
    for (int length : new int[] {0, 1, 3, 100, toCsb.length / 2, toCsb.length - 1}) {
      byte[] cut = Arrays.copyOf(toCsb, length);
      assertRejected(Rejection.TRUNCATED, () -> Envelopes.decrypt(cut, election.csbEncryption));
    }
  }

  @Test
  void bytesAfterTheEndAreDamage() {
    byte[] longer = Arrays.copyOf(toCsb, toCsb.length + 1);
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decrypt(longer, election.csbEncryption));
  }

  @Test
  void somethingElseEntirelyIsDamaged() {
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decrypt(content, election.csbEncryption));
    byte[] signature = DetachedSignatures.sign(content, election.senderSigning, TestElection.ELECTION_NIGHT);
    assertRejected(Rejection.DAMAGED, () -> Envelopes.decrypt(signature, election.csbEncryption));
  }

  @Test
  void encryptingToASigningCertificateOrWithAShortPasswordIsRefused() {
    assertThatThrownBy(() -> Envelopes.encryptTo(content, election.csbSigning.certificate(), RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelopes.encryptWithPassword(content, "geheim".toCharArray(), RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPasswordEnvelopeWithAWeakIterationCountIsRefusedBeforeAnyKeyDerivation() throws Exception {
    org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator generator = new org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator();
    generator.addRecipientInfoGenerator(
        new org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator(CMSAlgorithm.AES256_CBC, PASSWORD)
            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
            .setPasswordConversionScheme(org.bouncycastle.cms.PasswordRecipient.PKCS5_SCHEME2_UTF8)
            .setPRF(org.bouncycastle.cms.PasswordRecipient.PRF.HMacSHA256)
            .setSaltAndIterationCount(new byte[16], 1_000));
    byte[] weak =
        generator
            .generate(
                new org.bouncycastle.cms.CMSProcessableByteArray(content),
                (org.bouncycastle.operator.OutputAEADEncryptor)
                    new org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .build())
            .toASN1Structure()
            .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    assertThatThrownBy(() -> Envelopes.decryptWithPassword(weak, PASSWORD))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.DAMAGED))
        .hasMessageContaining("iteration count 1000");
  }

  @Test
  void eachEncryptionIsFresh() {
    assertThat(Envelopes.encryptTo(content, election.csbEncryption.certificate(), RANDOM)).isNotEqualTo(toCsb);
  }
}
