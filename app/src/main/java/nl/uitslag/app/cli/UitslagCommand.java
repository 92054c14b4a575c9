package nl.uitslag.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command {@code uitslag}: without a subcommand it serves, as an official expects of a server. */
@Command(
    name = "uitslag",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Uitslag: verkiezingsuitslagen berekenen volgens de Kieswet.",
      "Uitslag: computes Dutch election results under the Kieswet."
    },
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      CreateAdminCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      AuditCommand.class,
      nl.uitslag.app.eml.EmlCommand.class,
      nl.uitslag.app.apportionment.ApportionCommand.class,
      nl.uitslag.app.control.NotableCommand.class,
      nl.uitslag.app.verify.VerifyCommand.class,
      nl.uitslag.app.verify.GenerateCommand.class,
      nl.uitslag.app.keys.KeysCommand.class,
      nl.uitslag.app.keys.SealCommand.class,
      nl.uitslag.app.keys.UnsealCommand.class,
      nl.uitslag.app.keys.VerifySealCommand.class
    })
public final class UitslagCommand implements Callable<Integer> {

  /** Exit value that tells {@code main} a server is running and the JVM must not exit. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Override
  public Integer call() {
    return new ServeCommand().call();
  }

  /** A command line with the subcommands other features contribute; the single place that lists them. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new UitslagCommand());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println(ex.getMessage() == null ? ex.toString() : ex.getMessage());
          return 1;
        });
    return cl;
  }
}
