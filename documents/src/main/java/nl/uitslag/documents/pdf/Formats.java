package nl.uitslag.documents.pdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Dutch formatting used by the templates; kept in Java so that the output does not depend on the
 * default locale or time zone of the server.
 */
public final class Formats {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", DUTCH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu 'om' HH:mm", DUTCH);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss xxx", DUTCH);

  Formats() {}

  public String date(LocalDate date) {
    return DATE.format(date);
  }

  public String dateTime(LocalDateTime time) {
    return DATE_TIME.format(time);
  }

  /** Creation time in the footer, with its UTC offset so it is unambiguous. */
  public String stamp(ZonedDateTime time) {
    return STAMP.format(time);
  }

  /** "3, 7, 12", or "geen" when empty, as the PV lists polling station numbers. */
  public String numbers(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      return "geen";
    }
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  public String yesNo(boolean value) {
    return value ? "ja" : "nee";
  }
}
