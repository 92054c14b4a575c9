package nl.uitslag.app.infra.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import nl.uitslag.app.UitslagProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded SQLite database. WAL with synchronous=FULL means an acknowledged save survives a power cut;
 * IMMEDIATE transactions take the write lock at BEGIN, so two savers never deadlock on a lock upgrade.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
  /**
   * SQLite's automatic checkpoint threshold, in pages of 4 KiB (its default is 1000). {@link WalCheckpointer}
   * checkpoints every second off the request path; this only bounds the log (about 40 MB) should it fall behind.
   */
  static final int AUTOCHECKPOINT_PAGES = 10_000;

  static String jdbcUrl(UitslagProperties props) {
    return "jdbc:sqlite:"
        + props.databaseFile()
        + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";
  }

  @Bean
  DataSource dataSource(UitslagProperties props) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl(props));
    config.setPoolName("uitslag-sqlite");
    // WAL lets readers run beside the one writer; more connections than this only queue on the write lock.
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    // Per connection, so set on each one the pool opens.
    config.setConnectionInitSql("PRAGMA wal_autocheckpoint=" + AUTOCHECKPOINT_PAGES);
    return new HikariDataSource(config);
  }
}
