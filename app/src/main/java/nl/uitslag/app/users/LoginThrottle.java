package nl.uitslag.app.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a number of failed logins for one user name, or from one address, further
 * attempts are refused for a while, and the wait doubles with every further failure. The same rule applies to user
 * names that do not exist, so throttling reveals nothing about which names exist.
 */
@Component
public class LoginThrottle {
  static final int FREE_FAILURES_PER_USER = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  static final Duration FIRST_WAIT = Duration.ofMinutes(1);
  static final Duration MAX_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private record Failures(int count, Instant last, Instant blockedUntil) {}

  /** How long this login attempt must still wait; zero when it may proceed. */
  public Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration user = remaining(userKey(username), now);
    Duration addr = remaining(addressKey(address), now);
    return user.compareTo(addr) >= 0 ? user : addr;
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    record(userKey(username), FREE_FAILURES_PER_USER, now);
    record(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
  }

  /** A successful login clears the user's failures (not the address's: one address may serve many typists). */
  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private void record(String key, int free, Instant now) {
    failures.compute(
        key,
        (k, f) -> {
          int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
          Instant blockedUntil = now;
          if (count >= free) {
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(count - free, 4));
            blockedUntil = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
          }
          return new Failures(count, now, blockedUntil);
        });
  }

  private Duration remaining(String key, Instant now) {
    Failures f = failures.get(key);
    if (f == null || !f.blockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.blockedUntil());
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "addr:" + (address == null ? "" : address);
  }
}
