package nl.uitslag.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fourFailuresAreFreeTheFifthBlocksTheUserForAMinute() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
    throttle.failed("anna", "10.0.0.1");
    assertThat(throttle.waitFor("ANNA", "10.0.0.2")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("bert", "10.0.0.2")).isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
  }

  @Test
  void theWaitDoublesUpToFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    throttle.failed("anna", "10.0.0.1");
    assertThat(throttle.waitFor("anna", "x")).isEqualTo(Duration.ofMinutes(2));
    for (int i = 0; i < 10; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    assertThat(throttle.waitFor("anna", "x")).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void unknownUserNamesAreThrottledAlikeSoThrottlingRevealsNothing() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("does-not-exist", "10.0.0.1");
    }
    assertThat(throttle.waitFor("does-not-exist", "10.0.0.9")).isPositive();
  }

  @Test
  void oneAddressGuessingManyNamesIsThrottled() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.66");
    }
    assertThat(throttle.waitFor("someone-new", "10.0.0.66")).isPositive();
    assertThat(throttle.waitFor("someone-new", "10.0.0.67")).isZero();
  }

  @Test
  void successClearsTheUsersFailuresAndOldFailuresAreForgotten() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    throttle.succeeded("anna");
    throttle.failed("anna", "10.0.0.1");
    assertThat(throttle.waitFor("anna", "y")).isZero();
    for (int i = 0; i < 3; i++) {
      throttle.failed("bert", "10.0.0.2");
    }
    clock.advance(Duration.ofHours(2));
    throttle.failed("bert", "10.0.0.2");
    throttle.failed("bert", "10.0.0.2");
    assertThat(throttle.waitFor("bert", "z")).isZero();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-18T21:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
