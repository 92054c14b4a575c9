package nl.uitslag.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UitslagCommandTest {
  @Test
  void helpListsTheServerCommands() {
    StringWriter out = new StringWriter();
    CommandLine cl = UitslagCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("serve", "demo", "create-admin", "--version");
  }

  @Test
  void versionNamesTheProgram() {
    StringWriter out = new StringWriter();
    CommandLine cl = UitslagCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("uitslag ");
  }

  @Test
  void anUnknownCommandFailsWithUsage() {
    StringWriter err = new StringWriter();
    CommandLine cl = UitslagCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate");
  }
}
