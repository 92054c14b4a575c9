package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.uitslag.documents.pdf.HsbReport.CandidateTotal;
import nl.uitslag.documents.pdf.HsbReport.ListTotal;
import nl.uitslag.documents.pdf.HsbReport.TotalsRow;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model O 7, the hoofdstembureau's PV of the totals of a kieskring: three municipalities of kieskring Lelystad
 * and ten lists (so the votes per list per municipality need two tables), PDF/A-3a + PDF/UA-1, byte-stable, the
 * 510c fingerprint on every page, and a total that is not the sum of the municipalities refused.
 */
class HsbReportRendererTest {
  private static final HsbReportRenderer RENDERER = new HsbReportRenderer();
  private static final Fingerprint FILE = Fingerprint.of("510c".getBytes(StandardCharsets.UTF_8));
  private static HsbReport report;
  private static byte[] pdf;

  static TotalsRow row(String code, String name, long base) {
    List<Long> lists = new ArrayList<>();
    long valid = 0;
    for (int l = 1; l <= 10; l++) {
      lists.add(base * l);
      valid += base * l;
    }
    return new TotalsRow(code, name, valid * 2, valid + 5, valid, 3, 2, valid + 5, lists);
  }

  static HsbReport lelystad(TotalsRow total) {
    List<ListTotal> lists = new ArrayList<>();
    for (int l = 1; l <= 10; l++) {
      long votes = total.listVotes().get(l - 1);
      lists.add(new ListTotal(l, l == 3 ? "" : "Partij " + l, votes,
          List.of(new CandidateTotal(1, "Jansen, A. (Anna)", votes - 1), new CandidateTotal(2, "Bos, K.", 1))));
    }
    return new HsbReport("O 7", "Tweede Kamer der Staten-Generaal 2021", LocalDate.of(2021, 3, 17), "Lelystad", 5,
        List.of(row("0034", "Almere", 100), row("0050", "Zeewolde", 10), row("0995", "Lelystad", 40)), total, lists,
        new CountFile("Telling_TK2021_kieskring_Lelystad.eml.xml", FILE),
        ZonedDateTime.of(2021, 3, 19, 15, 11, 10, 0, ZoneId.of("Europe/Amsterdam")));
  }

  /** The kieskring row: the lists as base × list number, three municipalities' blank (3) and invalid (2). */
  static TotalsRow total(long base, long admitted) {
    TotalsRow r = row("HSB5", "Totaal kieskring Lelystad", base);
    return new TotalsRow(r.code(), r.name(), r.eligibleVoters(), admitted, r.validVotes(), 9, 6, admitted,
        r.listVotes());
  }

  @BeforeAll
  static void render() {
    report = lelystad(total(150, 8265));
    pdf = RENDERER.districtReport(report);
  }

  @Test
  void o7PassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(pdf);
  }

  @Test
  void sameReportGivesTheSameBytes() {
    assertThat(RENDERER.districtReport(report)).isEqualTo(pdf);
  }

  @Test
  void printsTheMunicipalitiesTheDistrictTotalsAndTheCandidatesWithTheFingerprintOnEveryPage() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Model O 7")
          .contains("kieskring 5 Lelystad")
          .contains("0034 Almere 11000 5505 5500 3 2 5505")
          .contains("Totaal kieskring Lelystad 16500 8265 8250 9 6 8265")
          .contains("Lijst 9 Lijst 10")
          .contains("Lijst 3 ")
          .contains("Lijst 2 – Partij 2")
          .contains("Jansen, A. (Anna) 299")
          .contains("Totaal van de lijst 300");
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        assertThat(s.getText(doc)).as("page %d", page).contains(FILE.toString());
      }
    }
  }

  /** As the TK2021 files: no admitted voters (D), and explanation rows per municipality and in the total. */
  static HsbReport withExplanations(long totalNoExplanation) {
    HsbReport r = lelystad(total(150, 8265));
    List<TotalsRow> rows = new ArrayList<>();
    long[][] x = {{24, 10}, {0, 2}, {6, 22}};
    for (int i = 0; i < 3; i++) {
      TotalsRow m = r.municipalities().get(i);
      rows.add(new TotalsRow(m.code(), m.name(), m.eligibleVoters(), null, m.validVotes(), m.blank(), m.invalid(),
          m.castVotes(), m.listVotes(), List.of(x[i][0], x[i][1])));
    }
    TotalsRow t = r.districtTotal();
    return new HsbReport(r.model(), r.electionName(), r.pollingDay(), r.districtName(), r.districtNumber(), rows,
        new TotalsRow(t.code(), t.name(), t.eligibleVoters(), null, t.validVotes(), t.blank(), t.invalid(),
            t.castVotes(), t.listVotes(), List.of(30L, totalNoExplanation)),
        r.lists(), r.countFile(), r.createdAt(), List.of("meegenomen stembiljetten", "geen verklaring"));
  }

  @Test
  void printsTheExplanationRowsOfTheCountFilesAndADashForAdmittedVotersTheyDoNotRecord() throws IOException {
    byte[] explained = RENDERER.districtReport(withExplanations(34));
    Conformance.assertPdfA3aAndPdfUa1(explained);
    try (PDDocument doc = Loader.loadPDF(explained)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("Verklaringen van verschillen")
          .contains("meegenomen stembiljetten geen verklaring")
          .contains("0034 Almere 24 10")
          .contains("Totaal kieskring Lelystad 30 34")
          .contains("0034 Almere 11000 – 5500 3 2 5505");
    }
  }

  @Test
  void anExplanationRowTotalThatIsNotTheSumIsRefused() {
    assertThatThrownBy(() -> withExplanations(35)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the sum of the municipalities");
  }

  @Test
  void aDistrictTotalThatIsNotTheSumOfTheMunicipalitiesIsRefused() {
    assertThatThrownBy(() -> lelystad(total(150, 8266)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the sum of the municipalities");
  }
}
