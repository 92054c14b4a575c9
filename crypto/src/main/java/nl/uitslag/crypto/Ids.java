package nl.uitslag.crypto;

import java.util.regex.Pattern;

/** Checks on identifiers that end up in certificates and package metadata. */
final class Ids {
  /**
   * Election ids ({@code GR2026_Stadskanaal}), authority ids ({@code 0363}, {@code HSB9}, {@code CSB}) and file kinds
   * ({@code 510b}) all fit; anything else (spaces, separators, line breaks) would make DNs and the manifest ambiguous.
   */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Ids() {}

  static String require(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 1-64 characters A-Z a-z 0-9 _ . - but was: " + value);
    }
    return value;
  }

  static boolean valid(String value) {
    return value != null && ID.matcher(value).matches();
  }
}
