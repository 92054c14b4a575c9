package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on the real GR2022 files, and on copies with one inconsistency injected into the published bytes. */
class VerifierTest {
  static final String LISTS = "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
  static final String COUNT = "Telling_GR2022_WestMaasenWaal.eml.xml";
  static final String RESULT = "Resultaat_GR2022_WestMaasenWaal.eml.xml";
  static final LocalDateTime CREATED = LocalDateTime.of(2022, 3, 21, 12, 0);

  @TempDir Path dir;

  static Path shared() {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Paths.get(p) : Paths.get("../../shared");
    if (!Files.isDirectory(root)) {
      root = Paths.get("../../shared");
    }
    return root.toAbsolutePath().normalize();
  }

  static String read(String name) throws IOException {
    return Files.readString(shared().resolve("data/eml/GR2022/" + name), StandardCharsets.UTF_8);
  }

  void copy(String... names) throws IOException {
    for (String n : names) {
      Files.copy(shared().resolve("data/eml/GR2022/" + n), dir.resolve(n));
    }
  }

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Replaces the first occurrence of {@code from} at or after the first occurrence of {@code anchor}. */
  static String replaceAfter(String text, String anchor, String from, String to) {
    int a = text.indexOf(anchor);
    assertThat(a).as("anchor " + anchor).isNotNegative();
    int i = text.indexOf(from, a);
    assertThat(i).as(from + " after " + anchor).isNotNegative();
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  static List<Check> differences(VerificationReport r) {
    return r.differences();
  }

  static List<String> checks(VerificationReport r, String kind) {
    return r.checks().stream().filter(c -> c.kind().equals(kind))
        .map(c -> c.status() + " " + c.location() + ": " + c.message()).collect(Collectors.toList());
  }

  // ---- the real files agree --------------------------------------------------------------------------------

  @Test
  void realWestMaasEnWaalAgreesWithTheOfficialSeatsAndElectedCandidates() throws IOException {
    copy(LISTS, COUNT, RESULT);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(VerificationReport.AGREES);
    assertThat(r.electionId()).isEqualTo("GR2022_WestMaasenWaal");
    // The official result: 17 seats as 3, 2, 3, 2, 2, 2, 2, 1 (Resultaat_GR2022_WestMaasenWaal).
    assertThat(r.checks().stream().filter(c -> c.kind().equals("seats")).map(Check::published))
        .containsExactly("17", "3", "2", "3", "2", "2", "2", "2", "1");
    assertThat(checks(r, "elected")).hasSize(8).allMatch(s -> s.startsWith("OK"));
    assertThat(checks(r, "elected").get(0)).contains("Reuvers, R.A.N. (P 15); Orlemans, R.O.G.M.; van Dreumel");
    assertThat(checks(r, "unit-sum")).singleElement().asString().startsWith("OK");
    assertThat(r.notes()).anyMatch(n -> n.contains("number of seats 17 from the 520"));
  }

  @Test
  void realVlielandWithoutCandidateListsComparesSeatsAndPreferenceElections() throws IOException {
    Files.copy(shared().resolve("data/eml/GR2022/Telling_GR2022_Vlieland.eml.xml"), dir.resolve("t.xml"));
    Files.copy(shared().resolve("data/eml/GR2022/Resultaat_GR2022_Vlieland.eml.xml"),
        dir.resolve("Resultaat_GR2022_Vlieland.eml.xml"));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(checks(r, "seats")).hasSize(5);
    assertThat(checks(r, "seats").get(0)).isEqualTo("OK Resultaat_GR2022_Vlieland.eml.xml: seats in total: 9");
    assertThat(checks(r, "elected")).isNotEmpty().allMatch(s -> s.contains("preference votes (P 15)"));
    assertThat(r.notes()).anyMatch(n -> n.contains("no 230b present"));
  }

  /** A 110a for GR2022 West Maas en Waal (none is published with the files) with the given number of seats. */
  static String definition(int seats) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions" \
        Id="110a" SchemaVersion="5">
          <TransactionId>1</TransactionId>
          <kr:CreationDateTime>2022-02-07T12:00:00.000</kr:CreationDateTime>
          <ElectionEvent>
            <EventIdentifier/>
            <Election>
              <ElectionIdentifier Id="GR2022_WestMaasenWaal">
                <ElectionName>Gemeenteraad West Maas en Waal 2022</ElectionName>
                <ElectionCategory>GR</ElectionCategory>
                <kr:ElectionSubcategory>GR1</kr:ElectionSubcategory>
                <kr:ElectionDomain Id="0668">West Maas en Waal</kr:ElectionDomain>
                <kr:ElectionDate>2022-03-16</kr:ElectionDate>
                <kr:NominationDate>2022-01-31</kr:NominationDate>
              </ElectionIdentifier>
              <Contest>
                <ContestIdentifier Id="geen"/>
                <VotingMethod>SPV</VotingMethod>
                <MaxVotes></MaxVotes>
              </Contest>
              <kr:NumberOfSeats>%d</kr:NumberOfSeats>
              <kr:PreferenceThreshold>50</kr:PreferenceThreshold>
              <kr:ElectionTree>
                <kr:Region RegionNumber="668" RegionCategory="GEMEENTE">
                  <kr:RegionName>West Maas en Waal</kr:RegionName>
                  <kr:Committee CommitteeCategory="CSB"/>
                </kr:Region>
              </kr:ElectionTree>
              <kr:RegisteredParties>
                <kr:RegisteredParty><kr:RegisteredAppellation>CDA</kr:RegisteredAppellation></kr:RegisteredParty>
              </kr:RegisteredParties>
            </Election>
          </ElectionEvent>
        </EML>
        """.formatted(seats);
  }

  @Test
  void withA110aTheNumberOfSeatsComesFromTheDefinition() throws IOException {
    copy(LISTS, COUNT, RESULT);
    write("Verkiezingsdefinitie.eml.xml", definition(17));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.notes()).anyMatch(n -> n.equals("number of seats 17 from the 110a"));
  }

  @Test
  void aSeatMissingFromThe520IsFoundAgainstThe110a() throws IOException {
    copy(LISTS, COUNT, RESULT);
    // The definition says 18 seats, the 520 holds 17: the recomputation with 18 seats differs from the 520.
    write("Verkiezingsdefinitie.eml.xml", definition(18));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).anySatisfy(c -> {
      assertThat(c.message()).startsWith("seats in total");
      assertThat(c.published()).isEqualTo("17");
      assertThat(c.recomputed()).isEqualTo("18");
    });
  }

  // ---- injected inconsistencies ---------------------------------------------------------------------------

  @Test
  void oneCandidateVoteChangedInOnePollingStationIsFoundAtThatStation() throws IOException {
    copy(LISTS, RESULT);
    String text = read(COUNT);
    // Polling station SB1, list 1, candidate 5: 2 votes become 3 (EML-030 within that station).
    write(COUNT, replaceAfter(text, "<ReportingUnitIdentifier Id=\"0668::SB1\">",
        "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate><ValidVotes>2<",
        "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate><ValidVotes>3<"));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    // Both consequences are reported: the station no longer adds up, and neither does the municipal total.
    assertThat(r.differences()).extracting(c -> c.location() + " | " + c.published() + " | " + c.recomputed())
        .containsExactly(
            COUNT + ", contest geen, reporting unit 0668::SB1, list 1 | 3 | 4",
            COUNT + ", contest geen, total of candidate 5 of list 1 | 93 | 94");
    assertThat(r.differences().get(0).message()).contains("EML-030");
    assertThat(r.differences().get(1).message()).contains("EML-032");
    assertThat(r.notes()).anyMatch(n -> n.contains("every arithmetic difference in the file was then collected"));
  }

  @Test
  void aConsistentChangeInOneStationIsFoundAgainstTheMunicipalTotal() throws IOException {
    copy(LISTS, RESULT);
    String text = read(COUNT);
    String sb1 = "<ReportingUnitIdentifier Id=\"0668::SB1\">";
    // Station SB1 stays consistent in itself (candidate, list total and TotalCounted all +1): only the sum over
    // the stations no longer equals the file's total (EML-032).
    text = replaceAfter(text, sb1, "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate><ValidVotes>2<",
        "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate><ValidVotes>3<");
    text = replaceAfter(text, sb1, "</AffiliationIdentifier><ValidVotes>3<", "</AffiliationIdentifier><ValidVotes>4<");
    int at = text.indexOf("<TotalCounted>", text.indexOf(sb1)) + "<TotalCounted>".length();
    int end = text.indexOf('<', at);
    long counted = Long.parseLong(text.substring(at, end));
    text = text.substring(0, at) + (counted + 1) + text.substring(end);
    write(COUNT, text);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).extracting(c -> c.location() + " | " + c.published() + " | " + c.recomputed())
        .containsExactly(
            COUNT + ", contest geen, total of list 1 | 1893 | 1894",
            COUNT + ", contest geen, total of candidate 5 of list 1 | 93 | 94",
            COUNT + ", contest geen, total of TotalCounted | 9350 | 9351");
    assertThat(r.differences()).allMatch(c -> c.message().contains("EML-032"));
  }

  @Test
  void aWrongTotalIsFound() throws IOException {
    copy(LISTS, RESULT);
    write(COUNT, replaceAfter(read(COUNT), "<TotalVotes>", "<ValidVotes>1893<", "<ValidVotes>1983<"));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).extracting(c -> c.location() + " | " + c.message()).containsExactly(
        COUNT + ", contest geen, total, list 1 | list total 1983 does not equal the sum of its candidates 1893"
            + " (EML-030)",
        COUNT + ", contest geen, total, TotalCounted | TotalCounted 9350 does not equal the sum of the list totals"
            + " 9440 (EML-031)",
        COUNT + ", contest geen, total of list 1 | total of list 1 is 1983, the sum over the reporting units is 1893"
            + " (EML-032)");
    // The inconsistent count is not used to recompute seats: that is said, not silently skipped.
    assertThat(r.checks()).anyMatch(c -> c.status() == CheckStatus.CANNOT_VERIFY && c.kind().equals("seats"));
  }

  @Test
  void aWrongSeatCountInThe520IsFoundPerList() throws IOException {
    copy(LISTS, COUNT);
    String text = read(RESULT);
    // Move the second elected candidate of list 7 (Hooijmans) behind list 8's: 7 gets 1 seat, 8 gets 2.
    int name = text.indexOf("Hooijmans");
    int start = text.lastIndexOf("<Selection>", name);
    int stop = text.indexOf("</Selection>", name) + "</Selection>".length();
    String moved = text.substring(start, stop);
    text = text.substring(0, start) + text.substring(stop);
    int hensen = text.indexOf("Hensen");
    int after = text.indexOf("</Selection>", hensen) + "</Selection>".length();
    text = text.substring(0, after) + moved + text.substring(after);
    write(RESULT, text);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    List<Check> seats = r.differences().stream().filter(c -> c.kind().equals("seats")).collect(Collectors.toList());
    assertThat(seats).extracting(Check::location).containsExactly(RESULT + ", list 7", RESULT + ", list 8");
    assertThat(seats).extracting(Check::published).containsExactly("1", "2");
    assertThat(seats).extracting(Check::recomputed).containsExactly("2", "1");
  }

  @Test
  void aWrongElectedCandidateInThe520IsFoundByName() throws IOException {
    copy(LISTS, COUNT);
    write(RESULT, read(RESULT).replace("<xnl:LastName>Hensen</xnl:LastName>", "<xnl:LastName>Jansen</xnl:LastName>"));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("elected");
      assertThat(c.location()).isEqualTo(RESULT + ", list 8");
      assertThat(c.published()).contains("Jansen");
      assertThat(c.recomputed()).contains("Hensen");
    });
  }

  // ---- across levels ----------------------------------------------------------------------------------------

  /** A 510c of a (fictional) HSB whose one reporting unit is West Maas en Waal, made from the real 510b. */
  static byte[] hsbCount(int delta) throws IOException {
    Count b = EmlReader.readCount(Files.newInputStream(shared().resolve("data/eml/GR2022/" + COUNT)), COUNT,
        ReadOptions.none()).count();
    VoteCounts total = b.contests().get(0).total();
    List<ListVotes> lists = new ArrayList<>(total.lists());
    ListVotes l = lists.get(0);
    List<CandidateVotes> cands = new ArrayList<>(l.candidates());
    CandidateVotes c = cands.get(4);
    cands.set(4, new CandidateVotes(c.position(), null, c.votes() + delta, null));
    lists.set(0, new ListVotes(l.listNumber(), l.appellation(), l.votes() + delta, null, cands));
    VoteCounts changed = new VoteCounts(lists, total.eligibleVoters(), null, total.totalCounted() + delta, null,
        total.rejected(), java.util.Map.of(), total.uncounted(), java.util.Map.of());
    ReportingUnitCount unit = new ReportingUnitCount("HSB1::0668", "West Maas en Waal", null, null, changed,
        List.of());
    Count hsb = new Count(b.election(), new ManagingAuthority("HSB1", "Hoofdstembureau"), null, null,
        List.of(new ContestCount("geen", null, changed, List.of(unit))));
    return EmlWriter.writeCount(EmlKind.E510C, hsb, CREATED);
  }

  @Test
  void municipalTotalMatchesTheHsbUnit() throws IOException {
    copy(LISTS, COUNT, RESULT);
    Files.write(dir.resolve("Telling_HSB1.eml.xml"), hsbCount(0));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(checks(r, "level-sum")).isNotEmpty().allMatch(s -> s.startsWith("OK"))
        .anyMatch(s -> s.contains("HSB1::0668, list 1 candidate 5"));
    assertThat(r.notes()).anyMatch(n -> n.contains("Telling_HSB1.eml.xml (510c"));
  }

  @Test
  void aDifferenceBetweenMunicipalityAndHsbIsFoundAndLocated() throws IOException {
    copy(LISTS, COUNT, RESULT);
    Files.write(dir.resolve("Telling_HSB1.eml.xml"), hsbCount(1));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).extracting(c -> c.location() + ": " + c.message()).containsExactly(
        COUNT + " total (0668) vs Telling_HSB1.eml.xml unit HSB1::0668: valid votes (TotalCounted): published 9351,"
            + " recomputed 9350",
        COUNT + " total (0668) vs Telling_HSB1.eml.xml unit HSB1::0668, list 1: list votes: published 1894,"
            + " recomputed 1893",
        COUNT + " total (0668) vs Telling_HSB1.eml.xml unit HSB1::0668, list 1 candidate 5: candidate votes:"
            + " published " + (fifth() + 1) + ", recomputed " + fifth());
  }

  static long fifth() throws IOException {
    Count b = EmlReader.readCount(Files.newInputStream(shared().resolve("data/eml/GR2022/" + COUNT)), COUNT,
        ReadOptions.none()).count();
    return b.contests().get(0).total().lists().get(0).candidates().get(4).votes();
  }

  // ---- lots -------------------------------------------------------------------------------------------------

  @Test
  void anOutcomeDecidedByLotCannotBeVerifiedFromTheFilesAlone() throws IOException {
    Count real = EmlReader.readCount(Files.newInputStream(shared().resolve("data/eml/GR2022/" + COUNT)), COUNT,
        ReadOptions.none()).count();
    // Two lists of 10 votes and 3 seats: one full seat each, equal remainders for the third (Kieswet P 8, lot P 9 lid 2).
    VoteCounts v = new VoteCounts(List.of(
        new ListVotes(1, "A", 10, null, List.of(new CandidateVotes(1, 6), new CandidateVotes(2, 4))),
        new ListVotes(2, "B", 10, null, List.of(new CandidateVotes(1, 6), new CandidateVotes(2, 4)))),
        100, null, 20, null, java.util.Map.of(nl.uitslag.domain.count.RejectedReason.BLANK, 0L,
            nl.uitslag.domain.count.RejectedReason.INVALID, 0L), java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of());
    Count count = new Count(real.election(), real.authority(), null, null, List.of(new ContestCount("geen", null, v,
        List.of(new ReportingUnitCount("0668::SB1", "Stembureau 1", null, null, v, List.of())))));
    Files.write(dir.resolve("count.xml"), EmlWriter.writeCount(EmlKind.E510B, count, CREATED));
    nl.uitslag.domain.election.PersonName a = new nl.uitslag.domain.election.PersonName("A.", null, null, "Aa");
    nl.uitslag.domain.election.PersonName b = new nl.uitslag.domain.election.PersonName("B.", null, null, "Bb");
    nl.uitslag.domain.count.ElectionResult result = new nl.uitslag.domain.count.ElectionResult(real.election(),
        new ManagingAuthority("CSB", "Centraal stembureau"), List.of(new nl.uitslag.domain.count.ContestResult(
            "geen", null, List.of(
                new nl.uitslag.domain.count.ElectedList(1, "A", null),
                new nl.uitslag.domain.count.ElectedCandidate(1, null, a, null, null, null, null, 1),
                new nl.uitslag.domain.count.ElectedCandidate(2, null, b, null, null, null, null, 1),
                new nl.uitslag.domain.count.ElectedList(2, "B", null),
                new nl.uitslag.domain.count.ElectedCandidate(1, null, a, null, null, null, null, 1)))));
    Files.write(dir.resolve("result.xml"), EmlWriter.writeResult(result, CREATED));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(VerificationReport.CANNOT_VERIFY);
    assertThat(r.checks()).filteredOn(c -> c.status() == CheckStatus.CANNOT_VERIFY).singleElement()
        .satisfies(c -> assertThat(c.message()).contains("cannot verify without the recorded lots")
            .contains("list 1").contains("list 2"));
  }

  // ---- report formats -------------------------------------------------------------------------------------

  @Test
  void textAndJsonNameEveryCheckAndTheVerdict() throws IOException {
    copy(LISTS, COUNT);
    write(RESULT, read(RESULT).replace("<xnl:LastName>Hensen</xnl:LastName>", "<xnl:LastName>Jan\"sen</xnl:LastName>"));
    VerificationReport r = Verifier.verify(dir);
    String text = ReportWriter.text(r);
    assertThat(text).contains("DIFFERENT     elected    " + RESULT + ", list 8: elected candidates in order of "
        + "election: published Jan\"sen, T., recomputed Hensen, T.").contains("RESULT: DIFFERENCES FOUND")
        .contains(r.checks().size() + " checks: " + (r.checks().size() - 1) + " OK, 1 DIFFERENT, 0 CANNOT_VERIFY");
    String json = ReportWriter.json(r);
    assertThat(json).startsWith("{\"electionId\":\"GR2022_WestMaasenWaal\",").contains("\"exitCode\":1,")
        .contains("\"agrees\":false").contains("\"published\":\"Jan\\\"sen, T.\"")
        .contains("\"status\":\"DIFFERENT\",\"kind\":\"elected\",\"location\":\"" + RESULT + ", list 8\"");
    assertThat(ReportWriter.jsonError("a\nb")).isEqualTo("{\"exitCode\":2,\"error\":\"a\\nb\"}");
  }

  // ---- bad input ----------------------------------------------------------------------------------------------

  @Test
  void filesOfTwoElectionsAreRefused() throws IOException {
    copy(COUNT, "Resultaat_GR2022_Vlieland.eml.xml");
    assertThatThrownBy(() -> Verifier.verify(dir)).isInstanceOf(VerificationException.class)
        .hasMessageContaining("more than one election").hasMessageContaining("GR2022_Vlieland")
        .hasMessageContaining("GR2022_WestMaasenWaal");
  }

  @Test
  void aDirectoryWithoutEmlFilesIsRefused() {
    assertThatThrownBy(() -> Verifier.verify(dir)).isInstanceOf(VerificationException.class)
        .hasMessageContaining("no EML files");
  }

  @Test
  void aFileThatIsNotEmlIsRefused() throws IOException {
    copy(COUNT);
    write("notes.xml", "<?xml version=\"1.0\"?><notes/>");
    assertThatThrownBy(() -> Verifier.verify(dir)).isInstanceOf(VerificationException.class)
        .hasMessageContaining("notes.xml");
  }

  @Test
  void aDamagedFileIsUnreadableNotADifference() throws IOException {
    copy(LISTS, RESULT);
    String text = read(COUNT);
    write(COUNT, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> Verifier.verify(dir)).isInstanceOf(VerificationException.class)
        .hasMessageContaining(COUNT);
  }
}
