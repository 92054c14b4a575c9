package nl.uitslag.domain.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fingerprint of a count file, election file or certificate: SHA-256 over its exact bytes (no
 * canonicalisation), shown as 16 groups of 4 lowercase hexadecimal characters (spec §4). It is printed on every page
 * of the PV that belongs to a count file and on the key-ceremony form, so a person can compare the file with paper;
 * there is one printed form for all of them so the same bytes always read the same.
 */
public final class Fingerprint {
  /** Number of groups shown. */
  public static final int GROUPS = 16;

  private final byte[] digest;

  private Fingerprint(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + digest.length);
    }
    this.digest = digest.clone();
  }

  /** The fingerprint of these exact bytes. */
  public static Fingerprint of(byte[] bytes) {
    MessageDigest md = sha256();
    return new Fingerprint(md.digest(bytes));
  }

  /** The fingerprint of everything the stream yields (read to its end, not closed). */
  public static Fingerprint of(InputStream in) throws IOException {
    MessageDigest md = sha256();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      md.update(buffer, 0, n);
    }
    return new Fingerprint(md.digest());
  }

  /** Wraps a finished digest, e.g. from a {@link java.security.DigestInputStream}. */
  public static Fingerprint ofDigest(byte[] sha256) {
    return new Fingerprint(sha256);
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Reads a fingerprint as typed or printed: 64 hexadecimal characters; spaces, colons and case are ignored. */
  public static Fingerprint parse(String text) {
    Objects.requireNonNull(text, "text");
    String hex = text.replaceAll("[\\s:]+", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a fingerprint has 64 hexadecimal characters, got: '" + text + "'");
    }
    byte[] d = new byte[32];
    for (int i = 0; i < 32; i++) {
      d[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new Fingerprint(d);
  }

  /** The raw digest. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The 64 lowercase hexadecimal characters without spaces, as written in a transfer package's manifest. */
  public String hex() {
    StringBuilder b = new StringBuilder(64);
    for (byte x : digest) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.toString();
  }

  /** Group i (0..15): 4 lowercase hexadecimal characters. */
  public String group(int i) {
    Objects.checkIndex(i, GROUPS);
    return String.format("%02x%02x", digest[2 * i] & 0xff, digest[2 * i + 1] & 0xff);
  }

  /** All groups in order. */
  public List<String> groups() {
    String[] g = new String[GROUPS];
    for (int i = 0; i < GROUPS; i++) {
      g[i] = group(i);
    }
    return List.of(g);
  }

  /** "xxxx xxxx ... xxxx": 16 groups separated by single spaces. */
  @Override
  public String toString() {
    return String.join(" ", groups());
  }

  /** Constant-time comparison of two fingerprints. */
  public boolean matches(Fingerprint other) {
    return MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint && matches((Fingerprint) o);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  /**
   * Draws a challenge: one hidden group among 0-7 and one among 8-15, chosen with SecureRandom now, never derived
   * from the file, so a forger cannot search for a file whose hidden groups happen to match.
   */
  public Challenge challenge(SecureRandom random) {
    return new Challenge(this, random.nextInt(8), 8 + random.nextInt(8));
  }

  /** Draws a challenge with a new SecureRandom. */
  public Challenge challenge() {
    return challenge(new SecureRandom());
  }

  /**
   * A verification challenge: the fingerprint is shown with two groups hidden; the user types those two groups
   * from the paper PV.
   */
  public static final class Challenge {
    private final Fingerprint fingerprint;
    private final int first;
    private final int second;

    Challenge(Fingerprint fingerprint, int first, int second) {
      if (first < 0 || first > 7 || second < 8 || second > 15) {
        throw new IllegalArgumentException("hidden groups are one of 0-7 and one of 8-15");
      }
      this.fingerprint = fingerprint;
      this.first = first;
      this.second = second;
    }

    /** Index (0-based) of the hidden group in the first half. */
    public int firstHidden() {
      return first;
    }

    /** Index (0-based) of the hidden group in the second half. */
    public int secondHidden() {
      return second;
    }

    /** The fingerprint as shown to the user, the two hidden groups replaced by "____". */
    public String shown() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < GROUPS; i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(i == first || i == second ? "____" : fingerprint.group(i));
      }
      return b.toString();
    }

    /**
     * True when the typed groups equal the hidden ones (case-insensitive, surrounding spaces ignored), compared in
     * constant time so the response time does not reveal which characters were right.
     */
    public boolean verify(String typedFirst, String typedSecond) {
      byte[] expected = (fingerprint.group(first) + fingerprint.group(second)).getBytes(StandardCharsets.US_ASCII);
      byte[] typed = (normalise(typedFirst) + normalise(typedSecond)).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, typed);
    }

    private static String normalise(String s) {
      return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
  }
}
