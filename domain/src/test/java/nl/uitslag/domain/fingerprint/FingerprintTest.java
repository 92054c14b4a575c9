package nl.uitslag.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  /** FIPS 180-2 test vector: SHA-256("abc"). */
  private static final Fingerprint ABC = Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));

  private static byte[] vlieland() {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Path.of(p) : Path.of("../../shared");
    if (!Files.isDirectory(root)) {
      root = Path.of("../../shared");
    }
    try {
      return Files.readAllBytes(root.resolve("data/eml/GR2022/Telling_GR2022_Vlieland.eml.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void sha256OfAbcIsTheFipsVectorIn16LowercaseGroups() {
    Fingerprint f = Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(f.toString()).isEqualTo(
        "ba78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad");
    assertThat(f.groups()).hasSize(16).allMatch(g -> g.matches("[0-9a-f]{4}"));
  }

  @Test
  void streamAndBytesGiveTheSameFingerprintOfARealFile() throws Exception {
    byte[] bytes = vlieland();
    assertThat(Fingerprint.of(new ByteArrayInputStream(bytes))).isEqualTo(Fingerprint.of(bytes));
  }

  @Test
  void oneChangedByteChangesTheFingerprint() {
    byte[] bytes = vlieland();
    Fingerprint before = Fingerprint.of(bytes);
    bytes[bytes.length / 2] ^= 1;
    assertThat(Fingerprint.of(bytes).matches(before)).isFalse();
  }

  @Test
  void parseAcceptsUppercaseAndSpacingButNotShortInput() {
    Fingerprint f = Fingerprint.of(new byte[] {1, 2, 3});
    assertThat(Fingerprint.parse(f.toString().toUpperCase())).isEqualTo(f);
    assertThatThrownBy(() -> Fingerprint.parse("abcd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void challengeHidesOneGroupInEachHalfAndVerifiesTheTypedGroups() {
    Fingerprint f = Fingerprint.of(new byte[] {42});
    Fingerprint.Challenge c = f.challenge(new SecureRandom());
    assertThat(c.firstHidden()).isBetween(0, 7);
    assertThat(c.secondHidden()).isBetween(8, 15);
    assertThat(c.shown().split(" ")).hasSize(16);
    assertThat(c.shown()).doesNotContain(f.group(c.firstHidden()) + " " + f.group(c.firstHidden() + 1));
    assertThat(c.verify(f.group(c.firstHidden()).toUpperCase(), " " + f.group(c.secondHidden()) + " ")).isTrue();
    assertThat(c.verify(f.group(c.secondHidden()), f.group(c.firstHidden()))).isEqualTo(
        f.group(c.secondHidden()).equals(f.group(c.firstHidden())));
    assertThat(c.verify("0000", "0000")).isEqualTo(
        f.group(c.firstHidden()).equals("0000") && f.group(c.secondHidden()).equals("0000"));
    assertThat(c.verify("", null)).isFalse();
  }

  @Test
  void challengePositionsAreNotDerivedFromTheFile() {
    // The same file asked many times gets different positions: drawn at the moment of asking.
    Fingerprint f = Fingerprint.of(new byte[] {7});
    Set<String> positions = new HashSet<>();
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      Fingerprint.Challenge c = f.challenge(random);
      positions.add(c.firstHidden() + "/" + c.secondHidden());
    }
    assertThat(positions.size()).isGreaterThan(20);
  }

  @Property
  void aChallengeNeverAcceptsAWrongGroup(@ForAll byte[] content, @ForAll("groups") String wrong) {
    Fingerprint f = Fingerprint.of(content);
    Fingerprint.Challenge c = f.challenge(new SecureRandom());
    if (!wrong.equals(f.group(c.firstHidden()))) {
      assertThat(c.verify(wrong, f.group(c.secondHidden()))).isFalse();
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> groups() {
    return net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef").ofLength(4);
  }

  @Test
  void hexIsTheDigestIn64LowercaseCharactersAndRoundTrips() {
    assertThat(ABC.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Fingerprint.parse(ABC.hex())).isEqualTo(ABC);
    assertThat(Fingerprint.ofDigest(ABC.digest())).isEqualTo(ABC);
    assertThatThrownBy(() -> Fingerprint.ofDigest(new byte[20])).hasMessageContaining("32 bytes");
  }

  @Test
  void parseIgnoresSpacesColonsAndCase() {
    assertThat(Fingerprint.parse("ba78 16bf:8f01 cfea 414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isEqualTo(ABC);
    assertThat(Fingerprint.parse("BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD"))
        .isEqualTo(ABC);
    assertThatThrownBy(() -> Fingerprint.parse("BA78")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fingerprint.parse("abc")).hasMessageContaining("64 hexadecimal");
  }

  @Test
  void challengeAcceptsTheRightGroupsInAnyCase() {
    Fingerprint.Challenge c = new Fingerprint.Challenge(ABC, 0, 15);
    assertThat(c.verify("ba78", " 15ad ")).isTrue();
    assertThat(c.verify("BA78", "15AD")).isTrue();
    assertThat(c.shown()).isEqualTo(
        "____ 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 ____");
  }

  @Test
  void challengeRefusesAWrongGroup() {
    Fingerprint.Challenge c = new Fingerprint.Challenge(ABC, 2, 10);
    assertThat(c.verify("8F01", "0000")).isFalse();
    assertThat(c.verify(null, "9617")).isFalse();
    assertThat(c.verify("8f01", "9617")).isTrue();
  }

  @Test
  void hiddenPositionsOutsideTheirHalfAreRefused() {
    assertThatThrownBy(() -> new Fingerprint.Challenge(ABC, 2, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fingerprint.Challenge(ABC, 8, 9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void drawnPositionsAreOneGroupInEachHalf(@ForAll long seed) {
    SecureRandom random = new SecureRandom();
    random.setSeed(seed);
    Fingerprint.Challenge c = ABC.challenge(random);
    assertThat(c.firstHidden()).isBetween(0, 7);
    assertThat(c.secondHidden()).isBetween(8, 15);
  }

  @Test
  void everyPairOfPositionsCanBeDrawn() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000 && seen.size() < 64; i++) {
      Fingerprint.Challenge c = ABC.challenge(random);
      seen.add(c.firstHidden() + "/" + c.secondHidden());
    }
    assertThat(seen).hasSize(8 * 8);
  }
}
