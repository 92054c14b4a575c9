package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF checks shared by the PDF tests: PDF/A-3a and PDF/UA-1 (ISO 19005-3, ISO 14289-1). */
final class Conformance {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private Conformance() {}

  static void assertPdfA3aAndPdfUa1(byte[] pdf) {
    for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFA_3_A, PDFAFlavour.PDFUA_1)) {
      ValidationResult result = validate(pdf, flavour);
      assertThat(result.isCompliant())
          .as("veraPDF %s, failed rules:%n%s", flavour, failures(result))
          .isTrue();
    }
  }

  static ValidationResult validate(byte[] pdf, PDFAFlavour flavour) {
    try (PDFAParser parser =
            Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      return validator.validate(parser);
    } catch (Exception e) {
      throw new AssertionError("veraPDF could not validate the document as " + flavour, e);
    }
  }

  private static String failures(ValidationResult result) {
    return result.getTestAssertions().stream()
        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " "
            + a.getMessage() + " @ " + a.getLocation().getContext())
        .distinct()
        .limit(40)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
