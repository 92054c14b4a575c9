package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.uitslag.app.results.CorrigendumFiles.Investigation;
import nl.uitslag.app.results.ResultsFiles.File;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.documents.pdf.CorrigendumRenderer;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.PollingStationResults;
import org.junit.jupiter.api.Test;

/**
 * The files of a next session (abacus.md §2): P 2a always; with corrected results also a new 510b in phase
 * corrigendum, the Na 14-2 with original beside corrected figures and the CSV, every PDF carrying the new
 * 510b's fingerprint.
 */
class CorrigendumFilesTest {
  final CorrigendumFiles files = new CorrigendumFiles(new CorrigendumRenderer());

  static final PollingStationResults ORIGINAL_2 =
      ResultsFixture.smallResult(new int[] {20, 20, 0}, new int[] {10, 10}, 0, 3);
  // The recount found 5 votes of candidate 2 of list 1 that belonged to candidate 1 of list 2.
  static final PollingStationResults CORRECTED_2 =
      ResultsFixture.smallResult(new int[] {20, 15, 0}, new int[] {15, 10}, 0, 3);

  static SessionData nextSession(PollingStationResults station2) {
    SessionData first = ResultsFilesGoldenTest.data(CountingMethod.CSO);
    List<SessionData.Station> stations = new ArrayList<>();
    for (SessionData.Station s : first.stations()) {
      stations.add(s.number() == 2
          ? new SessionData.Station(s.id(), s.number(), s.name(), s.postcode(), s.eligibleVoters(), station2) : s);
    }
    return new SessionData(first.electionId(), first.electionName(), first.category(), first.subcategory(),
        first.electionDate(), first.municipalityName(), first.municipalityCode(), first.countingMethod(), 2,
        first.eligibleVoters(), first.shape(), first.lists(), stations, "Raadzaal, Kleindorp",
        java.time.LocalDateTime.of(2026, 3, 25, 19, 30));
  }

  static byte[] of(List<File> files, Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow().content();
  }

