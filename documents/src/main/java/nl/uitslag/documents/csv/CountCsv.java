package nl.uitslag.documents.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;

/**
 * The CSV export of a count in the column layout of OSV's "osv4-3" export: a header block (election, date, area,
 * number), one column per reporting unit after the total, the admitted-voter and ballot rows, then one row per
 * list and per candidate. UTF-8 with BOM, fields separated by ';', every value quoted with '"' (a '"' inside is
 * doubled), empty fields unquoted, lines ended by "\n" with no line end after the last row.
 */
public final class CountCsv {
  private static final Pattern POSTCODE_SUFFIX = Pattern.compile("^(.*?)\\s*\\(postcode: ([^)]*)\\)$");
  private static final String STATION_PREFIX = "Stembureau ";

  private CountCsv() {}

  /** One admitted-voter or ballot row: its label and how to get its value from a vote group. */
  private static final class Row {
    final String label;
    final ToLongFunction<VoteCounts> value;
    final UncountedReason reason;

    Row(String label, UncountedReason reason) {
      this.label = label;
      this.reason = reason;
      this.value = null;
    }

    Row(String label, ToLongFunction<VoteCounts> value) {
      this.label = label;
      this.reason = null;
      this.value = value;
    }

    String cell(VoteCounts v) {
      if (reason != null) {
        Long n = v.uncounted(reason);
        return n == null ? null : n.toString();
      }
      return Long.toString(value.applyAsLong(v));
    }
  }

