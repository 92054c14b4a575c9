package nl.uitslag.app.airgap;

/** What the last probe found. */
public enum AirGapStatus {
  /** No probe has run yet. */
  UNKNOWN,
  /** No probe target could be reached: the network is closed, as it must be. */
  ISOLATED,
  /** A probe target outside the local network answered: data entry stops. */
  CONNECTED,
  /** No targets are configured, so nothing is checked; shown to the coordinator as a warning. */
  DISABLED
}
