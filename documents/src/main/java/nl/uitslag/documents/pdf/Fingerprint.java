package nl.uitslag.documents.pdf;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a count file (telbestand), as printed in the footer of every page of the
 * PV that belongs to it: 16 groups of 4 lowercase hexadecimal characters.
 *
 * @param hex the 64 lowercase hexadecimal characters of the digest
 */
public record Fingerprint(String hex) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "a SHA-256 fingerprint is 64 lowercase hexadecimal characters, got: '" + hex + "'");
    }
  }

  /** Accepts the digest in any case and with the spaces of the printed form. */
  public static Fingerprint parse(String text) {
    Objects.requireNonNull(text, "text");
    return new Fingerprint(text.replace(" ", "").toLowerCase(Locale.ROOT));
  }

  /** Wraps the 32 bytes of a SHA-256 digest. */
  public static Fingerprint ofDigest(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + sha256.length);
    }
    return new Fingerprint(HexFormat.of().formatHex(sha256));
  }

  /** The printed form: 16 groups of 4 characters separated by single spaces. */
  public String grouped() {
    StringBuilder out = new StringBuilder(79);
    for (int i = 0; i < 64; i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(hex, i, i + 4);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return grouped();
  }
}
