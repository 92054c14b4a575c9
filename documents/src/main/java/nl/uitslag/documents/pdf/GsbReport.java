package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the proces-verbaal of a gemeentelijk stembureau (GSB) prints: model Na 31-2 (CSO, with a
 * Bijlage 1 per polling station) or Na 31-1 (DSO), in the order of the paper model's sections.
 *
 * <p>The municipal totals are passed in, not computed here, and are checked against the sum of the
 * polling stations: a PV whose totals disagree with its own annexes is refused.
 *
 * @param countingMethod CSO gives model Na 31-2, DSO gives Na 31-1
 * @param election heading of the document
 * @param session where and when the GSB's session started
 * @param eligibleVoters number of eligible voters (kiesgerechtigden) in the municipality
 * @param lists the candidate lists in list order
 * @param voters municipal totals A–D
 * @param votes municipal totals E–H
 * @param differences municipal totals I and J
 * @param listVotes municipal votes per list and candidate, in list order
 * @param pollingStations the polling stations in number order
 * @param warnings warnings with the coordinator's explanations
 * @param controlProtocol the outcome of the control protocol; empty prints a section to fill in by
 *     hand
 * @param countFile the 510b count file whose fingerprint every page carries
 * @param createdAt when the document was made; also the PDF creation date (no clock is read)
 */
public record GsbReport(
    CountingMethod countingMethod,
    ElectionHeading election,
    SessionDetails session,
    long eligibleVoters,
    List<CandidateList> lists,
    VoterCounts voters,
    VoteCounts votes,
    DifferenceCounts differences,
    List<ListVotes> listVotes,
    List<PollingStationResult> pollingStations,
    List<WarningNote> warnings,
    Optional<ControlProtocolOutcome> controlProtocol,
    CountFile countFile,
    ZonedDateTime createdAt) {

  public GsbReport {
    Objects.requireNonNull(countingMethod, "countingMethod");
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(session, "session");
    Checks.count(eligibleVoters, "Z (kiesgerechtigden)");
    lists = Checks.list(lists, "lists");
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    listVotes = Checks.list(listVotes, "listVotes");
    pollingStations = Checks.list(pollingStations, "pollingStations");
    warnings = Checks.list(warnings, "warnings");
    Objects.requireNonNull(controlProtocol, "controlProtocol");
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");

    if (lists.isEmpty()) {
      throw new IllegalArgumentException("an election has at least one list");
    }
    if (pollingStations.isEmpty()) {
      throw new IllegalArgumentException("a GSB adds up at least one polling station");
    }
    for (int i = 1; i < lists.size(); i++) {
      if (lists.get(i).number() <= lists.get(i - 1).number()) {
        throw new IllegalArgumentException("lists must be in increasing number order");
      }
    }
    if (!election.voterCardsApplicable() && voters.voterCards() != 0) {
      throw new IllegalArgumentException("C (kiezerspassen) does not exist for this election");
    }
    ResultChecks.listsMatchCandidates("municipal totals", listVotes, lists);
    ResultChecks.votesMatchLists("municipal totals", votes, listVotes);
    checkPollingStationsAddUp(lists, voters, votes, differences, listVotes, pollingStations);
    if (controlProtocol.isPresent()) {
      checkDrawnLists(controlProtocol.get(), lists);
    }
  }

  /** The official model name, e.g. "Na 31-2". */
  public String model() {
    return countingMethod.model();
  }

  /** The GSB's totals are the sum of its polling stations; anything else is a defect upstream. */
  private static void checkPollingStationsAddUp(
      List<CandidateList> lists,
      VoterCounts voters,
      VoteCounts votes,
      DifferenceCounts differences,
      List<ListVotes> listVotes,
      List<PollingStationResult> stations) {
    VoterCounts sumVoters = VoterCounts.ZERO;
    VoteCounts sumVotes = VoteCounts.ZERO;
    DifferenceCounts sumDifferences = DifferenceCounts.ZERO;
    List<ListVotes> sumLists = null;
    Set<Integer> numbers = new HashSet<>();
    for (PollingStationResult station : stations) {
      String where = "stembureau " + station.station().number();
      if (!numbers.add(station.station().number())) {
        throw new IllegalArgumentException(where + " appears twice");
      }
      ResultChecks.listsMatchCandidates(where, station.lists(), lists);
      sumVoters = sumVoters.plus(station.voters());
      sumVotes = sumVotes.plus(station.votes());
      sumDifferences = sumDifferences.plus(station.differences());
      if (sumLists == null) {
        sumLists = station.lists();
      } else {
        List<ListVotes> previous = sumLists;
        sumLists =
            java.util.stream.IntStream.range(0, previous.size())
                .mapToObj(i -> previous.get(i).plus(station.lists().get(i)))
                .toList();
      }
    }
    requireEqual("A–D", voters, sumVoters);
    requireEqual("E–H", votes, sumVotes);
    requireEqual("I–J", differences, sumDifferences);
    for (int i = 0; i < listVotes.size(); i++) {
      requireEqual("votes of list " + listVotes.get(i).listNumber(), listVotes.get(i),
          sumLists.get(i));
    }
  }

  private static void requireEqual(String what, Object total, Object sum) {
    if (!total.equals(sum)) {
      throw new IllegalArgumentException(
          "municipal " + what + " " + total + " differ from the sum of the polling stations " + sum);
    }
  }

  private static void checkDrawnLists(ControlProtocolOutcome outcome, List<CandidateList> lists) {
    for (int number : outcome.drawnListNumbers()) {
      if (lists.stream().noneMatch(l -> l.number() == number)) {
        throw new IllegalArgumentException("control protocol drew list " + number
            + ", which is not in this election");
      }
    }
  }
}
