package nl.uitslag.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.uitslag.app.DataDirLock;
import nl.uitslag.app.Server;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.backup.BackupService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Puts a backup back in place of the database. Refuses a damaged file and refuses while a server runs on the
 * data directory; the replaced database is kept beside it, never deleted.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {"Zet een back-up terug.", "Restores a backup."})
public final class RestoreCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Back-upbestand / backup file")
  Path file;

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Override
  public Integer call() throws IOException {
    Path dir = dataDir.path().toAbsolutePath().normalize();
    List<String> problems = BackupService.integrityCheck(file);
    if (!problems.isEmpty()) {
      System.err.println(
          "Back-up geweigerd: het bestand is beschadigd of geen Uitslag-database. / Backup refused: the file is"
              + " damaged or not an Uitslag database.");
      problems.forEach(p -> System.err.println("  " + p));
      return 1;
    }
    Files.createDirectories(dir);
    if (DataDirLock.isHeldElsewhere(dir)) {
      System.err.println(
          "Stop eerst de server die " + dir + " gebruikt. / Stop the server that uses " + dir + " first.");
      return 1;
    }
    Path db = dir.resolve("uitslag.db");
    Path replaced = dir.resolve("replaced-" + Instant.now().toString().replace(':', '-'));
    if (Files.exists(db)) {
      Files.createDirectories(replaced);
      for (String suffix : List.of("", "-wal", "-shm")) {
        Path f = dir.resolve("uitslag.db" + suffix);
        if (Files.exists(f)) {
          Files.move(f, replaced.resolve(f.getFileName()));
        }
      }
    }
    Files.copy(file, db, StandardCopyOption.REPLACE_EXISTING);
    try (ConfigurableApplicationContext ctx = Server.startWithoutWeb(dir)) {
      ctx.getBean(TransactionTemplate.class)
          .executeWithoutResult(
              s ->
                  ctx.getBean(AuditLog.class)
                      .record(
                          "BACKUP_RESTORED",
                          AuditLevel.WARNING,
                          Actor.console(),
                          Map.of(
                              "file", file.getFileName().toString(),
                              "replacedKeptIn", replaced.getFileName().toString())));
    }
    System.out.println(
        "Teruggezet / restored: " + file + (Files.exists(replaced) ? "; vorige database in / previous database in " + replaced : ""));
    return 0;
  }
}
