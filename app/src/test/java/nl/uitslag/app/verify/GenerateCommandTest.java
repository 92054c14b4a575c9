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

  @Test
  void theWorkedExampleTkGroupIsWrittenAndVerified_apportionmentMd65() {
    VerifyCommandTest.Run g = run(new GenerateCommand(), "TK", dir.resolve("ex").toString(), "--example",
        "tk_group", "--seed", "4");
    assertThat(g.exit()).as(g.err()).isZero();
    // 110a, three 230b, six 510b, three 510c, 510d and 520; A 6, B 4, C 0.
    assertThat(g.out()).contains("worked example tk_group (seed 4): 15 files").contains("6 municipalities")
        .contains("seats per list: {1=6, 2=4, 3=0}");
    assertThat(dir.resolve("ex").resolve("Kandidatenlijsten_TK2029_kieskring_3.eml.xml")).isRegularFile();
    VerifyCommandTest.Run v = run(new VerifyCommand(), dir.resolve("ex").toString());
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("RESULT: everything agrees");
  }

  @Test
  void aWorkedExampleWithSizeOptionsOrAnotherTypeOrAnUnknownNameIsWrongUsage() {
    VerifyCommandTest.Run sized = run(new GenerateCommand(), "TK", dir.toString(), "--example", "tk_group",
        "--seats", "150");
    assertThat(sized.exit()).isEqualTo(2);
    assertThat(sized.err()).contains("only --seed may be given with it");
    VerifyCommandTest.Run type = run(new GenerateCommand(), "PS2", dir.toString(), "--example", "tk_group");
    assertThat(type.exit()).isEqualTo(2);
    assertThat(type.err()).contains("worked example tk_group is a TK election, not PS2");
    VerifyCommandTest.Run unknown = run(new GenerateCommand(), "TK", dir.toString(), "--example", "tk_nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no worked example tk_nope; choose one of tk_group");
  }
}
