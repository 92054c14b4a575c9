package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.documents.pdf.ReportRenderer;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.GsbTotals;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ResultsShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden files: the 510b of a fixed data set is byte-identical across runs (against the committed file) and its
 * fingerprint is the one printed on every page of the PV, read back from the PDF.
 */
class ResultsFilesGoldenTest {
  static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 3, 19, 1, 32, 49, 0, ResultsFiles.ZONE);
  static final String GOLDEN = "/nl/uitslag/app/results/golden-510b.eml.xml";

  static ResultsFiles files;
  static List<ResultsFiles.File> generated;

  @BeforeAll
  static void generateOnce() {
    files = new ResultsFiles(new ReportRenderer());
    generated = files.generate(data(CountingMethod.CSO), CREATED);
  }

  static SessionData data(CountingMethod method) {
    List<ListView> lists = List.of(
        new ListView(1, "Partij Een", List.of(
            new CandidateView(1, "A.B.", "Anna", "van der", "Berg", "Kleindorp", "female"),
            new CandidateView(2, "C.", null, null, "Jansen", "Kleindorp", null),
            new CandidateView(3, "D.E.", null, null, "Özdemir", "Grootstad", "male"))),
        new ListView(2, "Lijst \"Twee\" & Co", List.of(
            new CandidateView(1, "F.", "Femke", null, "de Vries", "Kleindorp", "female"),
            new CandidateView(2, "G.", null, "'t", "Hoen", "Kleindorp", null))));
    ResultsShape shape = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(2, 2)), false);
    List<SessionData.Station> stations = List.of(
        new SessionData.Station(11, 1, "Buurthuis De Ster", "1234 AB", 600,
            ResultsFixture.smallResult(new int[] {40, 10, 5}, new int[] {30, 5}, 2, 1)),
        new SessionData.Station(12, 2, "Mobiel stembureau", null, 0,
            ResultsFixture.smallResult(new int[] {20, 20, 0}, new int[] {10, 10}, 0, 3)));
    return new SessionData("GR2026_Kleindorp", "Gemeenteraad Kleindorp 2026", "GR", "GR1",
        LocalDate.of(2026, 3, 18), "Kleindorp", "0999", method, 1, 1000, shape, lists, stations,
        "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 18, 21, 0));
  }

  static byte[] of(List<ResultsFiles.File> files, Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow().content();
  }

  @Test
  void the510bIsByteIdenticalToTheCommittedGoldenFile() throws IOException {
    byte[] eml = of(generated, Kind.EML_510B);
    byte[] golden;
    try (InputStream in = ResultsFilesGoldenTest.class.getResourceAsStream(GOLDEN)) {
      golden = in == null ? null : in.readAllBytes();
    }
    if (golden == null || !java.util.Arrays.equals(golden, eml)) {
      // For review: what we made now, next to the golden file.
      Path out = Path.of("target", "golden-510b.actual.eml.xml");
      Files.createDirectories(out.getParent());
      Files.write(out, eml);
    }
    assertThat(golden).as("golden file %s (actual written to target/)", GOLDEN).isNotNull();
    assertThat(eml).isEqualTo(golden);
  }

  @Test
  void everyFileIsByteIdenticalWhenGeneratedAgainFromTheSameData() {
    List<ResultsFiles.File> again = files.generate(data(CountingMethod.CSO), CREATED);
    assertThat(again).hasSameSizeAs(generated);
    for (int i = 0; i < again.size(); i++) {
      assertThat(again.get(i).name()).isEqualTo(generated.get(i).name());
      assertThat(again.get(i).content()).as(again.get(i).name()).isEqualTo(generated.get(i).content());
    }
  }

  @Test
  void theFingerprintPrintedInThePvIsTheSha256OfThe510b() throws IOException {
    byte[] eml = of(generated, Kind.EML_510B);
    byte[] pdf = of(generated, Kind.PDF_REPORT);
    String expected = PdfChecks.sha256Groups(eml);
    assertThat(PdfChecks.fingerprintsOnEveryPage(pdf)).containsExactly(expected);
    assertThat(generated.get(0).fingerprint().toString()).isEqualTo(expected);
    assertThat(String.join("", PdfChecks.pages(pdf))).contains("Telling_GR2026_Kleindorp.eml.xml")
        .contains("Model Na 31-2");
  }

  @Test
  void theRecordedControlProtocolIsPrintedInSection8InsteadOfTheEmptyTable() throws IOException {
    var outcome = new nl.uitslag.documents.pdf.ControlProtocolOutcome(
        List.of(2, 1), false, "Lijst 2 bij stembureau 12 met 3 stemmen verschil; hertelling wees de software gelijk");
    String withOutcome = String.join("",
        PdfChecks.pages(of(files.generate(data(CountingMethod.CSO), java.util.Optional.of(outcome), java.util.Map.of(), CREATED),
            Kind.PDF_REPORT)));
    assertThat(withOutcome).contains("2, 1").contains("hertelling wees de software gelijk")
        .doesNotContain("In te vullen door het gemeentelijk stembureau na het uitvoeren van het controleprotocol");
    assertThat(String.join("", PdfChecks.pages(of(generated, Kind.PDF_REPORT))))
        .contains("In te vullen door het gemeentelijk stembureau na het uitvoeren van het controleprotocol");
  }

  @Test
  void theCoordinatorsExplanationOfAWarningIsPrintedBesideIt() throws IOException {
    SessionData d = data(CountingMethod.CSO);
    var warnings = ResultsFiles.warnings(d, java.util.Map.of());
    assertThat(warnings).as("the fixture has warnings to explain").isNotEmpty();
    var first = warnings.get(0);
    SessionData.Station station = d.stations().stream()
        .filter(s -> first.subject().equals("Stembureau " + s.number())).findFirst().orElseThrow();
    var explanations = java.util.Map.of(ResultsFiles.explanationKey(station.id(), first.code()),
        "Twee kiezers namen hun stembiljet mee; zo vermeld in het proces-verbaal van het stembureau");
    assertThat(ResultsFiles.warnings(d, explanations).get(0).explanation())
        .startsWith("Twee kiezers namen hun stembiljet mee");
    String pdf = String.join("", PdfChecks.pages(
        of(files.generate(d, java.util.Optional.empty(), explanations, CREATED), Kind.PDF_REPORT)));
    assertThat(pdf.replaceAll("\\s+", " ")).contains("Twee kiezers namen hun stembiljet mee");
  }

  @Test
  void theNamesFollowTheDocumentedScheme() {
    assertThat(generated).extracting(ResultsFiles.File::name).containsExactly(
        "Telling_GR2026_Kleindorp.eml.xml",
        "Model_Na31-2_GR2026_Kleindorp.pdf",
        "osv4-3_telling_gr2026_kleindorp.csv",
        "definitieve-documenten_gr2026_kleindorp_zitting-1_20260319-013249.zip");
  }

  @Test
  void theZipHoldsThePvTheCountFileAndTheCsvUnchanged() throws IOException {
    Map<String, byte[]> zip = ResultsFlowTest.unzip(of(generated, Kind.ZIP));
    assertThat(zip.keySet()).containsExactly("Model_Na31-2_GR2026_Kleindorp.pdf",
        "Telling_GR2026_Kleindorp.eml.xml", "osv4-3_telling_gr2026_kleindorp.csv");
    assertThat(zip.get("Telling_GR2026_Kleindorp.eml.xml")).isEqualTo(of(generated, Kind.EML_510B));
    assertThat(zip.get("Model_Na31-2_GR2026_Kleindorp.pdf")).isEqualTo(of(generated, Kind.PDF_REPORT));
  }

  @Test
  void the510bCarriesTheStationsTheirInvestigationFlagsAndTheTotals() {
    String eml = new String(of(generated, Kind.EML_510B), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(eml).contains("<ReportingUnitIdentifier Id=\"0999::SB1\">Stembureau Buurthuis De Ster (postcode: 1234 AB)")
        .contains("<ReportingUnitIdentifier Id=\"0999::SB2\">Stembureau Mobiel stembureau<")
        .contains("MethodCode=\"centrale stemopneming\"")
        .contains("PhaseCode=\"eerste zitting\"")
        .contains("<Cast>1000</Cast>")
        .contains("<TotalCounted>150</TotalCounted>");
  }

  @Test
  void thePvForDecentralCountingIsNa31_1AndConforms() throws IOException {
    SessionData cso = data(CountingMethod.CSO);
    List<SessionData.Station> stations = cso.stations().stream().map(st -> {
      nl.uitslag.domain.results.PollingStationResults r = st.results();
      return new SessionData.Station(st.id(), st.number(), st.name(), st.postcode(), st.eligibleVoters(),
          new nl.uitslag.domain.results.DsoFirstSessionResults(
              new nl.uitslag.domain.results.AboutReport(nl.uitslag.domain.results.YesNo.NO,
                  nl.uitslag.domain.results.YesNo.NO),
              nl.uitslag.domain.results.ChecksAndCorrections.EMPTY, r.voters(), r.votes(), r.differences(),
              r.lists()));
    }).toList();
    SessionData dso = new SessionData(cso.electionId(), cso.electionName(), cso.category(), cso.subcategory(),
        cso.electionDate(), cso.municipalityName(), cso.municipalityCode(), CountingMethod.DSO, 1,
        cso.eligibleVoters(), cso.shape(), cso.lists(), stations, cso.location(), cso.start());
    List<ResultsFiles.File> out = files.generate(dso, CREATED);
    assertThat(out.get(1).name()).isEqualTo("Model_Na31-1_GR2026_Kleindorp.pdf");
    byte[] pdf = of(out, Kind.PDF_REPORT);
    assertThat(String.join("", PdfChecks.pages(pdf))).contains("Model Na 31-1");
    assertThat(PdfChecks.fingerprintsOnEveryPage(pdf)).containsExactly(PdfChecks.sha256Groups(of(out, Kind.EML_510B)));
    assertThat(new String(of(out, Kind.EML_510B), java.nio.charset.StandardCharsets.UTF_8))
        .contains("MethodCode=\"decentrale stemopneming\"");
    PdfChecks.assertPdfA3aAndPdfUa1(pdf, "Na 31-1 golden");
  }

  @Test
  void withoutSessionDetailsNothingIsGenerated() {
    SessionData d = data(CountingMethod.CSO);
    SessionData noDetails = new SessionData(d.electionId(), d.electionName(), d.category(), d.subcategory(),
        d.electionDate(), d.municipalityName(), d.municipalityCode(), d.countingMethod(), 1, d.eligibleVoters(),
        d.shape(), d.lists(), d.stations(), null, null);
    assertThatThrownBy(() -> files.generate(noDetails, CREATED)).hasMessageContaining("public session");
  }

  @Test
  void aStationWithErrorsIsRefusedAndNoFileIsMade() {
    SessionData d = data(CountingMethod.CSO);
    // F.201: A + B ≠ D on station 2.
    nl.uitslag.domain.results.CsoFirstSessionResults r = (nl.uitslag.domain.results.CsoFirstSessionResults)
        d.stations().get(1).results();
    nl.uitslag.domain.results.CsoFirstSessionResults wrong = new nl.uitslag.domain.results.CsoFirstSessionResults(
        r.extraInvestigation(), r.countingDifferences(),
        new nl.uitslag.domain.results.VoterCounts(r.voters().pollCards() + 1, 0, null, r.voters().totalAdmittedVoters()),
        r.votes(), r.differences(), r.lists());
    SessionData bad = new SessionData(d.electionId(), d.electionName(), d.category(), d.subcategory(),
        d.electionDate(), d.municipalityName(), d.municipalityCode(), d.countingMethod(), 1, d.eligibleVoters(),
        d.shape(), d.lists(), List.of(d.stations().get(0), new SessionData.Station(12, 2, "Mobiel stembureau", null,
            0, wrong)), d.location(), d.start());
    assertThatThrownBy(() -> files.generate(bad, CREATED))
        .isInstanceOf(GsbTotals.ResultsWithErrorsException.class).hasMessageContaining("F.201");
  }
}
