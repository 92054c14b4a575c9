package nl.uitslag.crypto;

import static nl.uitslag.crypto.TestElection.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

class EncryptedKeysTest {
  private static final char[] PASSPHRASE = "voorzitter-stembureau-2022".toCharArray();
  private final PrivateKey key = Certificates.generateKeyPair(RANDOM).getPrivate();
  private final String pem = EncryptedKeys.encrypt(key, PASSPHRASE, RANDOM);

  @Test
  void roundTripGivesTheSameKey() throws Exception {
    assertThat(EncryptedKeys.decrypt(pem, PASSPHRASE).getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void storedFormIsPbes2WithPbkdf2Sha256At600000IterationsAndAes256() throws Exception {
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    PKCS8EncryptedPrivateKeyInfo info;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      info = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
    }
    var algorithm = info.getEncryptionAlgorithm();
    assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
    PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    assertThat(kdf.getIterationCount().intValue()).isEqualTo(600_000);
    assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
    assertThat(kdf.getSalt()).hasSize(16);
    assertThat(pbes2.getEncryptionScheme().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.1.42");
  }

  @Test
  void storedFormHoldsNeitherThePlainPkcs8NorThePrivateScalar() {
    String plainPkcs8 = Base64.getEncoder().encodeToString(key.getEncoded());
    String scalarHex = HexFormat.of().formatHex(((ECPrivateKey) key).getS().toByteArray());
    String unwrapped = pem.replaceAll("-----[^-]+-----|\\s", "");
    assertThat(unwrapped).doesNotContain(plainPkcs8.substring(0, 40));
    byte[] der = Base64.getDecoder().decode(unwrapped);
    assertThat(HexFormat.of().formatHex(der)).doesNotContain(scalarHex.substring(scalarHex.length() - 32));
  }

  @Test
  void wrongPassphraseIsRefusedWithItsOwnReason() {
    assertThatThrownBy(() -> EncryptedKeys.decrypt(pem, "another-passphrase!".toCharArray()))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.WRONG_PASSPHRASE));
  }

  @Test
  void damagedKeyFileIsRefused() {
    String damaged = pem.substring(0, 80) + (pem.charAt(80) == 'A' ? 'B' : 'A') + pem.substring(81);
    assertThatThrownBy(() -> EncryptedKeys.decrypt(damaged, PASSPHRASE))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.WRONG_PASSPHRASE));
  }

  @Test
  void anUnencryptedKeyFileIsNeverAccepted() throws Exception {
    var out = new java.io.StringWriter();
    try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
      writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
    }
    assertThat(out.toString()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThatThrownBy(() -> EncryptedKeys.decrypt(out.toString(), PASSPHRASE))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.WRONG_PASSPHRASE))
        .hasMessageContaining("no ENCRYPTED PRIVATE KEY");
  }

  @Test
  void shortPassphraseIsRefused() {
    assertThatThrownBy(() -> EncryptedKeys.encrypt(key, "kort".toCharArray(), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
  }

  @Test
  void credentialNeverPrintsItsPrivateKey() {
    TestElection election = new TestElection();
    String printed = election.senderSigning.toString();
    String scalar = ((ECPrivateKey) election.senderSigning.privateKey()).getS().toString(16);
    assertThat(printed).contains("CN=0096").contains("private key hidden").doesNotContain(scalar);
  }
}
