package nl.uitslag.documents.pdf;

/** The blank paper forms that are printed per polling station before polling day. */
public enum BlankFormModel {
  /** Polling station PV for decentral counting: counts, list totals and candidate votes. */
  N10_1("N 10-1", "Proces-verbaal van een stembureau", true, false),
  /** Polling station PV for central counting: counts and list totals only (no candidate votes). */
  N10_2("N 10-2", "Proces-verbaal van een stembureau", false, false),
  /** The GSB's count sheet per polling station for central counting, with candidate votes. */
  NA31_2_BIJLAGE_1(
      "Na 31-2 Bijlage 1", "Uitkomsten per stembureau (centrale stemopneming)", true, true);

  private final String model;
  private final String title;
  private final boolean candidateVotes;
  private final boolean gsbQuestions;

  BlankFormModel(String model, String title, boolean candidateVotes, boolean gsbQuestions) {
    this.model = model;
    this.title = title;
    this.candidateVotes = candidateVotes;
    this.gsbQuestions = gsbQuestions;
  }

  public String model() {
    return model;
  }

  public String title() {
    return title;
  }

  /** Whether the form has a column per candidate to write votes in. */
  public boolean candidateVotes() {
    return candidateVotes;
  }

  /** Whether the form has the GSB's questions B1-1 and B1-2 and the differences block for a GSB. */
  public boolean gsbQuestions() {
    return gsbQuestions;
  }
}
