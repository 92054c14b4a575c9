package nl.uitslag.domain.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** All validation results of one entry, sorted by code (errors first, then warnings). */
public record ValidationResults(List<ValidationResult> all) {
  public static final ValidationResults NONE = new ValidationResults(List.of());

  public ValidationResults {
    List<ValidationResult> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(ValidationResult::code)); // stable: field order kept within a code
    all = List.copyOf(sorted);
  }

  public List<ValidationResult> errors() {
    return all.stream().filter(r -> r.severity() == Severity.ERROR).toList();
  }

  public List<ValidationResult> warnings() {
    return all.stream().filter(r -> r.severity() == Severity.WARNING).toList();
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(r -> r.severity() == Severity.ERROR);
  }

  public boolean hasWarnings() {
    return all.stream().anyMatch(r -> r.severity() == Severity.WARNING);
  }

  /** The codes that fired, in order, each once. */
  public List<ValidationCode> codes() {
    return all.stream().map(ValidationResult::code).distinct().toList();
  }

  /** These results plus others, re-sorted. */
  public ValidationResults plus(List<ValidationResult> more) {
    List<ValidationResult> combined = new ArrayList<>(all);
    combined.addAll(more);
    return new ValidationResults(combined);
  }
}
