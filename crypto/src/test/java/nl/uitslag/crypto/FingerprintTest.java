package nl.uitslag.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  /** FIPS 180-2 test vector: SHA-256("abc"). */
  private static final Fingerprint ABC = Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));

  @Test
  void sha256OfTheExactBytesInSixteenGroupsOfFour() {
    assertThat(ABC.toString())
        .isEqualTo("BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223 B003 61A3 9617 7A9C B410 FF61 F200 15AD");
    assertThat(ABC.groups()).hasSize(16).allSatisfy(g -> assertThat(g).hasSize(4));
  }

  @Test
  void parseIgnoresSpacesColonsAndCase() {
    assertThat(Fingerprint.parse("ba78 16bf:8f01 cfea 414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isEqualTo(ABC);
    assertThatThrownBy(() -> Fingerprint.parse("BA78")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void challengeAcceptsTheRightGroupsInAnyCase() throws Exception {
    new FingerprintChallenge(0, 15).check(ABC, "ba78", " 15ad ");
  }

  @Test
  void challengeRefusesAWrongGroupWithItsOwnReason() {
    assertThatThrownBy(() -> new FingerprintChallenge(2, 5).check(ABC, "8F01", "0000"))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.FINGERPRINT_MISMATCH))
        .hasMessageContaining("positions 3 and 6");
    assertThatThrownBy(() -> new FingerprintChallenge(2, 5).check(ABC, null, "40DE"))
        .isInstanceOf(RejectedException.class);
  }

  @Property(tries = 300)
  void drawnPositionsAreTwoDistinctGroups(@ForAll long seed) {
    SecureRandom random = new SecureRandom();
    random.setSeed(seed);
    FingerprintChallenge challenge = FingerprintChallenge.draw(random);
    assertThat(challenge.first()).isBetween(0, 14);
    assertThat(challenge.second()).isBetween(challenge.first() + 1, 15);
  }

  @Test
  void everyPairOfPositionsCanBeDrawn() {
    SecureRandom random = new SecureRandom();
    Set<FingerprintChallenge> seen = new HashSet<>();
    for (int i = 0; i < 20_000 && seen.size() < 120; i++) {
      seen.add(FingerprintChallenge.draw(random));
    }
    assertThat(seen).hasSize(16 * 15 / 2);
  }
}
