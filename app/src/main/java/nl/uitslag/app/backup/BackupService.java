package nl.uitslag.app.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.uitslag.app.UitslagProperties;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies of the database: automatically while data changes, before risky operations, and on demand. Each copy
 * is made with {@code VACUUM INTO} (a consistent snapshot while the server keeps running) and is only kept when
 * SQLite's integrity check of the copy says "ok".
 */
@Service
public class BackupService {
  private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  static final int KEEP_AUTOMATIC = 48;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Path backupDir;
  private volatile long lastBackedUpAuditSeq = -1;

  public BackupService(
      DataSource dataSource,
      JdbcClient jdbc,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      UitslagProperties props) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.backupDir = props.dataDir().resolve("backups");
  }

  /** Why a copy was made; part of its file name so an operator can pick the right one. */
  public enum Reason {
    AUTOMATIC,
    MANUAL,
    BEFORE_RISKY_OPERATION
  }

  /** Makes a checked copy and records it in the audit log; returns the copy's path. */
  public synchronized Path backup(Reason reason, Actor actor) {
    try {
      Files.createDirectories(backupDir);
      Path target =
          backupDir.resolve(
              "uitslag-" + STAMP.format(clock.instant()) + "-" + reason.name().toLowerCase() + ".db");
      long seq = currentAuditSeq();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        // VACUUM INTO cannot run inside a transaction and needs no open statements on its connection.
        s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
      }
      List<String> problems = integrityCheck(target);
      if (!problems.isEmpty()) {
        Files.deleteIfExists(target);
        throw new BackupException("backup copy failed its integrity check: " + problems);
      }
      lastBackedUpAuditSeq = seq;
      tx.executeWithoutResult(
          st ->
              audit.record(
                  "BACKUP_CREATED",
                  AuditLevel.INFO,
                  actor,
                  Map.of("file", target.getFileName().toString(), "reason", reason.name())));
      if (reason == Reason.AUTOMATIC) {
        prune();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new BackupException("backup failed: " + e.getMessage(), e);
    }
  }

  /** Every few minutes: a copy when something changed since the last one (every change writes an audit event). */
  @Scheduled(
      initialDelayString = "${uitslag.backup.interval:PT5M}",
      fixedDelayString = "${uitslag.backup.interval:PT5M}")
  public void automaticBackup() {
    if (currentAuditSeq() != lastBackedUpAuditSeq) {
      try {
        backup(Reason.AUTOMATIC, Actor.console());
      } catch (RuntimeException e) {
        LOG.error("Automatic backup failed: {}", e.getMessage());
      }
    }
  }

  /** Lists the copies, newest first. */
  public List<Path> list() {
    if (!Files.isDirectory(backupDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(backupDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".db")).sorted((a, b) -> b.compareTo(a)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void prune() throws IOException {
    List<Path> automatic =
        list().stream().filter(p -> p.getFileName().toString().endsWith("-automatic.db")).toList();
    for (int i = KEEP_AUTOMATIC; i < automatic.size(); i++) {
      Files.deleteIfExists(automatic.get(i));
    }
  }

  private long currentAuditSeq() {
    return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
  }

  /**
   * Runs SQLite's integrity and foreign-key checks on a database file, read-only; returns the problems found,
   * empty when the file is sound.
   */
  public static List<String> integrityCheck(Path file) {
    List<String> problems = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      problems.add("no such file: " + file);
      return problems;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          String line = rs.getString(1);
          if (!"ok".equals(line)) {
            problems.add(line);
          }
        }
      }
      try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
        while (rs.next()) {
          problems.add("foreign key violation in " + rs.getString(1) + " row " + rs.getLong(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_event'")) {
        if (!rs.next() || rs.getInt(1) != 1) {
          problems.add("not an Uitslag database (no audit_event table)");
        }
      }
    } catch (SQLException e) {
      problems.add("cannot read as SQLite database: " + e.getMessage());
    }
    return problems;
  }
}
