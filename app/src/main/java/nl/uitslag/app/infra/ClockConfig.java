package nl.uitslag.app.infra;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, so tests can fix time and the domain never reads it itself. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
