package nl.uitslag.app.airgap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Only loopback targets are used here: a listening socket plays "the internet", a closed port an air gap. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AirGapMonitorTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  @Test
  void reachingATargetStopsDataEntryAndIsAudited() throws Exception {
    try (ServerSocket internet = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AirGapMonitor monitor = monitor("127.0.0.1:" + closedPort() + ",127.0.0.1:" + internet.getLocalPort());
      assertThat(monitor.status()).isEqualTo(AirGapStatus.UNKNOWN);
      monitor.probe();
      assertThat(monitor.status()).isEqualTo(AirGapStatus.CONNECTED);
      assertThat(monitor.reachedTarget()).isEqualTo("127.0.0.1:" + internet.getLocalPort());
      assertThatThrownBy(monitor::requireIsolated).isInstanceOf(AirGapViolationException.class);
      assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("AIRGAP_VIOLATION"));
    }
  }

  @Test
  void unreachableTargetsMeanIsolatedAndRecoveryIsAudited() throws Exception {
    int port;
    AirGapMonitor monitor;
    try (ServerSocket internet = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = internet.getLocalPort();
      monitor = monitor("127.0.0.1:" + port);
      monitor.probe();
      assertThat(monitor.status()).isEqualTo(AirGapStatus.CONNECTED);
    }
    monitor.probe();
    assertThat(monitor.status()).isEqualTo(AirGapStatus.ISOLATED);
    monitor.requireIsolated();
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("AIRGAP_RESTORED"));
  }

  @Test
  void withoutTargetsTheCheckIsVisiblyOff() {
    AirGapMonitor monitor = monitor("");
    monitor.probe();
    assertThat(monitor.status()).isEqualTo(AirGapStatus.DISABLED);
    monitor.requireIsolated();
  }

  @Test
  void hostNamesAreRefusedSoNoDnsLookupLeaks() {
    assertThatThrownBy(() -> AirGapMonitor.parse("example.org:443"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IP:port");
    assertThat(AirGapMonitor.parse("1.1.1.1:443, [2606:4700:4700::1111]:443")).hasSize(2);
  }

  private AirGapMonitor monitor(String targets) {
    return new AirGapMonitor(targets, 500, audit, tx, clock);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
