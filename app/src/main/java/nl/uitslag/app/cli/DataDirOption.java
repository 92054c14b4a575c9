package nl.uitslag.app.cli;

import java.nio.file.Path;
import nl.uitslag.app.Server;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of console commands that work on an installation's database. */
public final class DataDirOption {
  static final Path DEFAULT = Path.of("uitslag-data");

  @Option(names = "--data-dir", description = "Datamap / data directory (default: uitslag-data)")
  Path dataDir;

  Path path() {
    return dataDir == null ? DEFAULT : dataDir;
  }

  /** The application without its web server, on this data directory. */
  ConfigurableApplicationContext start() {
    return Server.startWithoutWeb(path());
  }
}
