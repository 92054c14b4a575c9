package nl.uitslag.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** With {@code demo}: stores the demo election once and prints where to log in with a one-time password. */
@Component
@ConditionalOnProperty(name = "uitslag.demo", havingValue = "true")
public class DemoStartup {
  static final long SEED = 20260318L;
  private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);

  private final ElectionRepository elections;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;
  private final Environment env;
  private final TransactionTemplate tx;

  public DemoStartup(
      ElectionRepository elections,
      UserService users,
      AuditLog audit,
      Clock clock,
      Environment env,
      TransactionTemplate tx) {
    this.elections = elections;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.env = env;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    tx.executeWithoutResult(status -> storeDemoElection());
    String password = users.issueOneTimeAdministratorPassword("admin", "Beheerder demo");
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    String message =
        String.join(
            System.lineSeparator(),
            "",
            "Uitslag demo is gestart / Uitslag demo is running",
            "  Open:        " + (env.containsProperty("server.ssl.bundle") ? "https" : "http") + "://localhost:" + port + "/",
            "  Gebruiker / user:       admin",
            "  Eenmalig wachtwoord / one-time password: " + password,
            "  (bij de eerste keer inloggen kiest u een nieuw wachtwoord / choose a new password at first login)",
            "");
    // Printed on the console on purpose: the operator needs it, and the log file must not keep it.
    System.out.println(message);
    System.out.flush();
  }

  private void storeDemoElection() {
    var demo = DemoElectionGenerator.generate(SEED);
    if (elections.existsByIdentifier(demo.election().identifier())) {
      return;
    }
    long id = elections.insertElection(demo.election(), Instant.now(clock));
    demo.lists().forEach(l -> elections.insertList(id, l));
    demo.pollingStations().forEach(ps -> elections.insertPollingStation(id, ps));
    elections.insertCommittee(id, "GSB", "Gemeentelijk stembureau Demodorp", "9999");
    elections.insertCommittee(id, "CSB", "Centraal stembureau Demodorp", "9999");
    audit.record(
        "ELECTION_CREATED",
        AuditLevel.INFO,
        Actor.console(),
        Map.of("election", demo.election().identifier(), "source", "demo generator"));
    LOG.info("Demo election {} stored", demo.election().identifier());
  }
}
