package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Model P 2a: the report of a next session of the gemeentelijk stembureau held on the order of the CSB, with
 * every investigated polling station, its reason and findings and whether it led to corrected results. When it
 * did, a new count file was made and its fingerprint is printed on every page.
 */
public record NewSessionReport(
    ElectionHeading election,
    SessionDetails session,
    int sessionNumber,
    List<InvestigatedStation> investigations,
    Optional<CountFile> countFile,
    ZonedDateTime createdAt) {

  public NewSessionReport {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(session, "session");
    if (sessionNumber < 2) {
      throw new IllegalArgumentException("a next session has number 2 or more: " + sessionNumber);
    }
    investigations = Checks.list(investigations, "investigations");
    if (investigations.isEmpty()) {
      throw new IllegalArgumentException("a next session investigates at least one polling station");
    }
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");
    boolean corrected = investigations.stream().anyMatch(InvestigatedStation::hasCorrectedResults);
    if (corrected != countFile.isPresent()) {
      throw new IllegalArgumentException(corrected
          ? "corrected results need a new count file"
          : "without corrected results no new count file is made");
    }
  }

  public String model() {
    return "P 2a";
  }
}
