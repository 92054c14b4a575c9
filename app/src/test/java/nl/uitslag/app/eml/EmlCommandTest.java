package nl.uitslag.app.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The eml command line, run through picocli as the user would. */
class EmlCommandTest {
  static Path shared() {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Paths.get(p) : Paths.get("../../shared");
    return (Files.isDirectory(root) ? root : Paths.get("../../shared")).toAbsolutePath().normalize();
  }

  static Path eml(String f) {
    return shared().resolve("data/eml").resolve(f);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new EmlCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void checkShowsKindElectionCountsAndFingerprint() throws Exception {
    Path f = eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml");
    Run r = run("check", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("kind: 510b").contains("electionId: GR2022_WestMaasenWaal")
        .contains("reportingUnits: 21").contains("validVotes: 9350")
        .contains("fingerprint: " + Fingerprint.of(Files.readAllBytes(f)));
  }

  @Test
  void checkAsJson() throws Exception {
    Path f = eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml");
    Run r = run("check", "--json", f.toString(), "--lists",
        eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("kind").asString()).isEqualTo("510b");
    assertThat(json.get("electionId").asString()).isEqualTo("GR2022_WestMaasenWaal");
    assertThat(json.get("fingerprint").asString()).isEqualTo(Fingerprint.of(Files.readAllBytes(f)).toString())
        .matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
    assertThat(json.get("eligibleVoters").asLong()).isEqualTo(16202);
    assertThat(json.get("blank").asLong()).isEqualTo(21);
  }

  @Test
  void checkOfEveryOtherKind() {
    assertThat(run("check", eml("TK2021/Verkiezingsdefinitie_TK2021.eml.xml").toString()).out())
        .contains("kind: 110a").contains("seats: 150");
    assertThat(run("check", eml("TK2025/Kandidatenlijsten_TK2025_Haarlem.eml.xml").toString()).out())
        .contains("kind: 230b").contains("lists: 23");
    assertThat(run("check", eml("GR2022/Resultaat_GR2022_Vlieland.eml.xml").toString()).out())
        .contains("kind: 520").contains("electedCandidates: 9");
  }

  @Test
  void rejectedFileExitsOneWithTheReason(@TempDir Path dir) throws Exception {
    String xml = Files.readString(eml("GR2022/Telling_GR2022_Vlieland.eml.xml"), StandardCharsets.UTF_8)
        .replaceFirst("<TotalCounted>", "<TotalCounted>9");
    Path bad = dir.resolve("bad.eml.xml");
    Files.writeString(bad, xml, StandardCharsets.UTF_8);
    Run r = run("check", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("bad.eml.xml:1:").contains("EML-031").contains("TotalCounted");
    Run j = run("check", "--json", bad.toString());
    assertThat(j.exit()).isEqualTo(1);
    JsonNode json = JsonMapper.builder().build().readTree(j.out());
    assertThat(json.get("rule").asString()).isEqualTo("EML-031");
    assertThat(json.get("nl").asString()).contains("som van de lijsttotalen");
  }

  @Test
  void countOfAnotherElectionThanTheListsIsRejected() {
    Run r = run("check", eml("GR2022/Telling_GR2022_Vlieland.eml.xml").toString(), "--lists",
        eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("EML-050");
  }

  @Test
  void csvOfRealCountsEqualsTheOfficialOsvExports(@TempDir Path dir) throws Exception {
    String[][] cases = {
        {"GR2022/Telling_GR2022_WestMaasenWaal.eml.xml", "GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
            "osv4-3_telling_gr2022_westmaasenwaal.csv"},
        {"TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml", "TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml",
            "osv4-3_telling_tk2025_gemeente_westmaasenwaal.csv"}};
    for (String[] c : cases) {
      Path out = dir.resolve(c[2]);
      Run r = run("csv", eml(c[0]).toString(), "--lists", eml(c[1]).toString(), "-o", out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      byte[] official = Files.readAllBytes(shared().resolve("data/csv").resolve(c[2]));
      assertThat(Files.readAllBytes(out)).as(c[2]).isEqualTo(official);
    }
  }

  @Test
  void csvOfANonCountIsRefused(@TempDir Path dir) {
    Run r = run("csv", eml("GR2022/Resultaat_GR2022_Vlieland.eml.xml").toString(), "-o",
        dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("EML-006");
  }

  @Test
  void withoutSubcommandShowsUsage() {
    Run r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("check").contains("csv");
  }
}
