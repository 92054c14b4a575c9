package nl.uitslag.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.cli.UitslagCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The installation's TLS folder (local CA and server key) is deliberately not part of a backup, and a restore
 * leaves it alone: backups are carried off the machine, the CA key must not travel with them
 * (docs/OPERATIONS.md, "Backups and the TLS keys").
 */
class BackupExcludesTlsTest {
  static final String KEY = "-----BEGIN PRIVATE KEY-----\nnot a real key, a marker for this test\n";

  @TempDir Path dir;

  @Test
  void aBackupHoldsTheDatabaseOnlyAndARestoreKeepsTheInstalledKeys() throws Exception {
    Path tls = Files.createDirectories(dir.resolve("tls"));
    Files.writeString(tls.resolve("ca.key"), KEY, StandardCharsets.UTF_8);
    Path copy;
    try (ConfigurableApplicationContext ctx = start(dir)) {
      copy = ctx.getBean(BackupService.class).backup(BackupService.Reason.MANUAL, Actor.console());
    }
    try (var files = Files.list(dir.resolve("backups"))) {
      assertThat(files).singleElement().isEqualTo(copy);
    }
    String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    // The schema itself names "ENCRYPTED PRIVATE KEY" (the key store's CHECK constraint), so look for the plain
    // PKCS#8 header and the marker of the TLS key, not for the words alone.
    assertThat(bytes).doesNotContain("-----BEGIN PRIVATE KEY-----").doesNotContain("not a real key");

    assertThat(UitslagCommand.commandLine().execute("restore", copy.toString(), "--data-dir", dir.toString()))
        .isZero();
    assertThat(Files.readString(tls.resolve("ca.key"), StandardCharsets.UTF_8)).isEqualTo(KEY);
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    SpringApplication app = new SpringApplication(nl.uitslag.app.UitslagApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(Map.of("uitslag.data-dir", dataDir.toString()));
    return app.run();
  }
}
