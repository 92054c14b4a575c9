package nl.uitslag.app.results;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsShape;

/**
 * Everything the results files of one GSB session are made from: the election and municipality, the lists and
 * candidates, the session details and the definitive result of every polling station.
 *
 * @param electionId EML ElectionIdentifier/@Id, e.g. GR2022_WestMaasenWaal
 * @param category EML ElectionCategory, e.g. GR
 * @param municipalityCode CBS code and managing authority of the 510b, e.g. 0668
 * @param eligibleVoters Z, the municipality's eligible voters (0 when unknown)
 * @param location where the public session was held; null while the coordinator has not entered it
 * @param start when the public session started; null like location
 */
public record SessionData(
    String electionId,
    String electionName,
    String category,
    String subcategory,
    java.time.LocalDate electionDate,
    String municipalityName,
    String municipalityCode,
    CountingMethod countingMethod,
    int sessionNumber,
    long eligibleVoters,
    ResultsShape shape,
    List<ListView> lists,
    List<Station> stations,
    String location,
    LocalDateTime start) {

  public SessionData {
    Objects.requireNonNull(electionId, "electionId");
    Objects.requireNonNull(countingMethod, "countingMethod");
    lists = List.copyOf(lists);
    stations = List.copyOf(stations);
  }

  /** A polling station with its definitive result (null when it has none yet). */
  public record Station(
      long id, int number, String name, String postcode, long eligibleVoters, PollingStationResults results) {}

  /** Whether the coordinator entered where and when the public session started (required for the PV). */
  public boolean hasDetails() {
    return location != null && !location.isBlank() && start != null;
  }
}
