package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model P 22-2, the CSB's PV of the result, with the figures of GR2022 Vlieland (9 seats, P 8). */
class CsbReportRendererTest {
  private static final CsbReportRenderer RENDERER = new CsbReportRenderer();
  private static final Fingerprint FILE = Fingerprint.of("510d".getBytes(StandardCharsets.UTF_8));
  private static CsbResultReport report;
  private static byte[] pdf;

  static CsbResultReport vlieland(List<CsbResultReport.ListRow> lists) {
    return new CsbResultReport("P 22-2", "Gemeenteraad Vlieland 2022", LocalDate.of(2022, 3, 16), "Vlieland", "0096",
        9, 1000, 700, 3, 2, 695, "77 2/9", "38 11/18", "grootste overschotten (Kieswet P 8)",
        lists,
        List.of(new CsbResultReport.StepRow(1, "P 6", "volle zetels", "", ""),
            new CsbResultReport.StepRow(2, "P 8 lid 1", "grootste overschot", "2", "40 3/9")),
        List.of("lijst 2"),
        List.of("Lijst 1, kandidaat 4: Jansen, A."),
        List.of(new CsbResultReport.ElectedRow(1, 1, 1, "Visser, P.D. (Dick)", "Vlieland", 55, true),
            new CsbResultReport.ElectedRow(1, 2, 2, "Moust, K. (Karla)", "Vlieland", 25, false)),
        List.of(),
        new CountFile("Totaaltelling_GR2022_Vlieland.eml.xml", FILE),
        ZonedDateTime.of(2022, 3, 17, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam")));
  }

  @BeforeAll
  static void render() {
    report = vlieland(List.of(new CsbResultReport.ListRow(1, "NLV", 187, 2, 1, 3),
        new CsbResultReport.ListRow(2, "", 74, 0, 1, 1)));
    pdf = RENDERER.resultReport(report);
  }

  @Test
  void p22_2PassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void sameReportGivesTheSameBytes() {
    assertThat(RENDERER.resultReport(report)).isEqualTo(pdf);
  }

  @Test
  void printsSeatsStepsLotsDeceasedAndElectedWithTheFingerprintOnEveryPage() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text.replaceAll("\\s+", " "))
          .contains("Model P 22-2")
          .contains("Lijst 1 – NLV 187 2 1 3")
          .contains("Lijst 2 74 0 1 1")
          .contains("P 8 lid 1")
          .contains("lijst 2")
          .contains("Jansen, A.")
          .contains("Visser, P.D. (Dick)")
          .contains("met voorkeurstemmen (P 15)")
          .contains("in lijstvolgorde (P 17)");
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        assertThat(s.getText(doc)).as("page %d", page).contains(FILE.toString());
      }
    }
  }

  @Test
  void moreSeatsOnTheListsThanToFillIsRefused() {
    assertThatThrownBy(() -> vlieland(List.of(new CsbResultReport.ListRow(1, "A", 10, 10, 0, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the 9");
  }
}
