package nl.uitslag.domain.dataentry;

import java.util.Objects;
import java.util.Set;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.ValidationResults;

/**
 * Everything a typist may see of the entry they are working on: their own results, progress and form
 * state, the fields to re-enter in a correction, and the validation results. It never contains the other
 * entry's values.
 */
public record TypistView(
    EntryNumber entryNumber,
    ResultsModel results,
    int progress,
    String clientState,
    Set<String> fieldsToReEnter,
    ValidationResults validation) {
  public TypistView {
    Objects.requireNonNull(entryNumber, "entryNumber");
    Objects.requireNonNull(results, "results");
    fieldsToReEnter = Set.copyOf(fieldsToReEnter);
    Objects.requireNonNull(validation, "validation");
  }
}
