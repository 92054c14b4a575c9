package nl.uitslag.app.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The latest verification of the audit log's hash chain, as the audit viewer shows it. The whole chain is
 * re-checked periodically and on request (a check of 100,000 events takes about a second, too long for every
 * page view); a chain found broken is itself recorded as an ERROR event, once per newly found break.
 */
@Component
public class AuditChainStatus {
  private static final Logger LOG = LoggerFactory.getLogger(AuditChainStatus.class);

  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private volatile Result latest;

  public AuditChainStatus(AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** One verification: when, how many events, and the problems found (empty when intact). */
  public record Result(Instant checkedAt, long events, List<String> problems) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }

  /** The latest result; verifies first when the chain was never verified since start. */
  public Result latest() {
    Result r = latest;
    return r == null ? verifyNow() : r;
  }

  /** Verifies the whole chain now. */
  public synchronized Result verifyNow() {
    Result previous = latest;
    AuditLog.Verification v = audit.verifyChain();
    List<String> problems = v.problems();
    Result r = new Result(clock.instant().truncatedTo(ChronoUnit.SECONDS), v.events(), problems);
    latest = r;
    if (!r.intact() && (previous == null || !previous.problems().equals(r.problems()))) {
      LOG.error("Audit log hash chain broken: {}", problems);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("problems", problems.size());
      details.put("first", problems.subList(0, Math.min(5, problems.size())));
      tx.executeWithoutResult(s -> audit.record("AUDIT_CHAIN_BROKEN", AuditLevel.ERROR, Actor.console(), details));
    }
    return r;
  }

  @Scheduled(
      initialDelayString = "${uitslag.audit.verify-interval:PT10M}",
      fixedDelayString = "${uitslag.audit.verify-interval:PT10M}")
  void periodicVerification() {
    verifyNow();
  }
}