  private static List<Row> rows(List<VoteCounts> groups) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("opgeroepenen", VoteCounts::eligibleVoters));
    rows.add(new Row("geldige stempas", UncountedReason.POLL_CARDS));
    rows.add(new Row("geldig volmachtbewijs", UncountedReason.PROXY_CERTIFICATES));
    rows.add(new Row("geldige kiezerspas", UncountedReason.VOTER_CARDS));
    rows.add(new Row("toegelaten kiezers", UncountedReason.ADMITTED_VOTERS));
    rows.add(new Row("geldige stembiljetten", VoteCounts::totalCounted));
    rows.add(new Row("blanco stembiljetten", v -> v.rejected().get(RejectedReason.BLANK)));
    rows.add(new Row("ongeldige stembiljetten", v -> v.rejected().get(RejectedReason.INVALID)));
    rows.add(new Row("aangetroffen stembiljetten", v -> v.totalCounted() + v.blank() + v.invalid()));
    rows.add(new Row("meer stembiljetten dan toegelaten kiezers", UncountedReason.MORE_BALLOTS_COUNTED));
    rows.add(new Row("minder stembiljetten dan toegelaten kiezers", UncountedReason.FEWER_BALLOTS_COUNTED));
    rows.add(new Row("kiezers met stembiljet hebben niet gestemd", UncountedReason.BALLOTS_TAKEN_AWAY));
    rows.add(new Row("er zijn te weinig stembiljetten uitgereikt", UncountedReason.TOO_FEW_BALLOTS_ISSUED));
    rows.add(new Row("er zijn te veel stembiljetten uitgereikt", UncountedReason.TOO_MANY_BALLOTS_ISSUED));
    // OSV's layout has no rows for these three postal/lost reasons; we add them only when a file carries them.
    addIfPresent(rows, groups, "geen briefstembiljetten", UncountedReason.NO_POSTAL_BALLOTS);
    addIfPresent(rows, groups, "te veel briefstembiljetten", UncountedReason.TOO_MANY_POSTAL_BALLOTS);
    addIfPresent(rows, groups, "kwijtgeraakte stembiljetten", UncountedReason.LOST_BALLOTS);
    rows.add(new Row("geen verklaring", UncountedReason.NO_EXPLANATION));
    rows.add(new Row("andere verklaring", UncountedReason.OTHER_EXPLANATION));
    return rows;
  }

  private static void addIfPresent(List<Row> rows, List<VoteCounts> groups, String label, UncountedReason r) {
    for (VoteCounts v : groups) {
      if (v.uncounted(r) != null) {
        rows.add(new Row(label, r));
        return;
      }
    }
  }

  /**
   * Writes the CSV of one contest of a count. area is the "Gebied" line (e.g. "Gemeente West Maas en Waal"),
   * candidateLists supplies candidate names (null leaves names empty).
   */
  public static byte[] write(Count count, String area, CandidateLists candidateLists) {
    Objects.requireNonNull(count, "count");
    if (count.contests().size() != 1) {
      throw new IllegalArgumentException("the CSV layout holds one contest, this count has "
          + count.contests().size());
    }
    ContestCount contest = count.contests().get(0);
    VoteCounts total = contest.total() != null ? contest.total() : contest.units().get(0).votes();
    List<ReportingUnitCount> units = contest.units();
    ContestLists lists = null;
    if (candidateLists != null) {
      lists = candidateLists.contest(contest.contestId());
      if (lists == null && candidateLists.contests().size() == 1) {
        lists = candidateLists.contests().get(0);
      }
    }

    List<String> lines = new ArrayList<>();
    String electionName = count.election().name() == null ? count.election().id() : count.election().name();
    lines.add(line("Verkiezing", null, electionName));
    lines.add(line("Datum", null, count.election().electionDate().toString()));
    lines.add(line("Gebied", null, area));
    lines.add(line("Nummer", null, count.authority().id()));
    lines.add("");

    List<String> head = new ArrayList<>(List.of("Lijstnummer", "Aanduiding", "Volgnummer", "Naam kandidaat",
        "Totaal"));
    List<String> numbers = blanks("Gebiednummer");
    List<String> postcodes = blanks("Postcode");
    for (ReportingUnitCount u : units) {
      String[] np = nameAndPostcode(u.name());
      head.add(np[0]);
      numbers.add(unitNumber(u.id()));
      postcodes.add(np[1]);
    }
    lines.add(line(head));
    lines.add(line(numbers));
    lines.add(line(postcodes));

    List<VoteCounts> groups = new ArrayList<>();
    groups.add(total);
    units.forEach(u -> groups.add(u.votes()));
    for (Row row : rows(groups)) {
      List<String> cells = new ArrayList<>();
      cells.add(null);
      cells.add(row.label);
      cells.add(null);
      cells.add(null);
      for (VoteCounts v : groups) {
        cells.add(row.cell(v));
      }
      lines.add(line(cells));
    }

    for (ListVotes l : total.lists()) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(l.listNumber()));
      cells.add(l.appellation());
      cells.add(null);
      cells.add(null);
      cells.add(Long.toString(l.votes()));
      for (ReportingUnitCount u : units) {
        ListVotes ul = u.votes().list(l.listNumber());
        cells.add(ul == null ? null : Long.toString(ul.votes()));
      }
      lines.add(line(cells));
      CandidateList nominated = lists == null ? null : lists.list(l.listNumber());
      for (int i = 0; i < l.candidates().size(); i++) {
        CandidateVotes c = l.candidates().get(i);
        List<String> cc = new ArrayList<>();
        cc.add(null);
        cc.add(null);
        cc.add(c.position() == null ? c.shortCode() : c.position().toString());
        cc.add(candidateName(nominated, c));
        cc.add(Long.toString(c.votes()));
        for (ReportingUnitCount u : units) {
          cc.add(unitCandidateVotes(u.votes().list(l.listNumber()), c));
        }
        lines.add(line(cc));
      }
    }
    byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private static String candidateName(CandidateList nominated, CandidateVotes c) {
    if (nominated == null) {
      return "";
    }
    for (Candidate cand : nominated.candidates()) {
      if ((c.position() != null && cand.position() == c.position())
          || (c.position() == null && c.shortCode() != null && c.shortCode().equals(cand.shortCode()))) {
        return cand.name().listName();
      }
    }
    return "";
  }

  private static String unitCandidateVotes(ListVotes unitList, CandidateVotes c) {
    if (unitList == null) {
      return null;
    }
    for (CandidateVotes uc : unitList.candidates()) {
      if (Objects.equals(uc.position(), c.position()) && Objects.equals(uc.shortCode(), c.shortCode())) {
        return Long.toString(uc.votes());
      }
    }
    return null;
  }

  /** "Stembureau Gemeentehuis (postcode: 6658 AG)" becomes ["Gemeentehuis", "6658 AG"]. */
  static String[] nameAndPostcode(String unitName) {
    String name = unitName;
    String postcode = "";
    Matcher m = POSTCODE_SUFFIX.matcher(name);
    if (m.matches()) {
      name = m.group(1);
      postcode = m.group(2);
    }
    if (name.startsWith(STATION_PREFIX)) {
      name = name.substring(STATION_PREFIX.length());
    }
    return new String[] {name, postcode};
  }

  /** "0668::SB112" becomes "112"; "HSB5::0034" becomes "0034". */
  static String unitNumber(String id) {
    int i = id.lastIndexOf("::");
    String last = i < 0 ? id : id.substring(i + 2);
    return last.startsWith("SB") ? last.substring(2) : last;
  }

  private static List<String> blanks(String first) {
    List<String> l = new ArrayList<>();
    l.add(first);
    l.add(null);
    l.add(null);
    l.add(null);
    l.add(null);
    return l;
  }

  private static String line(String a, String b, String c) {
    List<String> l = new ArrayList<>();
    l.add(a);
    l.add(b);
    l.add(c);
    return line(l);
  }

  private static String line(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(';');
      }
      String c = cells.get(i);
      if (c != null) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      }
    }
    return b.toString();
  }
}
