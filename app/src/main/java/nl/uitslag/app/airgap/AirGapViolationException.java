package nl.uitslag.app.airgap;

/** A change refused because the server can reach the internet. */
public class AirGapViolationException extends RuntimeException {
  public AirGapViolationException(String reached) {
    super("The server can reach " + reached + "; data entry is stopped until the network is closed again");
  }
}
