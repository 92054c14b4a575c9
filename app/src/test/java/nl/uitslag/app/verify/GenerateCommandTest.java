package nl.uitslag.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** "uitslag generate" then "uitslag verify --html" through picocli, as a user would run them. */
class GenerateCommandTest {
  @TempDir Path dir;

  static VerifyCommandTest.Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new VerifyCommandTest.Run(exit, out.toString(), err.toString());
  }

  @Test
  void aGeneratedTweedeKamerSetIsVerifiedAndWrittenAsHtml() throws IOException {
    VerifyCommandTest.Run g = run(new GenerateCommand(), "TK", dir.resolve("tk").toString(), "--seed", "9",
        "--districts", "3", "--municipalities", "6", "--stations", "12", "--lists", "6", "--candidates", "30");
    assertThat(g.exit()).as(g.err()).isZero();
    assertThat(g.out()).contains("TK2029 TK (seed 9): 15 files").contains("6 municipalities, 12 polling stations");
    Path html = dir.resolve("report.html");
    VerifyCommandTest.Run v = run(new VerifyCommand(), dir.resolve("tk").toString(), "--html", html.toString());
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("RESULT: everything agrees");
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
        .contains("Everything agrees").contains("<svg ");
  }

  @Test
  void theSameSeedWritesTheSameFiles() throws IOException {
    run(new GenerateCommand(), "GR1", dir.resolve("a").toString(), "--seed", "5");
    run(new GenerateCommand(), "GR1", dir.resolve("b").toString(), "--seed", "5");
    for (String name : new String[] {"Verkiezingsdefinitie_GR2026_Synthese.eml.xml",
        "Resultaat_GR2026_Synthese.eml.xml"}) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(name)))
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(name)));
    }
  }

  @Test
  void anUnknownTypeIsWrongUsage() {
    VerifyCommandTest.Run g = run(new GenerateCommand(), "XX", dir.toString());
    assertThat(g.exit()).isEqualTo(2);
    assertThat(g.err()).contains("election type XX is not generated");
  }

  @Test
  void tooFewMunicipalitiesForTheKieskringenIsWrongUsage() {
    VerifyCommandTest.Run g = run(new GenerateCommand(), "TK", dir.toString(), "--municipalities", "3");
    assertThat(g.exit()).isEqualTo(2);
    assertThat(g.err()).contains("at least one municipality per kieskring");
  }
}
