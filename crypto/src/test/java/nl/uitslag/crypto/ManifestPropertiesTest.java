package nl.uitslag.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import nl.uitslag.domain.fingerprint.Fingerprint;

class ManifestPropertiesTest {
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("ABCXYZabcxyz0123456789_.-").ofMinLength(1).ofMaxLength(64);
  }

  @Property(tries = 300)
  void manifestRoundTripsExactly(
      @ForAll("ids") String election,
      @ForAll("ids") String kind,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int sequence,
      @ForAll("ids") String sender,
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
      @ForAll byte[] emlBytes,
      @ForAll boolean withPdf)
      throws RejectedException {
    PackageMetadata metadata =
        new PackageMetadata(election, kind, sequence, sender, Instant.ofEpochSecond(seconds));
    NamedFile eml = new NamedFile("count.xml", emlBytes);
    NamedFile pdf = withPdf ? new NamedFile("report.pdf", new byte[] {1, 2, 3}) : null;
    PackageMetadata.Manifest parsed = PackageMetadata.parse(metadata.manifest(eml, pdf));
    assertThat(parsed.metadata()).isEqualTo(metadata);
    assertThat(parsed.emlSha256()).isEqualTo(eml.fingerprint());
    assertThat(parsed.pdfName()).isEqualTo(withPdf ? "report.pdf" : null);
  }

  @Property(tries = 300)
  void fingerprintPrintsAndParsesBack(@ForAll byte[] bytes) {
    Fingerprint fingerprint = Fingerprint.of(bytes);
    assertThat(fingerprint.toString()).hasSize(16 * 4 + 15);
    assertThat(Fingerprint.parse(fingerprint.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(fingerprint);
  }

  @Property(tries = 200)
  void manifestWithAnyExtraLineIsMalformed(
      @ForAll("ids") String key, @ForAll("ids") String value, @ForAll @IntRange(min = 0, max = 8) int where) {
    PackageMetadata metadata = new PackageMetadata("TK2025", "510b", 1, "0363", Instant.EPOCH);
    String manifest = metadata.manifest(new NamedFile("a.xml", new byte[0]), null);
    String[] lines = manifest.split("\n");
    StringBuilder altered = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == where) {
        altered.append(key).append('=').append(value).append('\n');
      }
      altered.append(lines[i]).append('\n');
    }
    if (where == lines.length) {
      altered.append(key).append('=').append(value).append('\n');
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PackageMetadata.parse(altered.toString()))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.MALFORMED_PACKAGE));
  }
}
