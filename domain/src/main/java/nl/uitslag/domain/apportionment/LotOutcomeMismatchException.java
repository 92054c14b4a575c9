package nl.uitslag.domain.apportionment;

/**
 * A recorded lot outcome does not answer the lot the computation asks for (not one of its options),
 * or outcomes were recorded that no lot asked for.
 */
public class LotOutcomeMismatchException extends ApportionmentInputException {
  private static final long serialVersionUID = 1L;

  public LotOutcomeMismatchException(String message) {
    super(message);
  }
}
