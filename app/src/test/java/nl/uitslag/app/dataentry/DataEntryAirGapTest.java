package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.airgap.AirGapStatus;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data entry stops while the server can reach an outside address (product.md §5): the session cannot be
 * started and a typist cannot claim, and nothing is stored. The "outside" address is a local socket listed as
 * a probe target.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataEntryAirGapTest {
  static ServerSocket outside;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
    try {
      outside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("uitslag.airgap.targets", () -> "127.0.0.1:" + outside.getLocalPort());
  }

  @AfterAll
  static void close() throws IOException {
    outside.close();
  }

  @Autowired MockMvc mvc;
  @Autowired AirGapMonitor monitor;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired DataEntryRepository repo;
  @Autowired DataEntryService service;
  @Autowired TransactionTemplate tx;

  @Test
  void dataEntryIsRefusedWhileTheServerIsConnected() throws Exception {
    DataEntryFixture fx = new DataEntryFixture(elections, users, 2);
    monitor.probe();
    assertThat(monitor.status()).isEqualTo(AirGapStatus.CONNECTED);

    mvc.perform(post("/dataentry/session").param("action", "START").with(csrf())
            .with(user(details.loadUserByUsername(fx.coordinator))))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().string(containsString("De server kan het internet bereiken")));
    assertThat(repo.currentSession(fx.committeeId)).isEmpty();

    // Even with a session in data entry, a typist's claim is refused and nothing is stored.
    tx.executeWithoutResult(t -> repo.insertSession(fx.committeeId,
        new CommitteeSession(1, CommitteeSessionStatus.DATA_ENTRY), Instant.parse("2026-03-18T21:00:00Z")));
    long ps = fx.stations.get(0);
    mvc.perform(post("/dataentry/" + ps + "/1/claim").with(csrf()).with(user(details.loadUserByUsername(fx.anna))))
        .andExpect(status().isServiceUnavailable());
    assertThat(service.state(service.committee(fx.committeeId).orElseThrow(), ps))
        .isEqualTo(new DataEntryState.Empty());
  }
}
