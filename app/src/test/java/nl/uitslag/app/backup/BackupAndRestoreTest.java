package nl.uitslag.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.cli.UitslagCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backups are checked copies; restore refuses damaged files and a running server, and keeps what it replaces. */
class BackupAndRestoreTest {
  @TempDir Path dir;

  @Test
  void aBackupIsACheckedCopyThatRestoresTheData() throws Exception {
    Path copy;
    try (ConfigurableApplicationContext ctx = start(dir)) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      insertMarker(jdbc, "before-backup");
      copy = ctx.getBean(BackupService.class).backup(BackupService.Reason.MANUAL, Actor.console());
      insertMarker(jdbc, "after-backup");
    }
    assertThat(copy).exists().hasParent(dir.resolve("backups"));
    assertThat(copy.getFileName().toString()).endsWith("-manual.db");
    assertThat(BackupService.integrityCheck(copy)).isEmpty();

    assertThat(run("restore", copy.toString(), "--data-dir", dir.toString())).isZero();

    try (ConfigurableApplicationContext ctx = start(dir)) {
      JdbcClient jdbc = ctx.getBean(JdbcClient.class);
      assertThat(markers(jdbc)).containsExactly("before-backup");
      assertThat(
              jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'BACKUP_RESTORED'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("replaced-"));
    }
  }

  @Test
  void aDamagedFileIsRefusedAndNothingIsReplaced() throws Exception {
    try (ConfigurableApplicationContext ctx = start(dir)) {
      insertMarker(ctx.getBean(JdbcClient.class), "kept");
    }
    Path damaged = dir.resolve("damaged.db");
    Files.write(damaged, "SQLite format 3\0 but then garbage".getBytes(StandardCharsets.UTF_8));
    byte[] before = Files.readAllBytes(dir.resolve("uitslag.db"));

    assertThat(run("restore", damaged.toString(), "--data-dir", dir.toString())).isEqualTo(1);

    assertThat(Files.readAllBytes(dir.resolve("uitslag.db"))).isEqualTo(before);
    assertThat(BackupService.integrityCheck(damaged)).isNotEmpty();
  }

  @Test
  void aFileThatIsNotAnUitslagDatabaseIsRefused() throws Exception {
    Path other = dir.resolve("other.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE something (x INTEGER)");
    }
    assertThat(BackupService.integrityCheck(other)).anyMatch(p -> p.contains("not an Uitslag database"));
  }

  @Test
  void restoreRefusesWhileAServerHoldsTheDataDirectory() throws Exception {
    Path copy;
    try (ConfigurableApplicationContext ctx = start(dir)) {
      copy = ctx.getBean(BackupService.class).backup(BackupService.Reason.MANUAL, Actor.console());
    }
    try (FileChannel channel =
            FileChannel.open(dir.resolve("uitslag.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThat(run("restore", copy.toString(), "--data-dir", dir.toString())).isEqualTo(1);
    }
  }

  @Test
  void auditVerifyCommandReportsAnIntactLog() {
    try (ConfigurableApplicationContext ctx = start(dir)) {
      ctx.getBean(BackupService.class).backup(BackupService.Reason.MANUAL, Actor.console());
    }
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(run("audit", "verify", "--data-dir", dir.toString())).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit log intact: 1 events");
  }

  private static int run(String... args) {
    return UitslagCommand.commandLine().execute(args);
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    SpringApplication app = new SpringApplication(nl.uitslag.app.UitslagApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(java.util.Map.of("uitslag.data-dir", dataDir.toString()));
    return app.run();
  }

  private static void insertMarker(JdbcClient jdbc, String marker) {
    jdbc.sql(
            "INSERT INTO election (identifier, name, category, subcategory, election_date, number_of_seats,"
                + " domain_name, domain_id, counting_method, created_at)"
                + " VALUES (?, 'x', 'GR', 'GR1', '2026-03-18', 9, 'x', '0000', 'CSO', '2026-01-01T00:00:00Z')")
        .param(marker)
        .update();
  }

  private static java.util.List<String> markers(JdbcClient jdbc) {
    return jdbc.sql("SELECT identifier FROM election ORDER BY id").query(String.class).list();
  }
}
