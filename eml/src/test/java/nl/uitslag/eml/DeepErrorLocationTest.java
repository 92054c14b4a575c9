package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.VoteCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An error far into a big count file still names the exact line and element: the reader keeps the line of every open
 * element cheaply and reports the one the rule is about, whether the error is found at a start tag, in an element's
 * text or only after the element was read. (EmlException carries the line, not a column.)
 */
class DeepErrorLocationTest {
  private static final int COPIES = 6;
  private static String big;
  private static int units;

  @BeforeAll
  static void writeBigFile() throws Exception {
    Path real = Shared.eml("TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml");
    Count count;
    try (InputStream in = Files.newInputStream(real)) {
      count = EmlReader.readCount(in, "real.eml.xml", ReadOptions.none()).count();
    }
    units = count.contests().get(0).units().size() * COPIES;
    big = new String(EmlWriter.writeCount(EmlKind.E510B, scale(count, COPIES), LocalDateTime.of(2025, 10, 30, 12, 0)),
        StandardCharsets.UTF_8);
    // The scaled file itself is accepted: the errors below come from the single change each test makes.
    read(big);
  }

  @Test
  void badCountInTheLastUnitNamesItsLineAndPath() {
    int at = lastUnit();
    int valid = big.indexOf("<ValidVotes>", big.indexOf("<Candidate>", at));
    String xml = big.substring(0, valid) + "<ValidVotes>12x</ValidVotes>"
        + big.substring(big.indexOf("</ValidVotes>", valid) + "</ValidVotes>".length());
    EmlException e = rejected(xml, EmlRule.INVALID_VALUE);
    assertThat(e.line()).isEqualTo(lineOf(xml, valid)).isGreaterThan(100_000);
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[" + units + "]/Selection[2]/ValidVotes");
  }

  @Test
  void duplicateCandidateFoundAfterItsChildrenIsReportedAtItsOwnStartTag() {
    // The second Selection of the last unit (its first candidate) given twice: found only after the Candidate was
    // read, reported at the start tag of the repeated Selection.
    int first = big.indexOf("<Selection>", big.indexOf("<Candidate>", lastUnit()) - 40);
    int end = big.indexOf("</Selection>", first) + "</Selection>".length();
    String selection = big.substring(first, end);
    String xml = big.substring(0, end) + "\n" + selection + big.substring(end);
    EmlException e = rejected(xml, EmlRule.DUPLICATE_SELECTION);
    assertThat(e.line()).isEqualTo(lineOf(xml, end + 1));
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[" + units + "]/Selection[3]");
  }

  @Test
  void unexpectedAttributeDeepInTheFileIsReportedAtItsTag() {
    int tag = big.lastIndexOf("<CandidateIdentifier Id=\"");
    String xml = big.substring(0, tag) + "<CandidateIdentifier Extra=\"1\" " + big.substring(tag + 21);
    EmlException e = rejected(xml, EmlRule.UNEXPECTED_ATTRIBUTE);
    assertThat(e.line()).isEqualTo(lineOf(xml, tag));
    int selections = 0;
    for (int i = big.indexOf("<Selection>", lastUnit()); i >= 0 && i < tag; i = big.indexOf("<Selection>", i + 1)) {
      selections++;
    }
    assertThat(e.path()).isEqualTo("/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[" + units
        + "]/Selection[" + selections + "]/Candidate[1]/CandidateIdentifier");
  }

  @Test
  void crossCheckAfterTheElementNamesTheElementsLine() {
    // TotalCounted of the last unit one more than its lists: the sum is compared after the element was read.
    int tag = big.indexOf("<TotalCounted>", lastUnit());
    int from = tag + "<TotalCounted>".length();
    int to = big.indexOf('<', from);
    long value = Long.parseLong(big.substring(from, to));
    String xml = big.substring(0, from) + (value + 1) + big.substring(to);
    EmlException e = rejected(xml, EmlRule.TOTAL_COUNTED_MISMATCH);
    assertThat(e.line()).isEqualTo(lineOf(xml, tag));
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[" + units + "]/TotalCounted");
  }

  @Test
  void missingElementAtTheEndOfAContainerNamesTheContainersLine() {
    // A candidate Selection without its ValidVotes: found at the Selection's end tag, reported at the Selection.
    int first = big.indexOf("<Selection>", big.indexOf("<Candidate>", lastUnit()) - 40);
    int valid = big.indexOf("<ValidVotes>", first);
    int validEnd = big.indexOf("</ValidVotes>", valid) + "</ValidVotes>".length();
    String xml = big.substring(0, valid) + big.substring(validEnd);
    EmlException e = rejected(xml, EmlRule.MISSING_ELEMENT);
    assertThat(e.line()).isEqualTo(lineOf(xml, first));
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[" + units + "]/Selection[2]");
  }

  private static int lastUnit() {
    return big.lastIndexOf("<ReportingUnitVotes>");
  }

  private static int lineOf(String xml, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (xml.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static EmlDocument read(String xml) {
    return EmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "big.eml.xml",
        ReadOptions.none().withUnitSink(u -> { }));
  }

  private static EmlException rejected(String xml, EmlRule rule) {
    EmlException[] caught = new EmlException[1];
    assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(EmlException.class, e -> {
      assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
      assertThat(e.fileName()).isEqualTo("big.eml.xml");
      caught[0] = e;
    });
    return caught[0];
  }

  /** The real units repeated with new ids, the total multiplied so that the file stays consistent. */
  private static Count scale(Count count, int copies) {
    List<ContestCount> contests = new ArrayList<>();
    for (ContestCount contest : count.contests()) {
      List<ReportingUnitCount> scaled = new ArrayList<>();
      for (int copy = 0; copy < copies; copy++) {
        for (ReportingUnitCount u : contest.units()) {
          scaled.add(new ReportingUnitCount(copy == 0 ? u.id() : u.id() + "0" + copy, u.name() + " " + copy,
              u.type(), u.sharedLocation(), u.votes(), u.investigations()));
        }
      }
      contests.add(new ContestCount(contest.contestId(), contest.contestName(), times(contest.total(), copies),
          scaled));
    }
    return new Count(count.election(), count.authority(), count.countingMethod(), count.phase(), contests);
  }

  private static VoteCounts times(VoteCounts v, long k) {
    List<ListVotes> lists = new ArrayList<>();
    for (ListVotes l : v.lists()) {
      List<CandidateVotes> candidates = new ArrayList<>();
      for (CandidateVotes c : l.candidates()) {
        candidates.add(new CandidateVotes(c.position(), c.shortCode(), c.votes() * k, null));
      }
      lists.add(new ListVotes(l.listNumber(), l.appellation(), l.votes() * k, null, candidates));
    }
    return new VoteCounts(lists, v.eligibleVoters() * k, null, v.totalCounted() * k, null, times(v.rejected(), k),
        Map.of(), times(v.uncounted(), k), Map.of());
  }

  private static <K extends Enum<K>> Map<K, Long> times(Map<K, Long> m, long k) {
    if (m == null || m.isEmpty()) {
      return m;
    }
    Map<K, Long> result = new EnumMap<>(m);
    result.replaceAll((key, value) -> value == null ? null : value * k);
    return result;
  }
}
