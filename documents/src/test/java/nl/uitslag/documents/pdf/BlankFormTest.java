package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Blank N 10-1, N 10-2 and Na 31-2 Bijlage 1, pre-filled with the real GR2022 lists. */
class BlankFormTest {

  private static final ReportRenderer RENDERER = new ReportRenderer();
  private static BlankForm form;

  @BeforeAll
  static void setUp() {
    form = new BlankForm(Gr2022WestMaasEnWaal.ELECTION,
        new PollingStation(112, "Gemeentehuis (maandag)"), Gr2022WestMaasEnWaal.lists(),
        Gr2022WestMaasEnWaal.CREATED);
  }

  @ParameterizedTest
  @EnumSource(BlankFormModel.class)
  void everyBlankFormPassesPdfA3aAndPdfUa1(BlankFormModel model) {
    Conformance.assertPdfA3aAndPdfUa1(RENDERER.blankForm(model, form));
  }

  @ParameterizedTest
  @EnumSource(BlankFormModel.class)
  void everyPageNamesModelStationAndPageNumberButNoFingerprint(BlankFormModel model)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(RENDERER.blankForm(model, form))) {
      int pages = doc.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        String text = Na31ReportTest.pageText(doc, page).replaceAll("\\s+", " ");
        assertThat(text).as("page %d", page)
            .contains("Model " + model.model())
            .contains("Stembureau 112 – Gemeentehuis (maandag)")
            .contains("pagina " + page + " van " + pages)
            .contains("Leeg formulier")
            .doesNotContain("vingerafdruk");
      }
    }
  }

  @Test
  void n10_1AndBijlage1ListEveryCandidate() throws IOException {
    for (BlankFormModel model : List.of(BlankFormModel.N10_1, BlankFormModel.NA31_2_BIJLAGE_1)) {
      String text = Na31ReportTest.text(RENDERER.blankForm(model, form));
      for (CandidateList list : form.lists()) {
        assertThat(text).contains(list.title());
        for (Candidate candidate : list.candidates()) {
          assertThat(text).contains(candidate.name());
        }
      }
    }
  }

  @Test
  void n10_2HasListTotalsButNoCandidateVotes() throws IOException {
    String text = Na31ReportTest.text(RENDERER.blankForm(BlankFormModel.N10_2, form));
    assertThat(text).contains("Stemmen op Lijst 8 – F.D. Boven-Leeuwen");
    assertThat(text).doesNotContain("Reuvers"); // in CSO the polling station counts lists only
  }

  @Test
  void onlyTheGsbSheetAsksTheQuestionsB1_1AndB1_2() throws IOException {
    assertThat(Na31ReportTest.text(RENDERER.blankForm(BlankFormModel.NA31_2_BIJLAGE_1, form)))
        .contains("B1-1. Extra onderzoek").contains("B1-2.");
    assertThat(Na31ReportTest.text(RENDERER.blankForm(BlankFormModel.N10_1, form)))
        .doesNotContain("B1-1");
  }

  @Test
  void voterCardsRowOnlyWhereCountCExists() {
    assertThat(RENDERER.blankFormXhtml(BlankFormModel.N10_2, form)).doesNotContain("kiezerspassen");
    ElectionHeading ps = new ElectionHeading("Provinciale Statenverkiezing 2023",
        java.time.LocalDate.of(2023, 3, 15), "West Maas en Waal", "0668", true);
    BlankForm psForm = new BlankForm(ps, form.station(), form.lists(), form.createdAt());
    assertThat(RENDERER.blankFormXhtml(BlankFormModel.N10_2, psForm))
        .contains("Geldige kiezerspassen");
  }

  @Test
  void sameFormGivesSameBytes() {
    assertThat(RENDERER.blankForm(BlankFormModel.N10_2, form))
        .isEqualTo(RENDERER.blankForm(BlankFormModel.N10_2, form));
  }

  @Test
  void missingPartsAreRejected() {
    assertThatThrownBy(() -> new BlankForm(form.election(), form.station(), List.of(),
        form.createdAt()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one list");
    assertThatThrownBy(() -> new PollingStation(0, "Nergens"))
        .hasMessageContaining("polling station number");
  }
}
