package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.FEWER_BALLOTS_COUNTED;
import static nl.uitslag.domain.results.FieldPaths.MORE_BALLOTS_COUNTED;

import java.util.Objects;

/**
 * The differences block of a polling-station model: the D/H comparison checkboxes, I more ballots counted
 * (H − D), J fewer ballots counted (D − H) and "difference completely explained?".
 */
public record DifferencesCounts(
    ComparisonChecks comparison, int moreBallotsCounted, int fewerBallotsCounted, YesNo differenceExplained) {
  public static final DifferencesCounts EMPTY = new DifferencesCounts(ComparisonChecks.NONE, 0, 0, YesNo.EMPTY);

  public DifferencesCounts {
    Objects.requireNonNull(comparison, "comparison");
    Counts.check(MORE_BALLOTS_COUNTED, moreBallotsCounted);
    Counts.check(FEWER_BALLOTS_COUNTED, fewerBallotsCounted);
    Objects.requireNonNull(differenceExplained, "differenceExplained");
  }
}
