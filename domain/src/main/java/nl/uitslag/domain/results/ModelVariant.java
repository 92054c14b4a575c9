package nl.uitslag.domain.results;

/** The proces-verbaal model a results entry is typed from (abacus.md §3.1, "model variants"). */
public enum ModelVariant {
  /** Na 31-2 Bijlage 1: per polling station, CSO, first GSB session. */
  CSO_FIRST_SESSION("Na 31-2 Bijlage 1", CountingMethod.CSO, true, true),
  /** N 10-1 (with optional Na 14-1 versie 1 and the checks-and-corrections page): DSO, first session. */
  DSO_FIRST_SESSION("N 10-1", CountingMethod.DSO, true, true),
  /** Na 14-2 Bijlage 1: CSO corrigendum of a polling station in a next GSB session. */
  CSO_NEXT_SESSION("Na 14-2 Bijlage 1", CountingMethod.CSO, false, true),
  /** Na 14-1 versie 2: DSO corrigendum of a polling station in a next GSB session. */
  DSO_NEXT_SESSION("Na 14-1 versie 2", CountingMethod.DSO, false, true),
  /** The totals of one GSB (Na 31-1, Na 31-2 or Na 14-2) entered at the CSB. */
  GSB_TOTALS("Na 31-1 / Na 31-2 / Na 14-2", null, true, false);

  private final String paperModel;
  private final CountingMethod countingMethod;
  private final boolean firstSession;
  private final boolean pollingStation;

  ModelVariant(String paperModel, CountingMethod countingMethod, boolean firstSession, boolean pollingStation) {
    this.paperModel = paperModel;
    this.countingMethod = countingMethod;
    this.firstSession = firstSession;
    this.pollingStation = pollingStation;
  }

  /** The name of the paper model, as printed on it. */
  public String paperModel() {
    return paperModel;
  }

  /** CSO or DSO for the polling-station models; null for the GSB totals, which exist for both. */
  public CountingMethod countingMethod() {
    return countingMethod;
  }

  /** Whether the model belongs to a first session (a GSB-totals entry at the CSB counts as one). */
  public boolean firstSession() {
    return firstSession;
  }

  /** Whether one entry describes one polling station (entered at the GSB) rather than a whole GSB. */
  public boolean pollingStation() {
    return pollingStation;
  }

  /** The model typed for a polling station at the GSB, given the counting method and the session number. */
  public static ModelVariant forPollingStation(CountingMethod method, int sessionNumber) {
    if (sessionNumber < 1) {
      throw new IllegalArgumentException("session numbers start at 1: " + sessionNumber);
    }
    boolean first = sessionNumber == 1;
    if (method == CountingMethod.CSO) {
      return first ? CSO_FIRST_SESSION : CSO_NEXT_SESSION;
    }
    return first ? DSO_FIRST_SESSION : DSO_NEXT_SESSION;
  }
}
