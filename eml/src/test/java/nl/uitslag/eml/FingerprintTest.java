package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void sha256OfAbcIsTheFipsVectorIn16LowercaseGroups() {
    Fingerprint f = Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(f.toString()).isEqualTo(
        "ba78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad");
    assertThat(f.groups()).hasSize(16).allMatch(g -> g.matches("[0-9a-f]{4}"));
  }

  @Test
  void streamAndBytesGiveTheSameFingerprintOfARealFile() throws Exception {
    byte[] bytes = Shared.bytes(Shared.eml("GR2022/Telling_GR2022_Vlieland.eml.xml"));
    assertThat(Fingerprint.of(new ByteArrayInputStream(bytes))).isEqualTo(Fingerprint.of(bytes));
  }

  @Test
  void oneChangedByteChangesTheFingerprint() {
    byte[] bytes = Shared.bytes(Shared.eml("GR2022/Telling_GR2022_Vlieland.eml.xml"));
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
}
