package nl.uitslag.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documentation page of the rules must list every code and the default thresholds. */
class ValidationDocumentationTest {

  private static String page() throws IOException {
    // Surefire runs in the module directory; the docs are at the project root.
    Path doc = Path.of("..", "docs", "DATA-ENTRY.md");
    assertThat(doc).as("docs/DATA-ENTRY.md").exists();
    return Files.readString(doc);
  }

  @Test
  void every_validation_code_has_a_row_in_docs_data_entry() throws IOException {
    String page = page();
    for (ValidationCode code : ValidationCode.values()) {
      assertThat(page).as(code.code()).contains("| " + code.code() + " | "
          + (code.severity() == Severity.ERROR ? "error" : "warning") + " |");
    }
  }

  @Test
  void the_default_thresholds_are_printed() throws IOException {
    String page = page();
    ValidationThresholds t = ValidationThresholds.DEFAULTS;
    assertThat(page).contains("| `blankPercent` | " + t.blankPercent() + " |");
    assertThat(page).contains("| `invalidPercent` | " + t.invalidPercent() + " |");
    assertThat(page).contains("| `differencePercent` | " + t.differencePercent() + " |");
    assertThat(page).contains("| `differenceAbsolute` | " + t.differenceAbsolute() + " |");
  }
}
