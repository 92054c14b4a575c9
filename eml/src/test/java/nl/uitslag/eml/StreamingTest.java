package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A count file far larger than the heap is read in one streaming pass with constant memory: a child JVM with a 64 MB
 * heap reads a generated 510b (no file on disk). Size: system property uitslag.eml.streamBytes, default 50 MB so the
 * normal build stays fast; run the 1 GB case with
 * {@code ./mvnw -pl eml -am test -Dtest=StreamingTest -Duitslag.eml.streamBytes=1073741824}.
 */
class StreamingTest {
  static final long DEFAULT_BYTES = 50_000_000L;

  @Test
  void largeCountIsStreamedWithA64MegabyteHeap() throws Exception {
    long bytes = Long.getLong("uitslag.eml.streamBytes", DEFAULT_BYTES);
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), StreamingMain.class.getName(), Long.toString(bytes)));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    long produced = Long.parseLong(text.replaceAll("(?s).*bytes=(\\d+).*", "$1"));
    assertThat(produced).isGreaterThan(bytes * 9 / 10).isGreaterThan(64L * 1024 * 1024 / 2);
  }

  @Test
  void syntheticCountIsAValidCountFile() {
    SyntheticCountStream in = new SyntheticCountStream(200_000);
    byte[] all;
    try {
      all = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(Schemas.problem("510b", all)).isNull();
    EmlDocument.Counts doc = EmlReader.readCount(new java.io.ByteArrayInputStream(all), "s", ReadOptions.none());
    assertThat(doc.count().contests().get(0).units()).hasSize((int) in.units());
  }
}
