package nl.uitslag.domain.count;

import java.util.Objects;

/** A list that won at least one seat, with its votes if stated. */
public record ElectedList(int listNumber, String appellation, Long votes) implements ResultEntry {
  public ElectedList {
    if (listNumber < 1) {
      throw new IllegalArgumentException("list number must be at least 1: " + listNumber);
    }
    Objects.requireNonNull(appellation, "appellation");
    if (votes != null && votes < 1) {
      throw new IllegalArgumentException("votes of an elected list must be positive: " + votes);
    }
  }
}
