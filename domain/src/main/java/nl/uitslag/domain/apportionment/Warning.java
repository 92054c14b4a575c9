package nl.uitslag.domain.apportionment;

/** A warning in the apportionment result, with its code, article and a message in English. */
public record Warning(WarningCode code, String message) {
  public String article() {
    return code.article();
  }
}