  @Test
  void correctedResultsGiveANew510bAndPdfsCarryingItsFingerprint() throws IOException {
    List<File> out = files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO), nextSession(CORRECTED_2),
        List.of(new Investigation(2, "Onverklaard verschil bij lijst 1", "Stapel verkeerd ingedeeld", ORIGINAL_2,
            CORRECTED_2)), ResultsFilesGoldenTest.CREATED);
    assertThat(out).extracting(File::name).containsExactly(
        "Telling_GR2026_Kleindorp_zitting-2.eml.xml", "Model_P2a_GR2026_Kleindorp.pdf",
        "Model_Na14-2_GR2026_Kleindorp.pdf", "osv4-3_telling_gr2026_kleindorp_zitting-2.csv",
        "correctie_gr2026_kleindorp_zitting-2.zip");
    byte[] eml = of(out, Kind.EML_510B);
    String xml = new String(eml, StandardCharsets.UTF_8);
    assertThat(xml).contains("PhaseCode=\"corrigendum\"");
    // List 1 was 95 in total (55 + 40) and is now 90; list 2 was 55 and is now 60.
    // With the replaced total beside it (kr:InitialValidVotes, EML_NL 510).
    assertThat(xml).contains("<RegisteredName>Partij Een</RegisteredName>\n              </AffiliationIdentifier>\n"
        + "              <kr:InitialValidVotes>95</kr:InitialValidVotes>\n              <ValidVotes>90</ValidVotes>");
    String fingerprint = PdfChecks.sha256Groups(eml);
    for (Kind pdf : List.of(Kind.PDF_P2A, Kind.PDF_NA14)) {
      assertThat(PdfChecks.fingerprintsOnEveryPage(of(out, pdf))).as(pdf.name()).containsExactly(fingerprint);
    }
    String na14 = String.join(" ", PdfChecks.pages(of(out, Kind.PDF_NA14))).replaceAll("\\s+", " ");
    assertThat(na14).contains("E.1 Lijst 1 – Partij Een 95 90 −5").contains("E.2 Lijst 2 – Lijst \"Twee\" & Co 55 60 +5");
    assertThat(ResultsFlowTest.unzip(of(out, Kind.ZIP))).hasSize(4);
    PdfChecks.assertPdfA3aAndPdfUa1(of(out, Kind.PDF_NA14), "Na 14-2");
  }

  @Test
  void withoutCorrectedResultsOnlyTheP2aIsMade() throws IOException {
    List<File> out = files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO), nextSession(ORIGINAL_2),
        List.of(new Investigation(2, "Bezwaar van een kiezer", "Telling klopt", ORIGINAL_2, null)),
        ResultsFilesGoldenTest.CREATED);
    assertThat(out).extracting(File::kind).containsExactly(Kind.PDF_P2A, Kind.ZIP);
    byte[] p2a = of(out, Kind.PDF_P2A);
    assertThat(String.join(" ", PdfChecks.pages(p2a))).contains("Geen nieuw telbestand").doesNotContain("SHA-256");
    PdfChecks.assertPdfA3aAndPdfUa1(p2a, "P 2a");
  }

  @Test
  void theSameSessionGivesTheSameBytes() {
    List<Investigation> inv = List.of(new Investigation(2, "Reden", "Bevinding", ORIGINAL_2, CORRECTED_2));
    List<File> a = files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO), nextSession(CORRECTED_2), inv,
        ResultsFilesGoldenTest.CREATED);
    List<File> b = files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO), nextSession(CORRECTED_2), inv,
        ResultsFilesGoldenTest.CREATED);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).content()).as(a.get(i).name()).isEqualTo(b.get(i).content());
    }
  }

  @Test
  void aCorrectedResultOtherThanTheSessionsIsRefused() {
    assertThatThrownBy(() -> files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO),
        nextSession(ORIGINAL_2), List.of(new Investigation(2, "Reden", "", ORIGINAL_2, CORRECTED_2)),
        ResultsFilesGoldenTest.CREATED)).hasMessageContaining("not the corrected result");
  }

  @Test
  void aFirstSessionOrNoInvestigationIsRefused() {
    assertThatThrownBy(() -> files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO),
        ResultsFilesGoldenTest.data(CountingMethod.CSO), List.of(new Investigation(2, "R", "", ORIGINAL_2, null)),
        ResultsFilesGoldenTest.CREATED)).hasMessageContaining("next session");
    assertThatThrownBy(() -> files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO),
        nextSession(ORIGINAL_2), List.of(), ResultsFilesGoldenTest.CREATED))
        .hasMessageContaining("at least one polling station");
  }

  static final String GOLDEN = "/nl/uitslag/app/results/golden-510b-corrigendum.eml.xml";

  @Test
  void theCorrigendum510bIsByteIdenticalToTheGoldenFileAndValidAgainstTheSchema() throws IOException {
    List<File> out = files.generate(ResultsFilesGoldenTest.data(CountingMethod.CSO), nextSession(CORRECTED_2),
        List.of(new Investigation(2, "Onverklaard verschil bij lijst 1", "Stapel verkeerd ingedeeld", ORIGINAL_2,
            CORRECTED_2)), ResultsFilesGoldenTest.CREATED);
    byte[] eml = of(out, Kind.EML_510B);
    byte[] golden;
    try (java.io.InputStream in = CorrigendumFilesTest.class.getResourceAsStream(GOLDEN)) {
      golden = in == null ? null : in.readAllBytes();
    }
    if (golden == null || !java.util.Arrays.equals(golden, eml)) {
      java.nio.file.Path actual = java.nio.file.Path.of("target", "golden-510b-corrigendum.actual.eml.xml");
      java.nio.file.Files.createDirectories(actual.getParent());
      java.nio.file.Files.write(actual, eml);
    }
    assertThat(CorrigendumFlowTest.schemaProblem(eml)).isNull();
    assertThat(golden).as("golden file %s (actual written to target/)", GOLDEN).isNotNull();
    assertThat(eml).isEqualTo(golden);
    // Only the corrected station and the totals carry replaced values; station 1 carries none.
    String xml = new String(eml, StandardCharsets.UTF_8);
    String station1 = xml.substring(xml.indexOf("::SB1\""), xml.indexOf("::SB2\""));
    assertThat(station1).doesNotContain("Initial");
    assertThat(xml.substring(xml.indexOf("::SB2\""))).contains("<kr:InitialValidVotes>20</kr:InitialValidVotes>");
  }

  @Test
  void decentralCountingGivesTheSameModelsAndTheNa142PassesVeraPdf() throws IOException {
    SessionData first = ResultsFilesGoldenTest.data(CountingMethod.DSO);
    SessionData next = CorrigendumTotalsProperties.with(first, 2, nextSession(CORRECTED_2).stations());
    List<File> out = files.generate(first, next,
        List.of(new Investigation(2, "Bezwaar", "Hertelling", ORIGINAL_2, CORRECTED_2)),
        ResultsFilesGoldenTest.CREATED);
    assertThat(out).extracting(File::kind)
        .containsExactly(Kind.EML_510B, Kind.PDF_P2A, Kind.PDF_NA14, Kind.CSV, Kind.ZIP);
    assertThat(new String(of(out, Kind.EML_510B), StandardCharsets.UTF_8)).contains("decentrale stemopneming");
    PdfChecks.assertPdfA3aAndPdfUa1(of(out, Kind.PDF_NA14), "Na 14-2 (DSO)");
    PdfChecks.assertPdfA3aAndPdfUa1(of(out, Kind.PDF_P2A), "P 2a (DSO)");
  }

  @Test
  void abacus7_decentralCountingPrintsNa141Versie2PerInvestigationPassingVeraPdf() throws IOException {
    SessionData first = ResultsFilesGoldenTest.data(CountingMethod.DSO);
    SessionData next = CorrigendumTotalsProperties.with(first, 2, first.stations());
    File zip = files.investigationSheets(next,
        List.of(new Investigation(2, "Bezwaar van een kiezer: hertel lijst 2", null, ORIGINAL_2, null)),
        ResultsFilesGoldenTest.CREATED);
    assertThat(zip.name()).isEqualTo("leeg_model_na14-1_versie_2_gr2026_kleindorp_zitting-2.zip");
    var entries = ResultsFlowTest.unzip(zip.content());
    assertThat(entries.keySet()).containsExactly("Model_Na14-1_versie_2_GR2026_Kleindorp_Stembureau_2.pdf");
    byte[] pdf = entries.values().iterator().next();
    assertThat(String.join(" ", PdfChecks.pages(pdf))).contains("Na 14-1 versie 2").contains("hertel lijst 2");
    PdfChecks.assertPdfA3aAndPdfUa1(pdf, "Na 14-1 versie 2");
    assertThatThrownBy(() -> files.investigationSheets(first, List.of(), ResultsFilesGoldenTest.CREATED))
        .hasMessageContaining("next session");
  }
}
