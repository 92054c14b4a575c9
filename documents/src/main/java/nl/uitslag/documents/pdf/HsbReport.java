package nl.uitslag.documents.pdf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the hoofdstembureau's proces-verbaal (model O 7) prints: per municipality of the kieskring its totals (from
 * its Na 31-1 / Na 31-2 and 510b), the totals of the kieskring, the votes per list per municipality and the votes
 * per candidate in the kieskring. The kieskring totals must be the sum of the municipalities (checked here, so a
 * PV can never print a total that does not add up).
 *
 * @param model "O 7"
 * @param electionName e.g. "Tweede Kamer der Staten-Generaal 2021"
 * @param pollingDay the day of voting
 * @param districtName the kieskring, e.g. "Lelystad"
 * @param districtNumber the kieskring number, e.g. 5
 * @param municipalities per municipality in the order of the election tree
 * @param districtTotal the kieskring totals (code and name as printed in the total row)
 * @param lists the lists in number order with the kieskring votes per candidate
 * @param countFile the count file (EML 510c) whose fingerprint is printed on every page
 * @param createdAt when the PV and the 510c were made
 * @param explanationRows the explanations of differences the municipalities' count files carry (EML
 *     UncountedVotes ReasonCode, e.g. "geen verklaring"), in schema order; every row's
 *     {@link TotalsRow#explanations()} has one count per entry; empty when no file carries them
 */
public record HsbReport(
    String model,
    String electionName,
    LocalDate pollingDay,
    String districtName,
    int districtNumber,
    List<TotalsRow> municipalities,
    TotalsRow districtTotal,
    List<ListTotal> lists,
    CountFile countFile,
    ZonedDateTime createdAt,
    List<String> explanationRows) {

  /** A report without explanation rows. */
  public HsbReport(String model, String electionName, LocalDate pollingDay, String districtName, int districtNumber,
      List<TotalsRow> municipalities, TotalsRow districtTotal, List<ListTotal> lists, CountFile countFile,
      ZonedDateTime createdAt) {
    this(model, electionName, pollingDay, districtName, districtNumber, municipalities, districtTotal, lists,
        countFile, createdAt, List.of());
  }

  /** How many list columns one table of votes per list per municipality has, to fit the A4 width. */
  static final int LIST_COLUMNS = 8;

  public HsbReport {
    Checks.text(model, "model");
    Checks.text(electionName, "electionName");
    Objects.requireNonNull(pollingDay, "pollingDay");
    Checks.text(districtName, "districtName");
    Checks.number(districtNumber, "districtNumber");
    municipalities = Checks.list(municipalities, "municipalities");
    Objects.requireNonNull(districtTotal, "districtTotal");
    lists = Checks.list(lists, "lists");
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");
    explanationRows = Checks.list(explanationRows, "explanationRows");
    explanationRows.forEach(x -> Checks.text(x, "explanation row"));
    if (municipalities.isEmpty()) {
      throw new IllegalArgumentException("a kieskring has at least one municipality");
    }
    for (TotalsRow m : municipalities) {
      if (m.explanations().size() != explanationRows.size()) {
        throw new IllegalArgumentException(m.name() + ": " + m.explanations().size() + " explanation rows, not "
            + explanationRows.size());
      }
      if (m.listVotes().size() != lists.size()) {
        throw new IllegalArgumentException(m.name() + ": votes for " + m.listVotes().size() + " lists, not "
            + lists.size());
      }
    }
    if (districtTotal.explanations().size() != explanationRows.size()) {
      throw new IllegalArgumentException("kieskring total: " + districtTotal.explanations().size()
          + " explanation rows, not " + explanationRows.size());
    }
    if (districtTotal.admittedVoters() == null
        != municipalities.stream().anyMatch(m -> m.admittedVoters() == null)) {
      throw new IllegalArgumentException("the kieskring total has admitted voters exactly when every municipality"
          + " has them");
    }
    if (districtTotal.listVotes().size() != lists.size()) {
      throw new IllegalArgumentException("kieskring total: votes for " + districtTotal.listVotes().size()
          + " lists, not " + lists.size());
    }
    requireSum(municipalities, districtTotal);
    for (int i = 0; i < lists.size(); i++) {
      if (lists.get(i).votes() != districtTotal.listVotes().get(i)) {
        throw new IllegalArgumentException("list " + lists.get(i).number() + ": " + lists.get(i).votes()
            + " votes, but the kieskring total row has " + districtTotal.listVotes().get(i));
      }
    }
  }

  private static void requireSum(List<TotalsRow> rows, TotalsRow total) {
    long[] sum = new long[total.values().length];
    for (TotalsRow r : rows) {
      long[] v = r.values();
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.addExact(sum[i], v[i]);
      }
    }
    long[] t = total.values();
    for (int i = 0; i < sum.length; i++) {
      if (sum[i] != t[i]) {
        throw new IllegalArgumentException("the kieskring total (" + t[i] + ") is not the sum of the municipalities ("
            + sum[i] + ") in column " + (i + 1));
      }
    }
  }

  /** The lists in groups of {@link #LIST_COLUMNS}, as indexes into {@link #lists()}: one table per group. */
  public List<List<Integer>> listGroups() {
    List<List<Integer>> out = new ArrayList<>();
    for (int start = 0; start < lists.size(); start += LIST_COLUMNS) {
      List<Integer> group = new ArrayList<>();
      for (int i = start; i < Math.min(lists.size(), start + LIST_COLUMNS); i++) {
        group.add(i);
      }
      out.add(group);
    }
    return out;
  }

  /**
   * The totals of one municipality (or of the kieskring): kiesgerechtigden, toegelaten kiezers (D; null when its
   * count file does not record them, as the TK2021 files), stemmen op kandidaten (E), blanco (F), ongeldig (G),
   * uitgebrachte stemmen (H), the votes per list in list order, and one count per explanation row of the report.
   */
  public record TotalsRow(String code, String name, long eligibleVoters, Long admittedVoters, long validVotes,
      long blank, long invalid, long castVotes, List<Long> listVotes, List<Long> explanations) {
    /** A row without explanation rows. */
    public TotalsRow(String code, String name, long eligibleVoters, long admittedVoters, long validVotes,
        long blank, long invalid, long castVotes, List<Long> listVotes) {
      this(code, name, eligibleVoters, Long.valueOf(admittedVoters), validVotes, blank, invalid, castVotes,
          listVotes, List.of());
    }

    public TotalsRow {
      Checks.text(code, "code");
      Checks.text(name, "name");
      Checks.count(eligibleVoters, "eligibleVoters");
      if (admittedVoters != null) {
        Checks.count(admittedVoters, "admittedVoters");
      }
      Checks.count(validVotes, "validVotes");
      Checks.count(blank, "blank");
      Checks.count(invalid, "invalid");
      Checks.count(castVotes, "castVotes");
      listVotes = Checks.list(listVotes, "listVotes");
      listVotes.forEach(v -> Checks.count(v, "list votes"));
      explanations = Checks.list(explanations, "explanations");
      explanations.forEach(v -> Checks.count(v, "explanation row"));
    }

    long[] values() {
      long[] v = new long[6 + listVotes.size() + explanations.size()];
      v[0] = eligibleVoters;
      v[1] = admittedVoters == null ? 0 : admittedVoters;
      v[2] = validVotes;
      v[3] = blank;
      v[4] = invalid;
      v[5] = castVotes;
      for (int i = 0; i < listVotes.size(); i++) {
        v[6 + i] = listVotes.get(i);
      }
      for (int i = 0; i < explanations.size(); i++) {
        v[6 + listVotes.size() + i] = explanations.get(i);
      }
      return v;
    }
  }

  /** A list with its votes in the kieskring and the votes of each of its candidates. */
  public record ListTotal(int number, String name, long votes, List<CandidateTotal> candidates) {
    public ListTotal {
      Checks.number(number, "list number");
      name = name == null ? "" : name;
      Checks.count(votes, "list votes");
      candidates = Checks.list(candidates, "candidates");
    }

    /** "Lijst 3 – Partij" or "Lijst 3" for a list without appellation. */
    public String title() {
      return ListTitle.of(number, name);
    }
  }

  /** A candidate's votes in the kieskring. */
  public record CandidateTotal(int position, String name, long votes) {
    public CandidateTotal {
      Checks.number(position, "position");
      Checks.text(name, "name");
      Checks.count(votes, "candidate votes");
    }
  }
}
