package nl.uitslag.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import nl.uitslag.app.cli.UitslagCommand;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableResults;
import nl.uitslag.domain.control.NotableThresholds;
import nl.uitslag.domain.control.StationCounts;
import nl.uitslag.domain.control.StationSources;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** "uitslag notable" over real municipal count files (510b), as an HSB or CSB runs it over its imports. */
class NotableCommandTest {
  static Path eml(String f) {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Paths.get(p) : Paths.get("../../shared");
    return root.toAbsolutePath().normalize().resolve("data/eml").resolve(f);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = UitslagCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void checksEveryPollingStationOfARealGr2022CountFile() throws Exception {
    Path f = eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml");
    Run r = run("notable", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<StationCounts> stations;
    try (var in = Files.newInputStream(f)) {
      stations = StationSources.fromCountFile(
          EmlReader.readCount(in, f.getFileName().toString(), ReadOptions.none()).count().contests().get(0));
    }
    List<NotableFlag> flags = NotableResults.check(stations, NotableThresholds.DEFAULTS);
    assertThat(r.out()).contains("Telling_GR2022_WestMaasenWaal.eml.xml")
        .contains(stations.size() + " stembureaus, " + flags.size() + " opmerkelijke uitslagen");
    for (NotableFlag flag : flags) {
      assertThat(r.out()).contains(flag.reasonNl());
    }
    // Every station's votes cast are valid + blank + invalid, and the file has one total: they must add up.
    long valid = stations.stream().mapToLong(StationCounts::validVotes).sum();
    assertThat(valid).isEqualTo(9350);
  }

  @Test
  void theReasonsCanBeInEnglishAndThresholdsCanBeSet() {
    Path f = eml("TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml");
    Run strict = run("notable", "--lang", "en", "--blank-percent", "1", f.toString());
    Run loose = run("notable", "--lang", "en", "--blank-percent", "100", f.toString());
    assertThat(strict.exit()).as(strict.err()).isZero();
    assertThat(strict.out()).contains("polling stations,").contains("notable results");
    assertThat(loose.out()).doesNotContain("blank votes of");
    assertThat(strict.out().lines().count()).isGreaterThanOrEqualTo(loose.out().lines().count());
    assertThat(run("notable", "--blank-percent", "0", f.toString()).exit()).isEqualTo(2);
  }

  @Test
  void aFileThatIsNotACountIsRejected() {
    Run r = run("notable", eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("afgewezen");
  }
}
