package nl.uitslag.domain.apportionment;

/** The kind of a step of the seat apportionment, with the article of the Kieswet it applies. */
public enum StepKind {
  FULL_SEATS("P 6", "full seats (volle zetels)"),
  LARGEST_REMAINDER("P 8 lid 1", "largest remainder (grootste overschot)"),
  UNIQUE_HIGHEST_AVERAGE("P 8 lid 3", "largest average, one seat per list (grootste gemiddelde)"),
  HIGHEST_AVERAGE("P 7", "largest average (grootste gemiddelde)"),
  UNRESTRICTED_HIGHEST_AVERAGE("P 8, P 10", "largest average, unrestricted (after exhaustion)"),
  ABSOLUTE_MAJORITY("P 9", "absolute majority: seat reassigned"),
  EXHAUSTION_RESIDUAL_SEAT_REMOVED("P 10", "list exhausted: residual seat taken away"),
  EXHAUSTION_FULL_SEAT_REMOVED("P 10", "list exhausted: full seat taken away"),
  GROUP_FULL_SEATS("P 12", "list group: full seats per list"),
  GROUP_LARGEST_REMAINDER("P 12", "list group: largest remainder"),
  GROUP_EXHAUSTION_SEAT_REMOVED("P 13 lid 1", "list group: list exhausted, seat taken away"),
  GROUP_HIGHEST_AVERAGE("P 13 lid 2", "list group: largest average"),
  GROUP_SEAT_WITHDRAWN("P 16 lid 2", "list group: last assigned seat withdrawn");

  private final String article;
  private final String description;

  StepKind(String article, String description) {
    this.article = article;
    this.description = description;
  }

  /** The article of the Kieswet (chapter U applies the same mechanics to the EK). */
  public String article() {
    return article;
  }

  public String description() {
    return description;
  }
}
