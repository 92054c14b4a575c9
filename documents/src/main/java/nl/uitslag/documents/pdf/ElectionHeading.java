package nl.uitslag.documents.pdf;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the heading of every PV names: the election, its polling day and the municipality whose
 * gemeentelijk stembureau (GSB) or polling stations the document is for.
 *
 * @param electionName e.g. "Gemeenteraadsverkiezing 2022"
 * @param pollingDay the day of the vote (dag van stemming)
 * @param municipalityName e.g. "West Maas en Waal"
 * @param municipalityCode the CBS code, e.g. "0668"
 * @param voterCardsApplicable whether count C (kiezerspassen) exists: absent for GR, present for
 *     PS/AB/TK/EP (abacus §3.1)
 */
public record ElectionHeading(
    String electionName,
    LocalDate pollingDay,
    String municipalityName,
    String municipalityCode,
    boolean voterCardsApplicable) {

  public ElectionHeading {
    Checks.text(electionName, "electionName");
    Objects.requireNonNull(pollingDay, "pollingDay");
    Checks.text(municipalityName, "municipalityName");
    Checks.text(municipalityCode, "municipalityCode");
  }
}
