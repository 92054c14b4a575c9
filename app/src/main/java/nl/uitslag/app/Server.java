package nl.uitslag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.uitslag.app.infra.tls.HttpsOptions;
import nl.uitslag.app.infra.tls.LocalTls;
import nl.uitslag.app.infra.tls.TlsServerSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application on a data directory; the only place that turns CLI options into settings. */
public final class Server {
  private Server() {}

  /**
   * Public addresses that an air-gapped server must not reach (well-known DNS resolvers, by IP so that no lookup
   * is needed).
   */
  public static final String DEFAULT_AIRGAP_TARGETS = "1.1.1.1:443,8.8.8.8:443,9.9.9.9:443";

  /** Starts the web server on plain HTTP; returns once it is listening. */
  public static ConfigurableApplicationContext start(
      Path dataDir, int port, String bindAddress, boolean demo, String airGapTargets) {
    return start(dataDir, port, bindAddress, demo, airGapTargets, HttpsOptions.off());
  }

  /**
   * Starts the web server; returns once it is listening (the JVM keeps running on its threads). With HTTPS on,
   * {@code port} is the HTTPS port, the installation CA is created on the first start and a fresh server
   * certificate is issued on every start.
   */
  public static ConfigurableApplicationContext start(
      Path dataDir, int port, String bindAddress, boolean demo, String airGapTargets, HttpsOptions https) {
    Map<String, Object> props = baseProperties(dataDir);
    Path dir = Path.of((String) props.get("uitslag.data-dir"));
    DataDirLock.acquire(dir);
    props.put("server.port", port);
    props.put("server.address", bindAddress);
    props.put("uitslag.demo", demo);
    props.put("uitslag.airgap.targets", airGapTargets);
    LocalTls.Prepared tls = null;
    if (https.enabled()) {
      if (https.httpPort() == port) {
        throw new IllegalArgumentException(
            "HTTPS en de HTTP-doorverwijzing hebben elk een eigen poort nodig / HTTPS and the HTTP redirect need"
                + " different ports: " + port);
      }
      tls = LocalTls.prepare(dir, https.hostName(), https.addresses(), Instant.now(), new SecureRandom());
      props.putAll(TlsServerSettings.properties(tls, https.httpPort()));
    }
    SpringApplication app = new SpringApplication(UitslagApplication.class);
    app.setDefaultProperties(props);
    ConfigurableApplicationContext context = app.run();
    if (tls != null) {
      System.out.println(TlsServerSettings.consoleMessage(tls, port, https.httpPort(), bindAddress));
      System.out.flush();
    }
    return context;
  }

  /** Starts the application without a web server, for console commands that need the database. */
  public static ConfigurableApplicationContext startWithoutWeb(Path dataDir) {
    SpringApplication app = new SpringApplication(UitslagApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    Map<String, Object> props = baseProperties(dataDir);
    // A console command prints its own result; Spring's start-up lines would only bury it.
    props.put("spring.main.log-startup-info", false);
    props.put("logging.level.nl.uitslag", "WARN");
    app.setDefaultProperties(props);
    return app.run();
  }

  static Map<String, Object> baseProperties(Path dataDir) {
    Path dir = prepareDataDir(dataDir);
    Map<String, Object> props = new HashMap<>();
    props.put("uitslag.data-dir", dir.toString());
    return props;
  }

  /** The data directory holds the only copy of entered results: readable by the service account only. */
  static Path prepareDataDir(Path dataDir) {
    try {
      Path dir = dataDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        try {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the ACL of the parent directory applies.
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Kan de datamap niet aanmaken / cannot create data directory " + dataDir, e);
    }
  }
}
