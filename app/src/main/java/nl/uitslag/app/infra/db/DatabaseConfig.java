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
    return new HikariDataSource(config);
  }
}
