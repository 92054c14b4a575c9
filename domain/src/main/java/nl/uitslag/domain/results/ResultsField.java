package nl.uitslag.domain.results;

import java.util.Objects;

/**
 * One field of a proces-verbaal as entered: its path (stable identifier used by validation results and the
 * double-entry comparison), its code on the paper form ("A", "E.3", "Z"; empty when the paper has none) and
 * its value.
 */
public record ResultsField(String path, String paperCode, FieldValue value) {
  public ResultsField {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(paperCode, "paperCode");
    Objects.requireNonNull(value, "value");
  }
}
