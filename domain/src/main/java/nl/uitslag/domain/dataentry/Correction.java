package nl.uitslag.domain.dataentry;

import java.util.Objects;
import java.util.Set;
import nl.uitslag.domain.results.ResultsModel;

/**
 * An entry being corrected after a difference: only the fields on which the two entries differed are open
 * (they start empty), every other field keeps the value the typist entered before. The typist never sees
 * the other entry's values (product.md §3).
 *
 * @param entry the entry as being corrected
 * @param startedFrom the entry as handed to the typist: own values, differing fields cleared
 * @param fieldsToReEnter the paths of the differing fields
 */
public record Correction(EntryInProgress entry, ResultsModel startedFrom, Set<String> fieldsToReEnter) {
  public Correction {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(startedFrom, "startedFrom");
    fieldsToReEnter = Set.copyOf(fieldsToReEnter);
    if (fieldsToReEnter.isEmpty()) {
      throw new IllegalArgumentException("a correction needs at least one field to re-enter");
    }
  }

  /** The same correction with the entry replaced. */
  Correction with(EntryInProgress updated) {
    return new Correction(updated, startedFrom, fieldsToReEnter);
  }
}
