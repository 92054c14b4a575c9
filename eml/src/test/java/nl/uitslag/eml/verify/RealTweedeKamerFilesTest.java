package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TK2021 files of two kieskringen (Amsterdam, Lelystad): the 110a, one 230b and one 510c per kieskring. The
 * 230b files are merged, each 510c is read against its own kieskring's lists and adds up; without a 520 the seats
 * are recomputed (over the two kieskringen present) but not compared.
 */
class RealTweedeKamerFilesTest {
  @TempDir Path dir;

  @Test
  void twoKieskringenOfTk2021AddUpAgainstTheirOwnCandidateLists() throws IOException {
    for (String f : new String[] {"Verkiezingsdefinitie_TK2021.eml.xml", "Kandidatenlijsten_TK2021_Amsterdam.eml.xml",
        "Kandidatenlijsten_TK2021_Lelystad.eml.xml", "Telling_TK2021_kieskring_Amsterdam.eml.xml",
        "Telling_TK2021_kieskring_Lelystad.eml.xml"}) {
      Files.copy(VerifierTest.shared().resolve("data/eml/TK2021/" + f), dir.resolve(f));
    }
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.checks()).filteredOn(c -> c.kind().equals("unit-sum")).hasSize(2)
        .allMatch(c -> c.status() == CheckStatus.OK);
    assertThat(r.notes()).anyMatch(n -> n.contains("seats recomputed from 2 510c files (510c, the highest level "
        + "present) over 2 kieskringen"));
    assertThat(r.notes()).anyMatch(n -> n.contains("no 520 present"));
    assertThat(r.recomputation().seats().stream().mapToInt(Recomputation.ListSeats::seats).sum()).isEqualTo(150);
  }
}
