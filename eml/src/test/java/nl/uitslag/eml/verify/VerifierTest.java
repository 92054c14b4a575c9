package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
  static final String GR = "data/eml/GR2022/";
  static final String LISTS = "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
  static final String COUNT = "Telling_GR2022_WestMaasenWaal.eml.xml";
  static final String RESULT = "Resultaat_GR2022_WestMaasenWaal.eml.xml";

  @TempDir Path dir;

  static Path shared() {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Paths.get(p) : Paths.get("../../shared");
    if (!Files.isDirectory(root)) {
      root = Paths.get("../../shared");
    }
    return root.toAbsolutePath().normalize();
  }

  static void copy(Path dir, String... names) throws IOException {
    for (String n : names) {
      Files.copy(shared().resolve(GR + n), dir.resolve(n));
    }
  }

  @Test
  void realWestMaasEnWaalAgrees() throws IOException {
    copy(dir, LISTS, COUNT, RESULT);
    VerificationReport r = Verifier.verify(dir);
    System.out.println(ReportWriter.text(r));
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }
}
