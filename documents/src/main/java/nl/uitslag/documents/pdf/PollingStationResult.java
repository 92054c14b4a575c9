package nl.uitslag.documents.pdf;

import java.util.List;
import java.util.Objects;

/**
 * The definitive figures of one polling station as the GSB established them: for CSO one filled-in
 * Na 31-2 Bijlage 1, for DSO the counts taken from the polling station's N 10-1.
 */
public record PollingStationResult(
    PollingStation station,
    VoterCounts voters,
    VoteCounts votes,
    DifferenceCounts differences,
    Investigation investigation,
    List<ListVotes> lists) {

  public PollingStationResult {
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(differences, "differences");
    Objects.requireNonNull(investigation, "investigation");
    lists = Checks.list(lists, "lists");
    ResultChecks.votesMatchLists("stembureau " + station.number(), votes, lists);
  }
}
