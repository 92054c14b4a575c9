package nl.uitslag.documents.pdf;

/**
 * How candidate votes were counted in a municipality, which decides the GSB's PV model: central
 * counting (CSO, Na 31-2) or decentral counting (DSO, Na 31-1).
 */
public enum CountingMethod {
  /** Centrale stemopneming: polling stations count lists only, the GSB counts candidate votes. */
  CSO("Na 31-2", "centrale stemopneming"),
  /** Decentrale stemopneming: polling stations count everything on N 10-1. */
  DSO("Na 31-1", "decentrale stemopneming");

  private final String model;
  private final String dutchName;

  CountingMethod(String model, String dutchName) {
    this.model = model;
    this.dutchName = dutchName;
  }

  /** The official model of the GSB's proces-verbaal, e.g. "Na 31-2". */
  public String model() {
    return model;
  }

  public String dutchName() {
    return dutchName;
  }
}
