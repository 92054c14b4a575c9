package nl.uitslag.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.math.ec.ECPoint;
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

  /**
   * Whether the private key belongs to the certificate's public key (Q = d·G on P-256). A mismatch is a mistake in
   * configuration, such as a key file paired with another committee's certificate, and is reported as such rather
   * than as a damaged file.
   */
  public boolean keyMatchesCertificate() {
    if (!(privateKey instanceof ECPrivateKey)) {
      return false;
    }
    try {
      org.bouncycastle.jce.interfaces.ECPublicKey publicKey =
          (org.bouncycastle.jce.interfaces.ECPublicKey)
              KeyFactory.getInstance("EC", Bc.PROVIDER)
                  .generatePublic(new X509EncodedKeySpec(certificate.getPublicKey().getEncoded()));
      ECPoint derived = publicKey.getParameters().getG().multiply(((ECPrivateKey) privateKey).getS()).normalize();
      return derived.equals(publicKey.getQ().normalize());
    } catch (GeneralSecurityException | ClassCastException e) {
      return false;
    }
  }

  /** Never prints the private key, so a credential that ends up in a log line leaks nothing. */
  @Override
  public String toString() {
    return "Credential[" + certificate.getSubjectX500Principal().getName() + ", private key hidden]";
  }
}
