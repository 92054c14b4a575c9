package nl.uitslag.documents.pdf;

import java.time.LocalDateTime;
import java.util.Objects;

/** Where and when the public session (zitting) of the committee started, as the PV records it. */
public record SessionDetails(String location, LocalDateTime start) {

  public SessionDetails {
    Checks.text(location, "location");
    Objects.requireNonNull(start, "start");
  }
}
