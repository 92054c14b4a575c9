package nl.uitslag.app.infra.db;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitslag.app.UitslagProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies the write-ahead log into the database file in the background, off the request path. SQLite's own
 * automatic checkpoint runs inside the commit that crosses its threshold, on the thread that committed: with
 * group commit that is the thread every waiting typist's save queues behind, so each few hundred saves one batch
 * also waited for copying the log and two more fsyncs (issue 10). A PASSIVE checkpoint from its own connection
 * never blocks a writer or a reader; crash safety is SQLite's (a checkpoint interrupted by a crash is redone from
 * the log at the next open, and every committed transaction is already in the fsynced log). The automatic
 * checkpoint stays on, with a threshold ({@link DatabaseConfig#AUTOCHECKPOINT_PAGES}) this one normally never
 * lets the log reach, so the log stays bounded even if this thread falls behind.
 */
@Component
public class WalCheckpointer {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  /** Often enough to keep the log at a few hundred kilobytes while 50 typists save. */
  static final long INTERVAL_MS = 1000;

  private final String url;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "uitslag-wal-checkpoint");
    t.setDaemon(true);
    return t;
  });
  private Connection connection;

  public WalCheckpointer(UitslagProperties props) {
    this.url = DatabaseConfig.jdbcUrl(props);
    timer.scheduleWithFixedDelay(this::checkpointQuietly, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** The outcome of one checkpoint: frames in the log, and frames of it now in the database file. */
  public record Checkpoint(boolean busy, int logFrames, int checkpointedFrames) {}

  /** Runs one PASSIVE checkpoint now (the timer does this every second). */
  public synchronized Checkpoint checkpoint() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url);
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      rs.next();
      return new Checkpoint(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3));
    }
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (SQLException | RuntimeException e) {
      // The next run tries again, and SQLite's own checkpoint still bounds the log meanwhile.
      LOG.debug("background WAL checkpoint failed", e);
    }
  }

  @PreDestroy
  synchronized void stop() throws SQLException {
    timer.shutdownNow();
    if (connection != null) {
      connection.close();
    }
  }
}
