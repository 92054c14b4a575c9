package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model Na 31-2 (CSO) and Na 31-1 (DSO) from the real GR2022 counts of West Maas en Waal. */
class Na31ReportTest {

  private static final ReportRenderer RENDERER = new ReportRenderer();
  private static GsbReport report;
  private static byte[] pdf;
  private static String text;

  @BeforeAll
  static void render() throws IOException {
    report = Gr2022WestMaasEnWaal.report(CountingMethod.CSO);
    pdf = RENDERER.gsbReport(report);
    text = text(pdf);
  }

  @Test
  void na31_2PassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void goldenFingerprintOnEveryPageEqualsSha256OfTheCountFile() throws IOException {
    // Computed here from the file's bytes, independently of the report's CountFile.
    String expected = Gr2022WestMaasEnWaal.countFileFingerprint().toString();
    assertThat(expected).hasSize(79).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThan(21); // at least one Bijlage 1 page per polling station
      for (int page = 1; page <= pages; page++) {
        String text = pageText(doc, page);
        assertThat(text)
            .as("page %d", page)
            .contains(expected)
            .contains(Gr2022WestMaasEnWaal.COUNT_FILE)
            .contains("Model Na 31-2")
            .contains("pagina " + page + " van " + pages);
      }
    }
  }

  @Test
  void everyPollingStationHasItsOwnBijlage1() throws IOException {
    for (PollingStationResult s : report.pollingStations()) {
      assertThat(text).contains("Bijlage 1 – " + s.station().title());
    }
    assertThat(report.pollingStations()).hasSize(21);
  }

  @Test
  void municipalTotalsAndCandidateVotesArePrinted() throws IOException {
    // List 1 total and its first candidate, as in the published 510b.
    assertThat(text).contains("Lijst 1 – FD Partij Beneden-Leeuwen 1893");
    assertThat(text).contains("Reuvers, R.A.N. (Rob) Beneden-Leeuwen 581");
    assertThat(text).contains("Totaal uitgebrachte stemmen " + report.votes().totalCast());
    assertThat(text).contains("Totaal toegelaten kiezers " + report.voters().totalAdmitted());
    assertThat(text).doesNotContain("kiezerspassen"); // count C does not exist for GR
  }

  @Test
  void warningsCarryTheCoordinatorsExplanation() throws IOException {
    assertThat(text).contains("W.203").contains("Kiezers hebben hun stembiljet");
    assertThat(text).contains("W.201").contains("Geen toelichting gegeven.");
  }

  @Test
  void absentControlProtocolLeavesASectionToFillInByHand() throws IOException {
    assertThat(text).contains("In te vullen door het gemeentelijk stembureau na het uitvoeren");
  }

  @Test
  void recordedControlProtocolOutcomeIsPrinted() throws IOException {
    GsbReport withOutcome = withControlProtocol(
        Gr2022WestMaasEnWaal.firstStations(report, 2, CountingMethod.CSO),
        new ControlProtocolOutcome(List.of(2, 5, 7), true, ""));
    String printed = text(RENDERER.gsbReport(withOutcome));
    assertThat(printed).contains("Getrokken lijsten 2, 5, 7");
    assertThat(printed).doesNotContain("In te vullen door het gemeentelijk stembureau na het uitvoeren");
  }

  @Test
  void theSeedOfTheDrawIsPrintedSoAnyoneCanRedoItFromThePv() throws IOException {
    GsbReport withSeed = withControlProtocol(
        Gr2022WestMaasEnWaal.firstStations(report, 2, CountingMethod.CSO),
        new ControlProtocolOutcome(List.of(2, 5, 7), true, "", "  4 7 1 9 dobbelsteen  "));
    String printed = text(RENDERER.gsbReport(withSeed));
    assertThat(printed).contains("Startwaarde van de trekking 4 7 1 9 dobbelsteen").contains("Getrokken lijsten 2, 5, 7");
    assertThat(text(RENDERER.gsbReport(withControlProtocol(
            Gr2022WestMaasEnWaal.firstStations(report, 2, CountingMethod.CSO),
            new ControlProtocolOutcome(List.of(2, 5, 7), true, "")))))
        .as("an outcome without a seed prints no empty row").doesNotContain("Startwaarde van de trekking");
  }

  @Test
  void stationsWithDifferencesAreNamedInSection5And6() {
    GsbReportView view = new GsbReportView(report, true);
    List<Integer> withDifferences = report.pollingStations().stream()
        .filter(s -> s.differences().moreBallotsCounted() + s.differences().fewerBallotsCounted() > 0)
        .map(s -> s.station().number())
        .toList();
    assertThat(withDifferences).isNotEmpty();
    assertThat(view.getAdmittedVotersRecounted()).isEqualTo(withDifferences);
    assertThat(RENDERER.gsbReportXhtml(report))
        .contains(new Formats().numbers(view.getStationsWithFewerBallots()));
  }

  @Test
  void sameReportGivesSameBytes() {
    assertThat(RENDERER.gsbReport(report)).isEqualTo(pdf);
  }

  @Test
  void na31_1ForDsoPassesConformanceAndCarriesTheFingerprint() throws IOException {
    byte[] dso = RENDERER.gsbReport(
        Gr2022WestMaasEnWaal.firstStations(report, 3, CountingMethod.DSO));
    Conformance.assertPdfA3aAndPdfUa1(dso);
    String expected = Gr2022WestMaasEnWaal.countFileFingerprint().toString();
    try (PDDocument doc = Loader.loadPDF(dso)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        assertThat(pageText(doc, page)).as("page %d", page)
            .contains(expected).contains("Model Na 31-1");
      }
    }
    assertThat(text(dso)).contains("decentrale stemopneming").doesNotContain("Bijlage 1 –");
  }

  @Test
  void textFromTheDataIsEscapedNotInterpreted() throws IOException {
    GsbReport small = Gr2022WestMaasEnWaal.firstStations(report, 1, CountingMethod.CSO);
    List<CandidateList> lists = new java.util.ArrayList<>(small.lists());
    CandidateList first = lists.get(0);
    List<Candidate> candidates = new java.util.ArrayList<>(first.candidates());
    String hostile = "<script>alert(1)</script> & Zn. <b>vet</b>";
    candidates.set(0, new Candidate(1, hostile, "'s-Hertogenbosch"));
    lists.set(0, new CandidateList(first.number(), first.name(), candidates));
    GsbReport escaped = new GsbReport(small.countingMethod(), small.election(), small.session(),
        small.eligibleVoters(), lists, small.voters(), small.votes(), small.differences(),
        small.listVotes(), small.pollingStations(), small.warnings(), small.controlProtocol(),
        small.countFile(), small.createdAt());
    String xhtml = RENDERER.gsbReportXhtml(escaped, ReportRenderer.StationAnnexes.OMITTED);
    assertThat(xhtml).contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("<b>vet");
    assertThat(text(RENDERER.gsbReport(escaped, ReportRenderer.StationAnnexes.OMITTED)))
        .contains(hostile).contains("'s-Hertogenbosch");
  }

  @Test
  void withoutAnnexesTheMainPvStillCarriesTheFingerprintOnEveryPage() throws IOException {
    byte[] main = RENDERER.gsbReport(report, ReportRenderer.StationAnnexes.OMITTED);
    String expected = report.countFile().fingerprint().toString();
    try (PDDocument doc = Loader.loadPDF(main)) {
      assertThat(doc.getNumberOfPages()).isLessThan(21);
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        assertThat(pageText(doc, page)).as("page %d", page).contains(expected);
      }
    }
    assertThat(text(main)).doesNotContain("Bijlage 1 –").contains("11. Ondertekening");
  }

  @Test
  void aStationAnnexOnItsOwnConformsAndCarriesTheFingerprint() throws IOException {
    byte[] annex = RENDERER.stationAnnex(report, 112);
    Conformance.assertPdfA3aAndPdfUa1(annex);
    String expected = Gr2022WestMaasEnWaal.countFileFingerprint().toString();
    try (PDDocument doc = Loader.loadPDF(annex)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        assertThat(pageText(doc, page)).as("page %d", page)
            .contains(expected).contains("Model Na 31-2 Bijlage 1");
      }
    }
    assertThat(text(annex)).contains("Bijlage 1 – Stembureau 112 – Gemeentehuis (maandag)")
        .doesNotContain("Stembureau 113");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RENDERER.stationAnnex(report, 999))
        .hasMessageContaining("polling station 999 is not in this report");
  }

  private static GsbReport withControlProtocol(GsbReport report, ControlProtocolOutcome outcome) {
    return new GsbReport(report.countingMethod(), report.election(), report.session(),
        report.eligibleVoters(), report.lists(), report.voters(), report.votes(),
        report.differences(), report.listVotes(), report.pollingStations(), report.warnings(),
        Optional.of(outcome), report.countFile(), report.createdAt());
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      // Table cells wrap; compare prose with all whitespace runs as single spaces.
      return stripper.getText(doc).replaceAll("\\s+", " ");
    }
  }

  static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }
}
