package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models P 22-1 (several kieskringen, with a lijstengroep: apportionment.md §6.5 tk_group) and U 16 (Eerste Kamer
 * with stemwaarden: §6.5 ek_weights), the CSB's PV of the result.
 */
class CsbMultiReportRendererTest {
  private static final CsbMultiReportRenderer RENDERER = new CsbMultiReportRenderer();
  private static final Fingerprint FILE = Fingerprint.of("510d".getBytes(StandardCharsets.UTF_8));
  private static final ZonedDateTime CREATED = ZonedDateTime.of(2029, 3, 23, 10, 0, 0, 0,
      ZoneId.of("Europe/Amsterdam"));
  private static byte[] p221;
  private static byte[] u16;

  static CsbMultiResultReport tkGroup() {
    return new CsbMultiResultReport("P 22-1", "Tweede Kamer 2029", LocalDate.of(2029, 3, 21), "De Kiesraad", 10,
        List.of(new CsbMultiResultReport.DistrictRow(1, "Een", null, 1, 2, 725, 725),
            new CsbMultiResultReport.DistrictRow(2, "Twee", null, 0, 0, 460, 460),
            new CsbMultiResultReport.DistrictRow(3, "Drie", null, 0, 0, 415, 415)),
        List.of("Lijst 1 – A", "Lijst 2 – B", "Lijst 3 – C"),
        List.of(List.of(380L, 245L, 100L), List.of(280L, 180L, 0L), Arrays.asList(280L, 135L, null)),
        "160", "40", "grootste gemiddelden (Kieswet P 7)",
        List.of(new CsbResultReport.ListRow(1, "A", 940, 5, 1, 6), new CsbResultReport.ListRow(2, "B", 560, 3, 1, 4),
            new CsbResultReport.ListRow(3, "C", 100, 0, 0, 0)),
        List.of(new CsbMultiResultReport.GroupListRow("1.1", "1, 2", 660, 4),
            new CsbMultiResultReport.GroupListRow("1.2", "3", 280, 2)),
        List.of(new CsbResultReport.StepRow(1, "P 6", "volle zetels", "", ""),
            new CsbResultReport.StepRow(2, "P 7", "restzetel, grootste gemiddelde", "1", "156 2/3"),
            new CsbResultReport.StepRow(4, "P 12", "restzetel binnen de lijstengroep", "1.2", "123 1/3")),
        List.of(), List.of("Lijst 1, kandidaat 7: Zeven, A."),
        List.of(new CsbMultiResultReport.ElectedRow("1.1", 1, "A1, X.", "Ergens", 650, true),
            new CsbMultiResultReport.ElectedRow("1.2", 1, "A5, X.", "Ergens", 100, true),
            new CsbMultiResultReport.ElectedRow("2", 3, "B3, X.", "Ergens", 25, false)),
        List.of(), new CountFile("Totaaltelling_TK2029.eml.xml", FILE), CREATED);
  }

  static CsbMultiResultReport ekWeights(Long secondWeight) {
    return new CsbMultiResultReport("U 16", "Eerste Kamer 2027", LocalDate.of(2027, 5, 26), "De Kiesraad", 5,
        // Body 1 with the U 2 check entered (410 000 / (100 × 41) = 100); body 2 with a basis whose rule is not
        // confirmed (as the kiescollege niet-ingezetenen: 37 455 / 2 500 → 15, the published value applies).
        List.of(new CsbMultiResultReport.DistrictRow(1, "Provinciale Staten van Een", 100L, 0, 0, 16, 1600,
                new CsbMultiResultReport.WeightBasis(410_000, 41, 100, true)),
            new CsbMultiResultReport.DistrictRow(2, "Provinciale Staten van Twee", secondWeight, 0, 0, 10, 2900,
                secondWeight == null ? null : new CsbMultiResultReport.WeightBasis(37_455, 25, 15, false))),
        List.of("Lijst 1 – A", "Lijst 2 – B", "Lijst 3 – C"),
        List.of(List.of(8L, 4L, 3L), List.of(3L, 6L, 1L)),
        "900", "900", "grootste gemiddelden (Kieswet U 9)",
        List.of(new CsbResultReport.ListRow(1, "A", 1700, 1, 1, 2), new CsbResultReport.ListRow(2, "B", 2200, 2, 0, 2),
            new CsbResultReport.ListRow(3, "C", 600, 0, 1, 1)),
        List.of(),
        List.of(new CsbResultReport.StepRow(1, "U 8", "volle zetels", "", "")),
        List.of(), List.of(),
        List.of(new CsbMultiResultReport.ElectedRow("1", 1, "A1, X.", "Ergens", 1200, true)),
        List.of(), new CountFile("Totaaltelling_EK2027.eml.xml", FILE), CREATED);
  }

