package nl.uitslag.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of one installation.
 *
 * @param dataDir directory of the SQLite database and its backups
 * @param demo whether to generate the demo election and a one-time administrator password at start-up
 */
@ConfigurationProperties(prefix = "uitslag")
public record UitslagProperties(Path dataDir, boolean demo) {
  public UitslagProperties {
    if (dataDir == null) {
      dataDir = Path.of("uitslag-data").toAbsolutePath();
    }
  }

  public Path databaseFile() {
    return dataDir.resolve("uitslag.db");
  }
}
