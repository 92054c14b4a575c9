package nl.uitslag.app.cli;

import java.nio.file.Path;
import nl.uitslag.app.infra.tls.HttpsOptions;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
public final class ServerOptions {
  @Option(
      names = "--port",
      description = "Poort / TCP port (default: 8443 met / with HTTPS, 8080 zonder / without).")
  Integer port;

  @Option(
      names = "--http-port",
      description =
          "Poort die HTTP naar HTTPS doorstuurt / port that redirects HTTP to HTTPS (default: 8080; 0 = geen / none).")
  Integer httpPort;

  @Option(
      names = "--tls",
      negatable = true,
      description = {
        "HTTPS met een eigen installatie-CA (--no-tls: gewoon HTTP) / HTTPS with the installation's own CA"
            + " (--no-tls: plain HTTP). Default: aan voor / on for serve, uit voor / off for demo."
      })
  Boolean tls;

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

  boolean tlsOr(boolean fallback) {
    return tls == null ? fallback : tls;
  }

  /** The listening port: HTTPS when TLS is on, otherwise plain HTTP. */
  int portFor(boolean https) {
    return port != null ? port : https ? 8443 : 8080;
  }

  HttpsOptions https(boolean enabled) {
    return enabled ? HttpsOptions.forThisMachine(httpPort == null ? 8080 : httpPort) : HttpsOptions.off();
  }

  Path dataDirOr(Path fallback) {
    return dataDir == null ? fallback : dataDir;
  }
}
