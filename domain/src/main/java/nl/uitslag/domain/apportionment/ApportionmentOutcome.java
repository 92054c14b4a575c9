package nl.uitslag.domain.apportionment;

import java.util.List;

/**
 * The outcome of one run of the apportionment: completed, or stopped at a lot that the centraal
 * stembureau must draw (the software never draws); re-run with the outcome appended to the lots.
 */
public sealed interface ApportionmentOutcome
    permits ApportionmentOutcome.Completed, ApportionmentOutcome.LotRequired {

  /** The computation finished. */
  record Completed(ApportionmentResult result) implements ApportionmentOutcome {}

  /** The computation needs a lot; the steps up to that point are given for the proces-verbaal. */
  record LotRequired(Lot lot, List<Step> stepsSoFar, List<Warning> warnings)
      implements ApportionmentOutcome {
    public LotRequired {
      stepsSoFar = List.copyOf(stepsSoFar);
      warnings = List.copyOf(warnings);
    }
  }
}
