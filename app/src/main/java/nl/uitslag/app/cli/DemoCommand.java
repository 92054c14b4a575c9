package nl.uitslag.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.app.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the server with a generated demo election and a one-time administrator password. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start de server met een gegenereerde demoverkiezing.",
      "Starts the server with a generated demo election."
    })
public final class DemoCommand implements Callable<Integer> {
  @Mixin ServerOptions options = new ServerOptions();

  @Override
  public Integer call() {
    // A demo runs on ordinary machines; it only probes when asked to, and says so on every page.
    String targets = options.airGapTargets == null ? "" : options.airGapTargets;
    // A demo is tried on one's own machine over http://localhost, without installing a CA first.
    boolean tls = options.tlsOr(false);
    Server.start(
        options.dataDirOr(Path.of("demo-data")),
        options.portFor(tls),
        options.bindAddress,
        true,
        targets,
        options.https(tls));
    return UitslagCommand.KEEP_RUNNING;
  }
}
