package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * Next-session documents (abacus.md §2): Na 14-2 prints original beside corrected figures and carries the new
 * count file's fingerprint; P 2a reports every investigation, with a fingerprint only when a new count file was
 * made. Both conform to PDF/A-3a and PDF/UA-1.
 */
class CorrigendumRendererTest {
  static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 3, 25, 20, 15, 0, 0, ZoneId.of("Europe/Amsterdam"));
  static final ElectionHeading ELECTION =
      new ElectionHeading("Gemeenteraad Kleindorp 2026", LocalDate.of(2026, 3, 18), "Kleindorp", "0999", false);
  static final SessionDetails SESSION = new SessionDetails("Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 25, 19, 30));
  static final List<CandidateList> LISTS = List.of(
      new CandidateList(1, "Partij Een", List.of(new Candidate(1, "Berg, A.B. (Anna)", "Kleindorp"),
          new Candidate(2, "Jansen, C.", "Kleindorp"))),
      new CandidateList(2, "Partij Twee", List.of(new Candidate(1, "Vries, F. de", "Kleindorp"))));
  static final CountFile COUNT_FILE = new CountFile("Telling_GR2026_Kleindorp.eml.xml",
      Fingerprint.of("een nieuw telbestand".getBytes(StandardCharsets.UTF_8)));

  /** A result with list 1 = c1 + c2, list 2 = d1, no blank or invalid votes, A = D = H. */
  static ResultFigures figures(long c1, long c2, long d1) {
    long e = c1 + c2 + d1;
    return new ResultFigures(new VoterCounts(e, 0, 0, e), new VoteCounts(e, 0, 0, e), new DifferenceCounts(0, 0),
        List.of(new ListVotes(1, List.of(c1, c2), c1 + c2), new ListVotes(2, List.of(d1), d1)));
  }

  static InvestigatedStation corrected() {
    return new InvestigatedStation(new PollingStation(3, "Buurthuis De Ster"),
        "Onverklaard verschil van 12 stemmen tussen lijst 1 en lijst 2", "Stapel van lijst 2 bij lijst 1 geteld",
        figures(50, 20, 30), Optional.of(figures(44, 14, 42)));
  }

  static InvestigatedStation notCorrected() {
    return new InvestigatedStation(new PollingStation(5, "Sporthal"), "Bezwaar over de telling van blanco stemmen",
        "", figures(10, 10, 10), Optional.empty());
  }

  static CorrigendumReport na14_2() {
    return new CorrigendumReport(CountingMethod.CSO, ELECTION, SESSION, 2, LISTS, figures(500, 200, 300),
        figures(494, 194, 312), List.of(corrected(), notCorrected()), COUNT_FILE, CREATED);
  }

  final CorrigendumRenderer renderer = new CorrigendumRenderer();

  @Test
  void na14_2ShowsOriginalBesideCorrectedAndTheFingerprintOnEveryPage() throws IOException {
    byte[] pdf = renderer.corrigendum(na14_2());
    String text = Na31ReportTest.text(pdf);
    assertThat(text).contains("Model Na 14-2").contains("Oorspronkelijk Gecorrigeerd Verschil")
        .contains("Stapel van lijst 2 bij") // table cells wrap in the extracted text
        .contains("Geen bevindingen")
        .contains("Bijlage 1 – Stembureau 3 – Buurthuis De Ster")
        .doesNotContain("Bijlage 1 – Stembureau 5");
    // E.2 of the municipality: 300 → 312, and candidate 1 of list 1 at station 3: 50 → 44.
    assertThat(text).contains("E.2 Lijst 2 – Partij Twee 300 312 +12").contains("1 Berg, A.B. (Anna) 50 44 −6");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        assertThat(Na31ReportTest.pageText(doc, p)).as("page %d", p).contains(COUNT_FILE.fingerprint().toString())
            .contains("Model Na 14-2");
      }
    }
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void na14_2IsByteIdenticalForTheSameInput() {
    assertThat(renderer.corrigendum(na14_2())).isEqualTo(renderer.corrigendum(na14_2()));
  }

  @Test
  void p2aWithoutCorrectedResultsHasNoCountFileAndConforms() throws IOException {
    NewSessionReport report = new NewSessionReport(ELECTION, SESSION, 2, List.of(notCorrected()), Optional.empty(),
        CREATED);
    byte[] pdf = renderer.newSessionReport(report);
    String text = Na31ReportTest.text(pdf);
    assertThat(text).contains("Model P 2a").contains("Bezwaar over de telling van blanco")
        .contains("niet tot gecorrigeerde uitkomsten").contains("Geen nieuw telbestand")
        .doesNotContain("SHA-256");
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void p2aWithCorrectedResultsCarriesTheNewCountFilesFingerprint() throws IOException {
    NewSessionReport report = new NewSessionReport(ELECTION, SESSION, 3, List.of(corrected(), notCorrected()),
        Optional.of(COUNT_FILE), CREATED);
    byte[] pdf = renderer.newSessionReport(report);
    assertThat(Na31ReportTest.text(pdf)).contains("zitting 3").contains(COUNT_FILE.fingerprint().toString())
        .contains("Stembureau 3 –").contains("Buurthuis De Ster").contains("Stembureau 5 –").contains("Sporthal");
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void na14_2WithoutAnyCorrectedResultIsRefused() {
    assertThatThrownBy(() -> new CorrigendumReport(CountingMethod.CSO, ELECTION, SESSION, 2, LISTS,
        figures(500, 200, 300), figures(500, 200, 300), List.of(notCorrected()), COUNT_FILE, CREATED))
        .hasMessageContaining("only when at least one investigation has corrected results");
  }

  @Test
  void correctedTotalsThatDoNotFollowFromTheCorrectionsAreRefused() {
    assertThatThrownBy(() -> new CorrigendumReport(CountingMethod.CSO, ELECTION, SESSION, 2, LISTS,
        figures(500, 200, 300), figures(494, 194, 313), List.of(corrected()), COUNT_FILE, CREATED))
        .hasMessageContaining("corrections of the investigated polling stations");
    // Same totals, but the correction moved votes between the candidates of list 1 differently.
    assertThatThrownBy(() -> new CorrigendumReport(CountingMethod.CSO, ELECTION, SESSION, 2, LISTS,
        figures(500, 200, 300), figures(488, 200, 312), List.of(corrected()), COUNT_FILE, CREATED))
        .hasMessageContaining("candidate 1 of list 1");
  }

  @Test
  void aCorrigendumInAFirstSessionIsRefused() {
    assertThatThrownBy(() -> new CorrigendumReport(CountingMethod.CSO, ELECTION, SESSION, 1, LISTS,
        figures(500, 200, 300), figures(494, 194, 312), List.of(corrected()), COUNT_FILE, CREATED))
        .hasMessageContaining("next session");
    assertThatThrownBy(() -> new NewSessionReport(ELECTION, SESSION, 1, List.of(notCorrected()), Optional.empty(),
        CREATED)).hasMessageContaining("2 or more");
  }

  @Test
  void p2aNeedsANewCountFileExactlyWhenResultsWereCorrected() {
    assertThatThrownBy(() -> new NewSessionReport(ELECTION, SESSION, 2, List.of(corrected()), Optional.empty(),
        CREATED)).hasMessageContaining("need a new count file");
    assertThatThrownBy(() -> new NewSessionReport(ELECTION, SESSION, 2, List.of(notCorrected()),
        Optional.of(COUNT_FILE), CREATED)).hasMessageContaining("no new count file");
    assertThatThrownBy(() -> new NewSessionReport(ELECTION, SESSION, 2, List.of(), Optional.empty(), CREATED))
        .hasMessageContaining("at least one polling station");
  }

  @Test
  void anInvestigationWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> new InvestigatedStation(new PollingStation(1, "X"), " ", "", figures(1, 1, 1),
        Optional.empty())).hasMessageContaining("reason");
  }

  static InvestigationSheet sheet(CountingMethod method) {
    return new InvestigationSheet(method, ELECTION, 2, LISTS, new PollingStation(3, "Buurthuis De Ster"),
        "Onverklaard verschil van 12 stemmen tussen lijst 1 en lijst 2", figures(50, 20, 30), CREATED);
  }

  @Test
  void theInvestigationSheetPrintsTheReasonAndOriginalFiguresBesideAnEmptyColumnAndConforms() throws IOException {
    byte[] pdf = renderer.investigationSheet(sheet(CountingMethod.CSO));
    String text = Na31ReportTest.text(pdf);
    assertThat(text).contains("Model Na 14-2 Bijlage 1").contains("Onverklaard verschil van 12 stemmen")
        .contains("Oorspronkelijk Gecorrigeerd").contains("Leeg formulier").doesNotContain("SHA-256")
        .doesNotContain("Verschil");
    // Candidate 1 of list 1 and list 2's total, original figures only.
    assertThat(text).contains("1 Berg, A.B. (Anna) 50").contains("E.2 Lijst 2 – Partij Twee 30");
    Conformance.assertPdfA3aAndPdfUa1(pdf);
    assertThat(renderer.investigationSheet(sheet(CountingMethod.CSO))).as("byte-identical").isEqualTo(pdf);
  }

  @Test
  void decentralCountingUsesModelNa141Versie2() throws IOException {
    byte[] pdf = renderer.investigationSheet(sheet(CountingMethod.DSO));
    assertThat(Na31ReportTest.text(pdf)).contains("Model Na 14-1 versie 2");
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void anInvestigationSheetInAFirstSessionOrWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> new InvestigationSheet(CountingMethod.CSO, ELECTION, 1, LISTS,
        new PollingStation(3, "X"), "Reden", figures(1, 1, 1), CREATED)).hasMessageContaining("next session");
    assertThatThrownBy(() -> new InvestigationSheet(CountingMethod.CSO, ELECTION, 2, LISTS,
        new PollingStation(3, "X"), " ", figures(1, 1, 1), CREATED)).isInstanceOf(IllegalArgumentException.class);
  }
}
