package nl.uitslag.app.eml;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The "uitslag eml" command group: check an EML_NL file and show its fingerprint, or export a count as CSV. */
@Command(name = "eml", mixinStandardHelpOptions = true,
    description = "EML_NL files: check (kind, election, counts, fingerprint) and CSV export.",
    subcommands = {EmlCheckCommand.class, EmlCsvCommand.class})
public final class EmlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }
}
