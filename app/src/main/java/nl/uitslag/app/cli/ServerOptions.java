package nl.uitslag.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
public final class ServerOptions {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Poort / TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      description = "Map met database en back-ups / directory for the database and backups.")
  Path dataDir;

  @Option(
      names = "--bind",
      defaultValue = "0.0.0.0",
      description = "Adres om op te luisteren / address to listen on (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(
      names = "--airgap-targets",
      description = {
        "Adressen (IP:poort, komma-gescheiden) die onbereikbaar moeten zijn / outside addresses (IP:port,"
            + " comma-separated) that must be unreachable; leeg / empty = no check."
      })
  String airGapTargets;

  Path dataDirOr(Path fallback) {
    return dataDir == null ? fallback : dataDir;
  }
}
