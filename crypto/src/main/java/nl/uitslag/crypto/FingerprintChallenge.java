package nl.uitslag.crypto;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The check on import that the user copies two groups of the fingerprint from the paper report; the positions are
 * drawn when the file is imported, so a forger cannot search for a file whose asked-for groups happen to match.
 *
 * @param first zero-based position of the first group asked for
 * @param second zero-based position of the second group asked for, greater than {@code first}
 */
public record FingerprintChallenge(int first, int second) {

  public FingerprintChallenge {
    if (first < 0 || second >= Fingerprint.GROUPS || first >= second) {
      throw new IllegalArgumentException("positions must satisfy 0 <= first < second < 16");
    }
  }

  /**
   * Draws two distinct positions with {@code SecureRandom} at import time (spec §4); never derived from the file,
   * unlike Abacus, whose digest-seeded positions let a forger search about 2^32 variants.
   */
  public static FingerprintChallenge draw(SecureRandom random) {
    int a = random.nextInt(Fingerprint.GROUPS);
    int b = random.nextInt(Fingerprint.GROUPS - 1);
    if (b >= a) {
      b++;
    }
    return new FingerprintChallenge(Math.min(a, b), Math.max(a, b));
  }

  /**
   * Checks the two groups the user typed from paper against the fingerprint of the file actually received.
   *
   * @throws RejectedException with {@link Rejection#FINGERPRINT_MISMATCH} when either group differs
   */
  public void check(Fingerprint received, String typedFirst, String typedSecond) throws RejectedException {
    boolean firstOk = normalise(typedFirst).equals(received.groups().get(first));
    boolean secondOk = normalise(typedSecond).equals(received.groups().get(second));
    if (!(firstOk && secondOk)) {
      throw new RejectedException(
          Rejection.FINGERPRINT_MISMATCH,
          "typed groups at positions " + (first + 1) + " and " + (second + 1) + " do not match");
    }
  }

  private static String normalise(String typed) {
    return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
  }
}
