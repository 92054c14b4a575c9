package nl.uitslag.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import nl.uitslag.app.audit.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Audit-log commands for a reviewer. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {"Controleer het auditlog.", "Checks the audit log."},
    subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

  /** Walks the hash chain and names every edited, removed or inserted event; exit 1 when any is found. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {"Controleer de hashketen van het auditlog.", "Verifies the audit log's hash chain."})
  static final class Verify implements Callable<Integer> {
    @Mixin DataDirOption dataDir = new DataDirOption();

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx =
          dataDir.start()) {
        AuditLog audit = ctx.getBean(AuditLog.class);
        List<String> problems = audit.verify();
        long count = audit.count();
        if (problems.isEmpty()) {
          System.out.println("Auditlog in orde / audit log intact: " + count + " events");
          return 0;
        }
        problems.forEach(System.out::println);
        return 1;
      }
    }
  }
}
