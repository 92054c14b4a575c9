package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.control.ControlProtocol;
import nl.uitslag.domain.control.ListDraw;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableResults;
import nl.uitslag.domain.control.NotableThresholds;
import nl.uitslag.domain.control.StationCounts;
import nl.uitslag.domain.control.StationCounts.DifferenceExplanation;
import nl.uitslag.domain.control.StationCounts.ListCount;
import nl.uitslag.domain.control.Worksheet;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The control-protocol worksheets and the notable-results report: PDF/A-3a + PDF/UA-1, and what they show. */
class ControlProtocolRendererTest {

  private static final ControlProtocolRenderer RENDERER = new ControlProtocolRenderer();

  private static ControlWorksheets worksheets() {
    ListDraw.Result draw = ListDraw.draw(new ListDraw.Request("GR2022_WestMaasEnWaal", 1, "3 5 1 6 2 4",
        List.of(1, 2, 3, 4, 5, 6, 7, 8), 3));
    Map<Integer, String> names = new java.util.HashMap<>();
    for (CandidateList l : Gr2022WestMaasEnWaal.lists()) {
      names.put(l.number(), l.title());
    }
    List<Worksheet.Row> rows = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      rows.add(new Worksheet.Row(i, "Stembureau " + i));
    }
    return new ControlWorksheets(Gr2022WestMaasEnWaal.ELECTION, draw,
        ControlProtocol.worksheets(draw, names, rows), Gr2022WestMaasEnWaal.CREATED);
  }

  private static NotableResultsReport report() {
    List<StationCounts> stations = List.of(
        new StationCounts(1, "Gemeentehuis", 110, 100, 5, 0, DifferenceExplanation.NOT_EXPLAINED,
            List.of(new ListCount(1, 50, List.of()), new ListCount(2, 45, List.of()))),
        new StationCounts(2, "School", 100, 100, 0, 0, DifferenceExplanation.EXPLAINED,
            List.of(new ListCount(1, 50, List.of()), new ListCount(2, 50, List.of()))));
    List<NotableFlag> flags = NotableResults.check(stations, NotableThresholds.DEFAULTS);
    List<NotableResultsReport.Item> items = new ArrayList<>();
    items.add(new NotableResultsReport.Item(flags.get(0), Decision.EXPLAINED, "Veel kiezers leverden een blanco biljet in."));
    items.add(new NotableResultsReport.Item(flags.get(1), Decision.RECOUNT_ORDERED, ""));
    for (int i = 2; i < flags.size(); i++) {
      items.add(new NotableResultsReport.Item(flags.get(i), Decision.OPEN, ""));
    }
    return new NotableResultsReport(Gr2022WestMaasEnWaal.ELECTION, 1, NotableThresholds.DEFAULTS, 2, items,
        Gr2022WestMaasEnWaal.CREATED);
  }

  @Test
  void worksheetsPassPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(RENDERER.worksheets(worksheets()));
  }

  @Test
  void notableResultsReportPassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(RENDERER.notableResults(report()));
  }

  @Test
  void worksheetsShowTheDrawAndOnePagePerListWithEveryStation() throws IOException {
    byte[] pdf = RENDERER.worksheets(worksheets());
    String text = Na31ReportTest.text(pdf).replaceAll("\\s+", " ");
    assertThat(text).contains("3 5 1 6 2 4").contains("Getrokken lijsten, in volgorde 7, 2, 6")
        .contains("d4d6585601b5982bab86a0276f46a4d69bc241b6b4b5600daf0051f9961cd670")
        .contains("Werkblad lijst 7").contains("Werkblad lijst 2").contains("Werkblad lijst 6")
        .contains("Stembureau 30");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(4);
      for (int p = 1; p <= pages; p++) {
        assertThat(Na31ReportTest.pageText(doc, p).replaceAll("\\s+", " "))
            .contains("pagina " + p + " van " + pages).contains("Werkblad controleprotocol");
      }
    }
  }

  @Test
  void notableReportGivesReasonDecisionAndExplanation() throws IOException {
    String text = Na31ReportTest.text(RENDERER.notableResults(report())).replaceAll("\\s+", " ");
    // Table cells wrap, so the text extraction interleaves columns: check each cell's own words.
    assertThat(text).contains("5 blanco stemmen van 100 uitgebrachte").contains("(5,0 %), drempel 3 %")
        .contains("Veel kiezers").contains("leverden een blanco biljet in.")
        .contains("hertelling").contains("gelast").contains("OU.5").contains("2 stembureaus gecontroleerd; 1 met");
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertThat(RENDERER.worksheets(worksheets())).isEqualTo(RENDERER.worksheets(worksheets()));
    assertThat(RENDERER.notableResults(report())).isEqualTo(RENDERER.notableResults(report()));
  }

  @Test
  void anExplainedItemNeedsItsExplanationAndSheetsMustMatchTheDraw() {
    NotableFlag flag = report().items().get(0).flag();
    assertThatThrownBy(() -> new NotableResultsReport.Item(flag, Decision.EXPLAINED, " "))
        .hasMessageContaining("explanation");
    ControlWorksheets w = worksheets();
    assertThatThrownBy(() -> new ControlWorksheets(w.election(), w.draw(), w.worksheets().subList(0, 2),
        w.createdAt())).hasMessageContaining("one worksheet per drawn list");
  }
}
