package nl.uitslag.documents.pdf;

import java.util.Objects;
import java.util.Optional;

/**
 * A polling station the CSB ordered investigated in a next session of the GSB (abacus.md §2): the reason
 * (aanleiding en opdracht), the GSB's findings (bevindingen), its original definitive figures and, when the
 * investigation led to corrected results, the corrected figures.
 */
public record InvestigatedStation(
    PollingStation station, String reason, String findings, ResultFigures original,
    Optional<ResultFigures> corrected) {

  public InvestigatedStation {
    Objects.requireNonNull(station, "station");
    Checks.text(reason, "reason");
    findings = findings == null ? "" : findings.strip();
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(corrected, "corrected");
  }

  public boolean hasCorrectedResults() {
    return corrected.isPresent();
  }
}
