package nl.uitslag.crypto.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An unencrypted EC private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the form Tomcat reads for its TLS key.
 * The caller stores it readable by the service account only.
 */
public final class PrivateKeyPem {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PrivateKeyPem() {}

  /** The PEM text of the key, lines of 64 characters as RFC 7468 prescribes. */
  public static String write(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("the key cannot be encoded as PKCS#8");
    }
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /**
   * Reads an EC private key written by {@link #write}.
   *
   * @throws IllegalArgumentException when the text is not one PKCS#8 EC private key; the message never contains
   *     the key material
   */
  public static PrivateKey read(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PKCS#8 private key PEM");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // Deliberately without the cause's text: it could quote key bytes into a log.
      throw new IllegalArgumentException("the private key PEM is damaged or not an EC key");
    }
  }
}
