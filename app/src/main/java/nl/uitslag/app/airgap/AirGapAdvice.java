package nl.uitslag.app.airgap;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the air-gap state visible on every page, so nobody works on a connected server unknowingly. */
@ControllerAdvice
class AirGapAdvice {
  private final AirGapMonitor monitor;

  AirGapAdvice(AirGapMonitor monitor) {
    this.monitor = monitor;
  }

  @ModelAttribute("airGapStatus")
  String airGapStatus() {
    return monitor.status().name();
  }
}
