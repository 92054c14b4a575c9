package nl.uitslag.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.backup.BackupService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Makes a checked copy of the database, also while the server runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {"Maak een gecontroleerde kopie van de database.", "Makes a checked copy of the database."})
public final class BackupCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir = new DataDirOption();

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext ctx =
        dataDir.start()) {
      Path copy = ctx.getBean(BackupService.class).backup(BackupService.Reason.MANUAL, Actor.console());
      System.out.println(copy);
      return 0;
    }
  }
}
