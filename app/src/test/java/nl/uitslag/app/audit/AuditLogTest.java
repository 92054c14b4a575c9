package nl.uitslag.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.uitslag.app.TestDataDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log is append-only and any edit, removal or insertion is found by verify. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AuditLogTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @BeforeEach
  void threeEvents() {
    jdbc.sql("DROP TRIGGER IF EXISTS audit_event_no_delete").update();
    jdbc.sql("DELETE FROM audit_event").update();
    restoreTriggers();
    for (int i = 1; i <= 3; i++) {
      int n = i;
      tx.executeWithoutResult(
          s -> audit.record("TEST_EVENT", AuditLevel.INFO, new Actor(7L, "anna", "127.0.0.1"), Map.of("n", n)));
    }
  }

  @Test
  void anIntactChainVerifies() {
    assertThat(audit.verify()).isEmpty();
    assertThat(audit.events(10)).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void recordingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> audit.record("X", AuditLevel.INFO, Actor.console(), Map.of()))
        .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
  }

  @Test
  void theDatabaseRefusesUpdatesAndDeletes() {
    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET details = '{}' WHERE seq = 2").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update())
        .hasMessageContaining("append-only");
  }

  @Test
  void anEditedEventIsNamed() {
    jdbc.sql("DROP TRIGGER audit_event_no_update").update();
    jdbc.sql("UPDATE audit_event SET details = '{\"n\":99}' WHERE seq = 2").update();
    restoreTriggers();
    assertThat(audit.verify()).singleElement().asString().contains("event 2").contains("hash differs");
  }

  @Test
  void aRemovedEventIsNamed() {
    jdbc.sql("DROP TRIGGER audit_event_no_delete").update();
    jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
    restoreTriggers();
    assertThat(audit.verify()).anySatisfy(p -> assertThat(p).contains("event 2").contains("missing"));
  }

  @Test
  void anInsertedEventIsNamed() {
    jdbc.sql(
            "INSERT INTO audit_event (seq, occurred_at, event_type, level, details, previous_hash, hash)"
                + " VALUES (4, '2026-01-01T00:00:00Z', 'FORGED', 'INFO', '{}', ?, ?)")
        .params("f".repeat(64), "e".repeat(64))
        .update();
    assertThat(audit.verify()).anySatisfy(p -> assertThat(p).contains("event 4"));
  }

  private void restoreTriggers() {
    jdbc.sql(
            "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event"
                + " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
        .update();
    jdbc.sql(
            "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event"
                + " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
        .update();
  }
}
