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
    // The product runs on a LAN: HTTPS unless the operator explicitly turns it off.
    boolean tls = options.tlsOr(true);
    Server.start(
        options.dataDirOr(Path.of("uitslag-data")),
        options.portFor(tls),
        options.bindAddress,
        false,
        targets,
        options.https(tls));
    return UitslagCommand.KEEP_RUNNING;
  }
}
