package nl.uitslag.domain.validation;

/**
 * Every validation code of abacus.md §4, in code order (results are sorted by it). The scope says which
 * results models a rule applies to.
 */
public enum ValidationCode {
  F101("F.101", "CSO first session: exactly one of the two B1-1 questions is answered"),
  F102("F.102", "CSO first session: a B1-1 question has both yes and no ticked"),
  F111("F.111", "CSO first session: a B1-2 question is unanswered"),
  F112("F.112", "CSO first session: a B1-2 question has both yes and no ticked"),
  F121("F.121", "DSO first session: an 'about the PV' question is not answered with exactly one choice"),
  F122("F.122", "DSO first session: corrigendum present (two documents) but checks-and-corrections page missing"),
  F131("F.131", "DSO first session, page present: no own-initiative reason ticked, or 'corrected on own"
      + " initiative' unanswered"),
  F132("F.132", "DSO first session, page present: corrigendum present and 'corrected on own initiative' = no"),
  F133("F.133", "DSO first session, page present: no corrigendum and 'corrected on own initiative' = yes"),
  F134("F.134", "DSO first session, page present: 'corrected on own initiative' has both yes and no"),
  F135("F.135", "DSO first session, page present: 'corrected on CSB request' is answered in a first session"),
  F201("F.201", "A + B + C ≠ D (C = 0 where voter cards do not apply)"),
  F202("F.202", "E.1 + … + E.n ≠ E (suppressed by F.204)"),
  F203("F.203", "E + F + G ≠ H (suppressed by F.204)"),
  F204("F.204", "E.1 + … + E.n > 0 and E = 0"),
  F301("F.301", "polling station: 'D = H' ticked and D ≠ H"),
  F302("F.302", "polling station: 'H > D' ticked and H ≤ D"),
  F303("F.303", "polling station: 'H < D' ticked and H ≥ D"),
  F304("F.304", "polling station: not exactly one of 'D = H', 'H > D', 'H < D' ticked"),
  F305("F.305", "polling station: D = H and I ≠ 0 or J ≠ 0"),
  F306("F.306", "polling station: H > D and I ≠ H − D"),
  F307("F.307", "polling station: H > D and J ≠ 0"),
  F308("F.308", "polling station: H < D and J ≠ D − H"),
  F309("F.309", "polling station: H < D and I ≠ 0"),
  F310("F.310", "polling station: D ≠ H and 'difference completely explained?' is empty or both"),
  F311("F.311", "DSO first session, page present: 'difference completely explained?' = no and the"
      + " 'unexplained difference' reason is not ticked"),
  F312("F.312", "GSB totals at the CSB: D ≠ H − I + J"),
  F401("F.401", "per list: (Σcand > 0 or E.x > 0) and list total = 0 (suppresses F.402 and F.403)"),
  F402("F.402", "per list: list total ≠ Σcand"),
  F403("F.403", "per list: list total ≠ E.x"),
  W001("W.001", "second entry: differs from the first entry (every differing field)"),
  W002("W.002", "correction entry: fields cleared by the coordinator must be entered again"),
  W201("W.201", "polling station: F ≥ ⌈p % × H⌉ (p = blank threshold), not when F = H = 0"),
  W202("W.202", "polling station: G ≥ ⌈p % × H⌉ (p = invalid threshold), not when G = H = 0"),
  W203("W.203", "polling station: |D − H| ≥ n or |D − H| ≥ p % of H (not when D = H)"),
  W204("W.204", "H = 0"),
  W205("W.205", "GSB totals at the CSB: Z = 0"),
  W206("W.206", "GSB totals at the CSB: Z ≠ 0 and Z < A (suppressed by W.205)");

  private final String code;
  private final String condition;

  ValidationCode(String code, String condition) {
    this.code = code;
    this.condition = condition;
  }

  /** The code as printed, e.g. "F.201". */
  public String code() {
    return code;
  }

  /** The condition under which the rule fires, in English, for documentation. */
  public String condition() {
    return condition;
  }

  /** F codes are errors, W codes warnings. */
  public Severity severity() {
    return code.charAt(0) == 'F' ? Severity.ERROR : Severity.WARNING;
  }

  /** The code for its printed form, e.g. "W.203". */
  public static ValidationCode of(String printed) {
    for (ValidationCode c : values()) {
      if (c.code.equals(printed)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown validation code " + printed);
  }

  @Override
  public String toString() {
    return code;
  }
}
