package nl.uitslag.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a count file or certificate, as printed on the paper report: 16 groups of 4
 * hexadecimal characters.
 *
 * @param hex 64 upper-case hexadecimal characters
 */
public record Fingerprint(String hex) {
  public static final int GROUPS = 16;
  private static final Pattern HEX64 = Pattern.compile("[0-9A-F]{64}");

  public Fingerprint {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("a SHA-256 fingerprint is 64 upper-case hexadecimal characters");
    }
  }

  /** SHA-256 over the exact bytes, without any canonicalisation (spec §4; OSV let the file pick its own). */
  public static Fingerprint of(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Fingerprint(HexFormat.of().withUpperCase().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** The fingerprint of a certificate's DER encoding, as printed on the key-ceremony form. */
  public static Fingerprint of(X509Certificate certificate) {
    try {
      return of(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** Reads a fingerprint as typed or printed: spaces, colons and case are ignored. */
  public static Fingerprint parse(String text) {
    return new Fingerprint(text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT));
  }

  /** The 16 groups of 4 characters, in order. */
  public List<String> groups() {
    List<String> groups = new ArrayList<>(GROUPS);
    for (int i = 0; i < GROUPS; i++) {
      groups.add(hex.substring(4 * i, 4 * i + 4));
    }
    return groups;
  }

  /** The printable form: 16 groups of 4 separated by single spaces. */
  @Override
  public String toString() {
    return String.join(" ", groups());
  }
}
