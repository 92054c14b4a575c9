package nl.uitslag.app.verify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.eml.verify.ReportWriter;
import nl.uitslag.eml.verify.VerificationException;
import nl.uitslag.eml.verify.VerificationReport;
import nl.uitslag.eml.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag verify DIR}: the independent verification anyone can run on the published EML_NL files of one
 * election: every level adds up, and the seats and elected candidates of the 520 follow from the counts.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify the published EML_NL files of one election in DIR (110a, 230b, 510b/c/d, 520): the reporting units",
      "add up to each file's totals, 510b adds up to 510c and 510c to 510d, and the seats and elected candidates",
      "recomputed from the counts under the Kieswet equal the 520. Every check is listed with its location."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:everything agrees",
      "1:a difference was found",
      "2:unreadable input or wrong usage",
      "3:no difference, but the outcome depends on a lot the files do not record (or data is missing)"
    })
public final class VerifyCommand implements Callable<Integer> {
  static final int UNREADABLE = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "directory with the EML files (*.xml) of one election")
  Path dir;

  @Option(names = "--json", description = "print a machine-readable report (JSON) instead of text")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the report as one self-contained HTML page "
      + "(totals per level, the seats as a chart, the steps of the apportionment, every check)")
  Path html;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerificationReport report;
    try {
      report = Verifier.verify(dir);
    } catch (VerificationException e) {
      if (json) {
        out.println(ReportWriter.jsonError(e.getMessage()));
        out.flush();
      } else {
        err.println("verify: " + e.getMessage());
        err.flush();
      }
      return UNREADABLE;
    }
    out.print(json ? ReportWriter.json(report) + System.lineSeparator() : ReportWriter.text(report));
    out.flush();
    if (html != null) {
      try {
        java.nio.file.Files.writeString(html, ReportWriter.html(report), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        err.println("verify: cannot write " + html + ": " + e.getMessage());
        err.flush();
        return UNREADABLE;
      }
    }
    return report.exitCode();
  }
}
