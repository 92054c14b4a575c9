package nl.uitslag.domain.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The totals of a gemeentelijk stembureau: the sum of the definitive results of all its polling stations, as
 * printed in the Na 31-1 / Na 31-2 and written to the 510b (Kieswet N 11 / N 12: the GSB adds up the polling
 * stations' results). Results with errors are refused, never added.
 */
public final class GsbTotals {
  private GsbTotals() {}

  /** The definitive results of one polling station, with its number in the municipality. */
  public record StationResults(int number, PollingStationResults results) {
    public StationResults {
      if (number < 1) {
        throw new IllegalArgumentException("polling station numbers start at 1: " + number);
      }
      Objects.requireNonNull(results, "results");
    }
  }

  /**
   * The validation codes of the errors (F codes) in one result; empty when it has none. The caller supplies
   * the election's validation rules, so this package need not know them.
   */
  @FunctionalInterface
  public interface ErrorCheck {
    List<String> errorCodes(ResultsModel results);
  }

  /** Thrown when a result that is about to be added up still has errors. */
  public static final class ResultsWithErrorsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int station;
    private final List<String> codes;

    public ResultsWithErrorsException(int station, List<String> codes) {
      super("polling station " + station + " has errors " + String.join(", ", codes)
          + "; results with errors are never added up");
      this.station = station;
      this.codes = List.copyOf(codes);
    }

    public int station() {
      return station;
    }

    public List<String> codes() {
      return codes;
    }
  }

  /**
   * Adds up the polling stations' results: A–D, E.1…E.n, E–H, I, J and every candidate's votes.
   *
   * @param shape the election's lists and whether voter cards apply; every result must fit it
   * @param eligibleVoters Z, the municipality's eligible voters (kiesgerechtigden)
   * @param stations at least one, each polling station number once
   * @param check the election's validation rules
   * @throws ResultsWithErrorsException when a result has an error
   * @throws InvalidResultsException when a result does not fit the shape or a total exceeds {@link Counts#MAX}
   */
  public static GsbResults add(
      ResultsShape shape, int eligibleVoters, List<StationResults> stations, ErrorCheck check) {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(stations, "stations");
    Objects.requireNonNull(check, "check");
    if (stations.isEmpty()) {
      throw new IllegalArgumentException("a GSB adds up at least one polling station");
    }
    int lists = shape.lists().size();
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    long e = 0;
    long f = 0;
    long g = 0;
    long h = 0;
    long i = 0;
    long j = 0;
    long[] listTotals = new long[lists];
    long[] pageTotals = new long[lists];
    long[][] candidates = new long[lists][];
    for (int l = 0; l < lists; l++) {
      candidates[l] = new long[shape.lists().get(l).candidateCount()];
    }
    Set<Integer> seen = new HashSet<>();
    for (StationResults station : stations) {
      if (!seen.add(station.number())) {
        throw new IllegalArgumentException("polling station " + station.number() + " appears twice");
      }
      PollingStationResults r = station.results();
      shape.requireConforms(r);
      List<String> errors = check.errorCodes(r);
      if (!errors.isEmpty()) {
        throw new ResultsWithErrorsException(station.number(), errors);
      }
      a += r.voters().pollCards();
      b += r.voters().proxyCertificates();
      c += r.voters().voterCardsOrZero();
      d += r.voters().totalAdmittedVoters();
      e += r.votes().totalVotesCandidates();
      f += r.votes().blankVotes();
      g += r.votes().invalidVotes();
      h += r.votes().totalVotesCast();
      i += r.moreBallotsCounted();
      j += r.fewerBallotsCounted();
      for (int l = 0; l < lists; l++) {
        listTotals[l] += r.votes().listTotals().get(l).votes();
        ListVotes page = r.lists().get(l);
        pageTotals[l] += page.total();
        for (int k = 0; k < candidates[l].length; k++) {
          candidates[l][k] += page.candidateVotes().get(k);
        }
      }
    }
    VoterCounts voters = new VoterCounts(
        count(FieldPaths.POLL_CARDS, a), count(FieldPaths.PROXY_CERTIFICATES, b),
        shape.voterCardsApply() ? Integer.valueOf(count(FieldPaths.VOTER_CARDS, c)) : null,
        count(FieldPaths.TOTAL_ADMITTED_VOTERS, d));
    List<ListTotal> totals = new ArrayList<>();
    List<ListVotes> pages = new ArrayList<>();
    for (int l = 0; l < lists; l++) {
      int number = shape.lists().get(l).listNumber();
      totals.add(new ListTotal(number, count(FieldPaths.listTotalInVotes(number), listTotals[l])));
      List<Integer> votes = new ArrayList<>();
      for (int k = 0; k < candidates[l].length; k++) {
        votes.add(count(FieldPaths.candidateVotes(number, k + 1), candidates[l][k]));
      }
      pages.add(new ListVotes(number, votes, count(FieldPaths.listTotal(number), pageTotals[l])));
    }
    VotesCounts votes = new VotesCounts(totals, count(FieldPaths.TOTAL_VOTES_CANDIDATES, e),
        count(FieldPaths.BLANK_VOTES, f), count(FieldPaths.INVALID_VOTES, g),
        count(FieldPaths.TOTAL_VOTES_CAST, h));
    return new GsbResults(eligibleVoters, voters, votes, count(FieldPaths.MORE_BALLOTS_COUNTED, i),
        count(FieldPaths.FEWER_BALLOTS_COUNTED, j), pages);
  }

  private static int count(String path, long value) {
    if (value > Counts.MAX) {
      throw new InvalidResultsException(path, "the total exceeds " + Counts.MAX + " (" + value + ")");
    }
    return (int) value;
  }
}
