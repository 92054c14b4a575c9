package nl.uitslag.domain.apportionment;

/** The input of an apportionment is malformed or inconsistent; the message says what and where. */
public class ApportionmentInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ApportionmentInputException(String message) {
    super(message);
  }
}
