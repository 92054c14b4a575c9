package nl.uitslag.app.airgap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks that the server cannot reach the internet (product.md §5). Every interval it tries to open a TCP
 * connection to a few well-known outside addresses; if any answers, the server is connected, data entry stops
 * and the change is written to the audit log. Targets are IP addresses so no DNS lookup leaks either.
 */
@Service
public class AirGapMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(AirGapMonitor.class);

  private final List<InetSocketAddress> targets;
  private final int timeoutMillis;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private volatile AirGapStatus status;
  private volatile Instant checkedAt;
  private volatile String reachedTarget;

  public AirGapMonitor(
      @Value("${uitslag.airgap.targets:}") String targets,
      @Value("${uitslag.airgap.timeout-millis:2000}") int timeoutMillis,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.targets = parse(targets);
    this.timeoutMillis = timeoutMillis;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.status = this.targets.isEmpty() ? AirGapStatus.DISABLED : AirGapStatus.UNKNOWN;
  }

  /** The current state, for screens and for the data-entry guard. */
  public AirGapStatus status() {
    return status;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  public String reachedTarget() {
    return reachedTarget;
  }

  /** Refuses a change that must not happen on a connected server (data entry). */
  public void requireIsolated() {
    if (status == AirGapStatus.CONNECTED) {
      throw new AirGapViolationException(reachedTarget);
    }
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${uitslag.airgap.interval:PT1M}")
  public void probe() {
    if (targets.isEmpty()) {
      return;
    }
    String reached = null;
    for (InetSocketAddress target : targets) {
      try (Socket socket = new Socket()) {
        socket.connect(target, timeoutMillis);
        reached = target.getHostString() + ":" + target.getPort();
        break;
      } catch (IOException unreachable) {
        // Expected on an air-gapped network.
      }
    }
    AirGapStatus next = reached == null ? AirGapStatus.ISOLATED : AirGapStatus.CONNECTED;
    AirGapStatus previous = status;
    reachedTarget = reached;
    checkedAt = clock.instant();
    status = next;
    if (next == AirGapStatus.CONNECTED && previous != AirGapStatus.CONNECTED) {
      LOG.error("The server can reach {}: it is not air-gapped; data entry is stopped", reached);
      String target = reached;
      tx.executeWithoutResult(
          s -> audit.record("AIRGAP_VIOLATION", AuditLevel.ERROR, Actor.console(), Map.of("reached", target)));
    } else if (next == AirGapStatus.ISOLATED && previous == AirGapStatus.CONNECTED) {
      LOG.warn("The server is air-gapped again; data entry may resume");
      tx.executeWithoutResult(s -> audit.record("AIRGAP_RESTORED", AuditLevel.WARNING, Actor.console(), Map.of()));
    }
  }

  static List<InetSocketAddress> parse(String spec) {
    List<InetSocketAddress> result = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return result;
    }
    for (String part : spec.split(",")) {
      String t = part.strip();
      int colon = t.lastIndexOf(':');
      if (colon <= 0 || !t.substring(0, colon).matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
        throw new IllegalArgumentException(
            "Air-gap target must be IP:port (no host names, to avoid DNS lookups): " + t);
      }
      String host = t.substring(0, colon).replace("[", "").replace("]", "");
      // A literal IP address is parsed, never looked up.
      result.add(new InetSocketAddress(host, Integer.parseInt(t.substring(colon + 1))));
    }
    return List.copyOf(result);
  }
}
