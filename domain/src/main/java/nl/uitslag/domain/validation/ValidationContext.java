package nl.uitslag.domain.validation;

import java.util.Objects;
import nl.uitslag.domain.results.ResultsShape;

/**
 * What the rules need to know about the election besides the entry itself: the shape of its results (lists,
 * candidates, voter cards) and its thresholds. The counting method and session follow from the model
 * variant of the entry.
 */
public record ValidationContext(ResultsShape shape, ValidationThresholds thresholds) {
  public ValidationContext {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(thresholds, "thresholds");
  }

  /** A context with the default thresholds. */
  public static ValidationContext withDefaults(ResultsShape shape) {
    return new ValidationContext(shape, ValidationThresholds.DEFAULTS);
  }
}
