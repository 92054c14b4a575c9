package nl.uitslag.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.util.PBKDF2Config;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The only stored form of a committee's or authority's private key: PKCS#8 encrypted under a passphrase (PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC), PEM "ENCRYPTED PRIVATE KEY"; OpenSSL reads it too.
 */
public final class EncryptedKeys {
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the same count protects password-encrypted packages. */
  public static final int ITERATIONS = 600_000;

  /** A passphrase guards a key that can sign results for a whole committee: shorter ones are refused. */
  public static final int MINIMUM_PASSPHRASE_LENGTH = 12;

  private EncryptedKeys() {}

  /** Encrypts the key under the passphrase; the result may be stored in the database or a file. */
  public static String encrypt(PrivateKey key, char[] passphrase, SecureRandom random) {
    requireStrong(passphrase);
    try {
      OutputEncryptor encryptor =
          new JcePKCSPBEOutputEncryptorBuilder(
                  new PBKDF2Config.Builder()
                      .withIterationCount(ITERATIONS)
                      .withPRF(PBKDF2Config.PRF_SHA256)
                      .withSaltLength(16)
                      .build(),
                  NISTObjectIdentifiers.id_aes256_CBC)
              .setProvider(Bc.PROVIDER)
              .setRandom(random)
              .build(passphrase);
      PKCS8EncryptedPrivateKeyInfo encrypted =
          new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(key.getEncoded())).build(encryptor);
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(encrypted);
      }
      return out.toString();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot encrypt the private key", e);
    }
  }

  /**
   * Decrypts a key stored by {@link #encrypt}.
   *
   * @throws RejectedException {@link Rejection#WRONG_PASSPHRASE} for a wrong passphrase or a damaged key file
   */
  public static PrivateKey decrypt(String pem, char[] passphrase) throws RejectedException {
    Object item;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      item = parser.readObject();
    } catch (IOException e) {
      throw new RejectedException(Rejection.WRONG_PASSPHRASE, "key file is not readable PEM", e);
    }
    if (!(item instanceof PKCS8EncryptedPrivateKeyInfo)) {
      // A plain key is refused as well: accepting one would make it too easy to store keys unencrypted.
      throw new RejectedException(Rejection.WRONG_PASSPHRASE, "key file holds no ENCRYPTED PRIVATE KEY");
    }
    try {
      PrivateKeyInfo info =
          ((PKCS8EncryptedPrivateKeyInfo) item)
              .decryptPrivateKeyInfo(
                  new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase));
      return new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
    } catch (PKCSException | IOException | RuntimeException e) {
      throw new RejectedException(Rejection.WRONG_PASSPHRASE, "private key could not be decrypted", e);
    }
  }

  static void requireStrong(char[] passphrase) {
    if (passphrase == null || passphrase.length < MINIMUM_PASSPHRASE_LENGTH) {
      throw new IllegalArgumentException(
          "a passphrase or password must have at least " + MINIMUM_PASSPHRASE_LENGTH + " characters");
    }
  }
}
