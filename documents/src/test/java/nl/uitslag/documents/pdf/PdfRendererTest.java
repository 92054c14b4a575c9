package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

  private static final ZonedDateTime WHEN =
      ZonedDateTime.of(2022, 3, 17, 14, 30, 0, 0, ZoneId.of("Europe/Amsterdam"));

  private static final String SIMPLE = """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="nl">
      <head><title>Proef</title><meta name="subject" content="Proefpagina"/>
      <style>body { font-family: 'DejaVu Sans'; } code { font-family: 'DejaVu Sans Mono'; }</style></head>
      <body><h1>Gemeente Súdwest-Fryslân</h1>
      <p>Eén, twee, drie: ĳsbeer € 10 — <b>vet</b> <code>a1b2 c3d4</code></p>
      <table><thead><tr><th scope="col">Lijst</th><th scope="col">Stemmen</th></tr></thead>
      <tbody><tr><td>1. VVD</td><td>1234</td></tr></tbody></table>
      </body></html>
      """;

  private final PdfRenderer renderer = new PdfRenderer();

  @Test
  void simplePagePassesPdfA3aAndPdfUa1() {
    Conformance.assertPdfA3aAndPdfUa1(renderer.render(SIMPLE, WHEN));
  }

  @Test
  void sameInputGivesSameBytes() {
    byte[] first = renderer.render(SIMPLE, WHEN);
    byte[] second = renderer.render(SIMPLE, WHEN);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void creationTimeComesFromTheCallerNotTheClock() throws IOException {
    try (PDDocument doc = Loader.loadPDF(renderer.render(SIMPLE, WHEN))) {
      assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
          .isEqualTo(WHEN.toInstant());
      assertThat(doc.getDocumentInformation().getModificationDate().toInstant())
          .isEqualTo(WHEN.toInstant());
    }
    assertThat(renderer.render(SIMPLE, WHEN.plusSeconds(1)))
        .isNotEqualTo(renderer.render(SIMPLE, WHEN));
  }

  @Test
  void everyFontIsEmbeddedAndDutchTextSurvives() throws IOException {
    try (PDDocument doc = Loader.loadPDF(renderer.render(SIMPLE, WHEN))) {
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("DejaVu");
        }
      }
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Súdwest-Fryslân", "ĳsbeer", "€ 10", "a1b2 c3d4");
    }
  }

  @Test
  void externalResourcesAreNeverFetched() {
    String withImage = SIMPLE.replace("<h1>", "<img src=\"file:///etc/passwd\" alt=\"x\"/><h1>");
    // The image is refused, not read: the document still renders and stays conformant.
    Conformance.assertPdfA3aAndPdfUa1(renderer.render(withImage, WHEN));
  }

  @Test
  void malformedXhtmlIsRejected() {
    assertThatThrownBy(() -> renderer.render("<html><body><p>open", WHEN))
        .isInstanceOf(RuntimeException.class);
  }
}
