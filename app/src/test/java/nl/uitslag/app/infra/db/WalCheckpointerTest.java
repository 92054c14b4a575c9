package nl.uitslag.app.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import nl.uitslag.app.TestDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write-ahead log is copied into the database file by the background checkpoint (issue 10), and SQLite's own
 * checkpoint inside a commit only comes at the high threshold that bounds the log.
 */
@SpringBootTest
class WalCheckpointerTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired WalCheckpointer checkpointer;
  @Autowired JdbcClient jdbc;

  @Test
  void everyPooledConnectionLeavesCheckpointingToTheBackgroundUpToTheBound() {
    assertThat(jdbc.sql("PRAGMA wal_autocheckpoint").query(Integer.class).single())
        .isEqualTo(DatabaseConfig.AUTOCHECKPOINT_PAGES);
    assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
    assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).as("FULL").isEqualTo(2);
  }

  @Test
  void aCheckpointCopiesEveryCommittedFrameOfTheLogIntoTheDatabase() throws Exception {
    jdbc.sql("CREATE TABLE IF NOT EXISTS checkpoint_probe (v TEXT) STRICT").update();
    for (int i = 0; i < 20; i++) {
      jdbc.sql("INSERT INTO checkpoint_probe VALUES (?)").param("x".repeat(4000)).update();
    }

    WalCheckpointer.Checkpoint c = checkpointer.checkpoint();

    assertThat(c.busy()).isFalse();
    assertThat(c.checkpointedFrames()).isEqualTo(c.logFrames());
    assertThat(jdbc.sql("SELECT count(*) FROM checkpoint_probe").query(Integer.class).single()).isEqualTo(20);
  }
}