  @BeforeAll
  static void render() {
    p221 = RENDERER.resultReport(tkGroup());
    u16 = RENDERER.resultReport(ekWeights(300L));
  }

  @Test
  void p22_1PassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(p221);
  }

  @Test
  void u16PassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(u16);
  }

  @Test
  void sameReportGivesTheSameBytes() {
    assertThat(RENDERER.resultReport(tkGroup())).isEqualTo(p221);
  }

  @Test
  void p22_1PrintsKieskringenGroupListsStepsAndElectedWithTheFingerprintOnEveryPage() throws IOException {
    String text = text(p221);
    assertThat(text)
        .contains("Model P 22-1")
        .contains("Stemmen per lijst: kieskring 3 Drie")
        .contains("Lijst 1 – A 940 5 1 6")
        .contains("Verdeling binnen lijstengroepen (Kieswet P 12, P 13)")
        .contains("1.2 3 280 2")
        .contains("P 12 restzetel binnen de lijstengroep 1.2 123 1/3")
        .contains("Zeven, A.")
        .contains("met voorkeurstemmen (P 15)")
        .contains("in lijstvolgorde (P 17)")
        .doesNotContain("Stemwaarde");
    assertFingerprintOnEveryPage(p221);
  }

  @Test
  void u16PrintsTheStemwaardeAndTheWeightedVotesPerVotingBody_U2U3() throws IOException {
    assertThat(text(u16))
        .contains("Model U 16")
        .contains("Stemwaarde")
        .contains("2 Provinciale Staten van Twee 300 0 0 10 2900")
        .contains("Kiesdeler (Kieswet U 7)")
        .contains("met voorkeurstemmen (U 15)");
    assertFingerprintOnEveryPage(u16);
  }

  @Test
  void u16PrintsTheU2CheckWhereTheInhabitantsWereEntered_U2lid1() throws IOException {
    assertThat(text(u16))
        .contains("Stemwaarde volgens Kieswet U 2 lid 1")
        .contains("1 Provinciale Staten van Een 410000 41 100 100 gelijk aan de berekening")
        .contains("2 Provinciale Staten van Twee 37455 25 15 300 rekenregel niet bevestigd");
  }

  @Test
  void aStemwaardeThatContradictsItsOwnU2ComputationIsNeverPrinted_U2lid1() {
    assertThatThrownBy(() -> new CsbMultiResultReport.DistrictRow(1, "Flevoland", 108L, 0, 0, 1, 108,
        new CsbMultiResultReport.WeightBasis(444_850, 41, 109, true)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs from U 2 lid 1 (109)");
  }

  @Test
  void aStemwaardeMissingOnU16OrPresentOnP22_1IsRefused() {
    assertThatThrownBy(() -> ekWeights(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kieskring 2").hasMessageContaining("U 2");
  }

  @Test
  void anUnknownModelIsRefused() {
    CsbMultiResultReport r = tkGroup();
    assertThatThrownBy(() -> new CsbMultiResultReport("P 22-2", r.electionName(), r.pollingDay(), r.csbName(),
        r.seats(), r.districts(), r.listTitles(), r.districtVotes(), r.quota(), r.preferenceThreshold(),
        r.residualSeatSystem(), r.lists(), r.groupLists(), r.steps(), r.lots(), r.deceased(), r.elected(),
        r.warnings(), r.countFile(), r.createdAt())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P 22-1 or U 16");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static void assertFingerprintOnEveryPage(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        assertThat(s.getText(doc)).as("page %d", page).contains(FILE.toString());
      }
    }
  }
}
