package nl.uitslag.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import nl.uitslag.app.TestDataDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The viewer with 100,000 events: every filter's page is read in seq order, along an index or the table itself
 * (SQLite's own query plan says so: no sort of the matching rows), deep pages are reached by key, and the chain
 * of all 100,000 events verifies. Speed itself is measured in docs/BENCHMARKS.md, not asserted here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditViewerScaleTest {
  static final int EVENTS = 100_000;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired AuditReader reader;
  @Autowired AuditLog audit;
  @Autowired nl.uitslag.app.users.UserService users;

  @BeforeAll
  void aHundredThousandEvents() {
    if (users.setupRequired()) {
      users.createAdministrator("beheer", "B. Heerder", "correct horse battery".toCharArray(), "test");
    }
    tx.executeWithoutResult(
        s -> {
          AuditLogFixture log = new AuditLogFixture(jdbc);
          LocalDateTime start = LocalDateTime.of(2026, 3, 18, 7, 30);
          for (int i = 0; i < EVENTS; i++) {
            // About one event every 0.6 s over the polling day and the night of the count.
            String at = start.plusNanos(600_000_000L * i) + "Z";
            String who = "typist" + (i % 50);
            String type = i % 100 == 0 ? "USER_LOGIN_FAILED" : "DATA_ENTRY_SAVED";
            AuditLevel level = i % 100 == 0 ? AuditLevel.WARNING : AuditLevel.INFO;
            log.append(at, type, level, who, "{\"pollingStation\":" + (i % 400) + "}");
          }
        });
  }

  @Test
  void everyFilteredPageIsReadAlongAnIndexWithoutSorting() {
    List<AuditFilter> filters =
        List.of(
            AuditFilter.none(),
            new AuditFilter("typist7", null, null, null, null),
            new AuditFilter(null, "USER_LOGIN_FAILED", null, null, null),
            new AuditFilter(null, null, AuditLevel.WARNING, null, null),
            new AuditFilter(null, null, null, LocalDateTime.of(2026, 3, 18, 12, 0), LocalDateTime.of(2026, 3, 18, 13, 0)),
            new AuditFilter("typist7", "DATA_ENTRY_SAVED", AuditLevel.INFO,
                LocalDateTime.of(2026, 3, 18, 12, 0), null));
    for (AuditFilter f : filters) {
      List<String> plan = reader.planOfPage(f);
      System.out.println(f + " -> " + plan);
      assertThat(plan).as("plan for " + f).noneMatch(step -> step.contains("TEMP B-TREE"));
    }
  }

  @Test
  void deepPagesAreReachedByKeyAndCountsAreExact() throws Exception {
    long t0 = System.nanoTime();
    AuditPage newest = reader.page(AuditFilter.none(), null, null, AuditReader.PAGE_SIZE);
    long t1 = System.nanoTime();
    AuditPage deep = reader.page(new AuditFilter("typist7", null, null, null, null), 1_000L, null, AuditReader.PAGE_SIZE);
    long t2 = System.nanoTime();
    System.out.printf("newest page %.1f ms, deep filtered page %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    assertThat(newest.events()).hasSize(50).first().extracting(AuditEvent::seq).isEqualTo((long) EVENTS + countBefore());
    assertThat(newest.matching()).isEqualTo(EVENTS + countBefore());
    // typist7 wrote every 50th event from i = 7, i.e. seq 9 + k·50 (+ the events before the fixture).
    assertThat(deep.events()).hasSize(20).allMatch(e -> e.username().equals("typist7") && e.seq() < 1_000);
    assertThat(deep.hasOlder()).isFalse();
    assertThat(deep.hasNewer()).isTrue();
    assertThat(reader.count(new AuditFilter(null, null, AuditLevel.WARNING, null, null))).isEqualTo(EVENTS / 100);
    assertThat(reader.count(new AuditFilter(null, null, AuditLevel.INFO, null, null))).isEqualTo(EVENTS - EVENTS / 100 + countBefore());

    String html =
        mvc.perform(get("/audit?user=typist7&before=50000").with(user("coby").roles("COORDINATOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(AuditViewerTest.seqsOn(html)).hasSize(50).allMatch(seq -> seq < 50_000);
  }

  @Test
  void theWholeChainOfAHundredThousandEventsVerifies() {
    long t0 = System.nanoTime();
    AuditLog.Verification v = audit.verifyChain();
    System.out.printf("verify %d events: %.0f ms%n", v.events(), (System.nanoTime() - t0) / 1e6);
    assertThat(v.problems()).isEmpty();
    assertThat(v.events()).isEqualTo(EVENTS + countBefore());
  }

  private long countBefore() {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type <> 'DATA_ENTRY_SAVED'"
        + " AND event_type <> 'USER_LOGIN_FAILED'").query(Long.class).single();
  }
}
