package nl.uitslag.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.app.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the server on an existing or new data directory. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {"Start de server.", "Starts the server."})
public final class ServeCommand implements Callable<Integer> {
  @Mixin ServerOptions options = new ServerOptions();

  @Override
  public Integer call() {
    String targets = options.airGapTargets == null ? Server.DEFAULT_AIRGAP_TARGETS : options.airGapTargets;
    Server.start(options.dataDirOr(Path.of("uitslag-data")), options.port, options.bindAddress, false, targets);
    return UitslagCommand.KEEP_RUNNING;
  }
}
