package nl.uitslag.domain.control;

import java.util.List;
import java.util.Objects;

/**
 * The hand-count worksheet of one drawn list (controleprotocol optellingen): one empty cell per polling
 * station for the list total copied from its paper report, and an empty cell for the hand sum. It carries no
 * figure of the software on purpose, so the hand count cannot lean on it.
 */
public record Worksheet(int listNumber, String listName, List<Row> rows) {

  /** One polling station on the worksheet. */
  public record Row(int stationNumber, String stationName) {
    public Row {
      if (stationNumber < 1) {
        throw new IllegalArgumentException("polling station numbers start at 1: " + stationNumber);
      }
      Objects.requireNonNull(stationName, "stationName");
    }
  }

  public Worksheet {
    if (listNumber < 1) {
      throw new IllegalArgumentException("list numbers start at 1: " + listNumber);
    }
    Objects.requireNonNull(listName, "listName");
    rows = List.copyOf(rows);
  }
}
