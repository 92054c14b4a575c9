package nl.uitslag.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A private key with its certificate, held in memory only while a committee signs, decrypts or issues; it is
 * stored only through {@link EncryptedKeys}.
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate) {

  public Credential {
    if (privateKey == null || certificate == null) {
      throw new IllegalArgumentException("a credential needs both a private key and a certificate");
    }
  }

  /** Never prints the private key, so a credential that ends up in a log line leaks nothing. */
  @Override
  public String toString() {
    return "Credential[" + certificate.getSubjectX500Principal().getName() + ", private key hidden]";
  }
}
