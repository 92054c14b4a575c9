package nl.uitslag.documents.pdf;

/**
 * A warning that the software raised on the result (e.g. W.203) together with the coordinator's
 * explanation, which the GSB must give in its PV (abacus §4).
 *
 * @param code the validation code, e.g. "W.201"
 * @param subject what it is about, e.g. "Stembureau 12"
 * @param description the warning text
 * @param explanation the coordinator's explanation; blank when none was given, which the PV then
 *     says explicitly
 */
public record WarningNote(String code, String subject, String description, String explanation) {

  public WarningNote {
    Checks.text(code, "code");
    Checks.text(subject, "subject");
    Checks.text(description, "description");
    explanation = explanation == null ? "" : explanation.strip();
  }

  public boolean explained() {
    return !explanation.isEmpty();
  }
}
