package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableThresholds;

/**
 * The input of the notable-results report (opmerkelijke uitslagen) of a committee session: the thresholds
 * used, every flagged polling station with the reason, and what the coordinator recorded about it.
 *
 * @param stationsChecked how many polling stations were checked (with and without flags)
 */
public record NotableResultsReport(
    ElectionHeading election, int sessionNumber, NotableThresholds thresholds, int stationsChecked,
    List<Item> items, ZonedDateTime createdAt) {

  /** What the coordinator decided about a flag. */
  public enum Decision {
    /** Nothing recorded yet. */
    OPEN("nog niet behandeld"),
    /** Explained; the explanation is given. */
    EXPLAINED("verklaard"),
    /** A recount was ordered. */
    RECOUNT_ORDERED("hertelling gelast");

    private final String dutch;

    Decision(String dutch) {
      this.dutch = dutch;
    }

    public String dutch() {
      return dutch;
    }
  }

  /** One flag with the coordinator's decision and explanation (blank when open). */
  public record Item(NotableFlag flag, Decision decision, String explanation) {
    public Item {
      Objects.requireNonNull(flag, "flag");
      Objects.requireNonNull(decision, "decision");
      explanation = explanation == null ? "" : explanation.strip();
      if (decision == Decision.EXPLAINED && explanation.isEmpty()) {
        throw new IllegalArgumentException("an explained flag needs its explanation: " + flag.key());
      }
    }
  }

  public NotableResultsReport {
    Objects.requireNonNull(election, "election");
    Checks.number(sessionNumber, "sessionNumber");
    Objects.requireNonNull(thresholds, "thresholds");
    if (stationsChecked < 0) {
      throw new IllegalArgumentException("stationsChecked cannot be negative");
    }
    items = Checks.list(items, "items");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The number of different polling stations with at least one flag. */
  public long stationsFlagged() {
    return items.stream().map(i -> i.flag().stationNumber()).distinct().count();
  }
}
