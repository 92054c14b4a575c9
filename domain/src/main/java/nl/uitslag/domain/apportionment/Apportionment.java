package nl.uitslag.domain.apportionment;

/**
 * The seat apportionment and candidate election of the Kieswet (chapter P; U for the EK): a pure
 * function of the input and the lot outcomes recorded so far.
 *
 * <p>Usage: call {@link #apportion}; on {@link ApportionmentOutcome.LotRequired} let the centraal
 * stembureau draw the lot physically, append the outcome to {@link ApportionmentInput#lots()} and call
 * again. Malformed input and lot outcomes that do not answer the lot asked for throw {@link
 * ApportionmentInputException}.
 */
public final class Apportionment {
  private Apportionment() {}

  /** Apportions the seats and elects the candidates, or stops at the first lot not yet drawn. */
  public static ApportionmentOutcome apportion(ApportionmentInput input) {
    ApportionmentRun run = new ApportionmentRun(ElectionModel.of(input), input.lots());
    try {
      return new ApportionmentOutcome.Completed(run.execute());
    } catch (LotBox.LotNeeded needed) {
      return new ApportionmentOutcome.LotRequired(needed.lot, run.steps(), run.warnings());
    }
  }
}
