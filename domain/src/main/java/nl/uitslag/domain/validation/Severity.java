package nl.uitslag.domain.validation;

/** Whether a validation result is an error (fout, F) or a warning (waarschuwing, W). */
public enum Severity {
  /** A problem on the paper that must be resolved before the result can become definitive. */
  ERROR,
  /** A remarkable result that the typist must accept and the committee should explain. */
  WARNING
}
