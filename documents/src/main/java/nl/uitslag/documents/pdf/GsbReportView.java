package nl.uitslag.documents.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the Na 31-x template derives from a {@link GsbReport}: the polling stations named in the
 * differences and investigation sections, and the candidate-vote matrices of the annexes.
 */
public final class GsbReportView {

  /** Lists side by side in one candidate-vote matrix; eight fit an A4 portrait page. */
  static final int LISTS_PER_MATRIX = 8;

  private final GsbReport report;
  private final boolean stationAnnexes;

  GsbReportView(GsbReport report, boolean stationAnnexes) {
    this.report = report;
    this.stationAnnexes = stationAnnexes;
  }

  /** Whether the figures of every polling station are printed as annexes after the PV. */
  public boolean isStationAnnexes() {
    return stationAnnexes;
  }

  public GsbReport getReport() {
    return report;
  }

  /** The model name of one polling station's annex, e.g. "Na 31-2 Bijlage 1". */
  public String getAnnexModel() {
    return isCso() ? report.model() + " Bijlage 1" : report.model() + " bijlage";
  }

  public boolean isCso() {
    return report.countingMethod() == CountingMethod.CSO;
  }

  public List<Integer> getStationsWithMoreBallots() {
    return stations(s -> s.differences().moreBallotsCounted() > 0);
  }

  public List<Integer> getStationsWithFewerBallots() {
    return stations(s -> s.differences().fewerBallotsCounted() > 0);
  }

  public List<Integer> getAdmittedVotersRecounted() {
    return stations(s -> s.investigation().admittedVotersRecounted());
  }

  public List<Integer> getInvestigatedForOtherReason() {
    return stations(s -> s.investigation().investigatedForOtherReason());
  }

  public List<Integer> getBallotsRecounted() {
    return stations(s -> s.investigation().ballotsRecounted());
  }

  /** The list rows of the municipal totals: list with its votes, in list order. */
  public List<ListRow> getListRows() {
    return rows(report.listVotes());
  }

  public List<ListRow> listRows(PollingStationResult station) {
    return rows(station.lists());
  }

  /** The candidate votes of one polling station, as matrices of at most eight lists each. */
  public List<Matrix> matrices(PollingStationResult station) {
    List<Matrix> out = new ArrayList<>();
    List<CandidateList> lists = report.lists();
    for (int from = 0; from < lists.size(); from += LISTS_PER_MATRIX) {
      int to = Math.min(from + LISTS_PER_MATRIX, lists.size());
      List<CandidateList> group = lists.subList(from, to);
      int height = group.stream().mapToInt(l -> l.candidates().size()).max().orElse(0);
      List<MatrixRow> rows = new ArrayList<>(height);
      for (int c = 0; c < height; c++) {
        List<String> cells = new ArrayList<>(group.size());
        for (int l = from; l < to; l++) {
          List<Long> votes = station.lists().get(l).candidateVotes();
          cells.add(c < votes.size() ? String.valueOf(votes.get(c)) : "");
        }
        rows.add(new MatrixRow(c + 1, cells));
      }
      List<Long> totals = station.lists().subList(from, to).stream().map(ListVotes::total).toList();
      out.add(new Matrix(group, rows, totals));
    }
    return out;
  }

  private List<ListRow> rows(List<ListVotes> votes) {
    List<ListRow> out = new ArrayList<>(votes.size());
    for (int i = 0; i < votes.size(); i++) {
      out.add(new ListRow(report.lists().get(i), votes.get(i)));
    }
    return out;
  }

  private List<Integer> stations(Predicate<PollingStationResult> which) {
    return report.pollingStations().stream()
        .filter(which)
        .map(s -> s.station().number())
        .toList();
  }

  /** A list next to its votes. */
  public record ListRow(CandidateList list, ListVotes votes) {}

  /** Candidate votes of a group of lists: one row per candidate number, one column per list. */
  public record Matrix(List<CandidateList> lists, List<MatrixRow> rows, List<Long> totals) {}

  /** One candidate number across the lists of a matrix; empty where a list is shorter. */
  public record MatrixRow(int candidateNumber, List<String> cells) {}
}
