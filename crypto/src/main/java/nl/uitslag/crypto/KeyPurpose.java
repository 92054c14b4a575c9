package nl.uitslag.crypto;

import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What a committee key pair is for: each committee has one pair for signing its count files and a separate pair
 * for receiving encrypted files, so neither key is ever used for two kinds of operation.
 */
public enum KeyPurpose {
  SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, 0),
  ENCRYPTION(KeyUsage.keyAgreement, 4);

  private final int keyUsageBits;
  private final int keyUsageIndex;

  KeyPurpose(int keyUsageBits, int keyUsageIndex) {
    this.keyUsageBits = keyUsageBits;
    this.keyUsageIndex = keyUsageIndex;
  }

  int keyUsageBits() {
    return keyUsageBits;
  }

  /** Whether the certificate's key-usage extension allows this purpose (index into {@code getKeyUsage()}). */
  boolean allowedBy(java.security.cert.X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    return usage != null && usage.length > keyUsageIndex && usage[keyUsageIndex];
  }
}
