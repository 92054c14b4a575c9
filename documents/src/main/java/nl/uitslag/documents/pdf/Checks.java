package nl.uitslag.documents.pdf;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the view-model records; each message names the offending field. */
final class Checks {

  private Checks() {}

  static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Counts on the paper models are whole numbers from 0 up to 999,999,999 (abacus §3.1). */
  static long count(long value, String name) {
    if (value < 0 || value > 999_999_999L) {
      throw new IllegalArgumentException(
          name + " must be between 0 and 999999999, got " + value);
    }
    return value;
  }

  static int number(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String name) {
    Objects.requireNonNull(values, name);
    for (T value : values) {
      Objects.requireNonNull(value, () -> name + " must not contain null");
    }
    return List.copyOf(values);
  }
}
