package nl.uitslag.app.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, also needed by console commands that run without the web server. */
@Configuration(proxyBeanMethods = false)
public class PasswordConfig {
  /** Argon2id with the OWASP parameters (19 MiB, 2 iterations, 1 lane). */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  }
}
