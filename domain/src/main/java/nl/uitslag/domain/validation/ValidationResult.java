package nl.uitslag.domain.validation;

import java.util.List;
import java.util.Objects;

/**
 * One fired validation rule: its code, the field paths concerned (see
 * {@link nl.uitslag.domain.results.FieldPaths}) and, for the F.4xx list rules, the list number.
 */
public record ValidationResult(ValidationCode code, List<String> fields, Integer listNumber) {
  public ValidationResult {
    Objects.requireNonNull(code, "code");
    fields = List.copyOf(fields);
  }

  /** A result not tied to one list. */
  public static ValidationResult of(ValidationCode code, List<String> fields) {
    return new ValidationResult(code, fields, null);
  }

  /** Error or warning, following the code. */
  public Severity severity() {
    return code.severity();
  }
}
