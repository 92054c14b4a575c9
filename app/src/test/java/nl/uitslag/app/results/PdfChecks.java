package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks on the generated PDFs: PDF/A-3a and PDF/UA-1 by veraPDF (as the documents module's tests do), and the
 * fingerprints printed on the pages, read back from the PDF text.
 */
final class PdfChecks {
  private static final Pattern FINGERPRINT = Pattern.compile("(?:[0-9a-f]{4} ){15}[0-9a-f]{4}");

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfChecks() {}

  static void assertPdfA3aAndPdfUa1(byte[] pdf, String what) {
    for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFA_3_A, PDFAFlavour.PDFUA_1)) {
      ValidationResult result;
      try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
          PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
        result = validator.validate(parser);
      } catch (Exception e) {
        throw new AssertionError("veraPDF could not validate " + what + " as " + flavour, e);
      }
      assertThat(result.isCompliant()).as("veraPDF %s of %s, failed rules:%n%s", flavour, what, failures(result))
          .isTrue();
    }
  }

  private static String failures(ValidationResult result) {
    return result.getTestAssertions().stream()
        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
        .distinct().limit(20).collect(Collectors.joining(System.lineSeparator()));
  }

  /** The text of each page. */
  static List<String> pages(byte[] pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc));
      }
    }
    return pages;
  }

  /** Every distinct fingerprint printed in the PDF, and asserts that every page carries one. */
  static Set<String> fingerprintsOnEveryPage(byte[] pdf) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    List<String> pages = pages(pdf);
    assertThat(pages).isNotEmpty();
    for (int i = 0; i < pages.size(); i++) {
      Matcher m = FINGERPRINT.matcher(pages.get(i));
      assertThat(m.find()).as("page %d carries a fingerprint", i + 1).isTrue();
      do {
        found.add(m.group());
      } while (m.find());
    }
    return found;
  }

  /** SHA-256 in the printed form (16 groups of 4 lower-case hex digits), computed here independently. */
  static String sha256Groups(byte[] bytes) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      StringBuilder groups = new StringBuilder();
      for (int i = 0; i < hex.length(); i += 4) {
        groups.append(i == 0 ? "" : " ").append(hex, i, i + 4);
      }
      return groups.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
