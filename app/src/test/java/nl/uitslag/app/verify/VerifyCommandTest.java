package nl.uitslag.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.uitslag.app.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "uitslag verify DIR" run through picocli as a user would, on the real GR2022 West Maas en Waal files. */
class VerifyCommandTest {
  static final String GR = "data/eml/GR2022/";
  static final String LISTS = "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
  static final String COUNT = "Telling_GR2022_WestMaasenWaal.eml.xml";
  static final String RESULT = "Resultaat_GR2022_WestMaasenWaal.eml.xml";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VerifyCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  void copy(String... names) throws IOException {
    for (String n : names) {
      Files.write(dir.resolve(n), SharedData.read(GR + n));
    }
  }

  @Test
  void realFilesAgreeExitZero() throws IOException {
    copy(LISTS, COUNT, RESULT);
    Run r = run(dir.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Verification of GR2022_WestMaasenWaal")
        .contains("OK            seats      " + RESULT + ", list 1: seats: 3")
        .contains("RESULT: everything agrees");
  }

  @Test
  void realFilesAsJson() throws IOException {
    copy(LISTS, COUNT, RESULT);
    Run r = run("--json", dir.toString());
    assertThat(r.exit()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("exitCode").asInt()).isZero();
    assertThat(json.get("agrees").asBoolean()).isTrue();
    assertThat(json.get("different").asInt()).isZero();
    assertThat(json.get("files")).hasSize(3);
    assertThat(json.get("checks").get(2).get("kind").asString()).isEqualTo("seats");
  }

  @Test
  void aChangedVoteInOneStationExitsOneWithTheLocation() throws IOException {
    copy(LISTS, RESULT);
    String text = new String(SharedData.read(GR + COUNT), StandardCharsets.UTF_8);
    int sb1 = text.indexOf("<ReportingUnitIdentifier Id=\"0668::SB1\">");
    String from = "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate><ValidVotes>2<";
    int at = text.indexOf(from, sb1);
    text = text.substring(0, at) + from.replace(">2<", ">3<") + text.substring(at + from.length());
    Files.writeString(dir.resolve(COUNT), text, StandardCharsets.UTF_8);
    Run r = run(dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("DIFFERENT").contains("reporting unit 0668::SB1").contains("EML-030")
        .contains("RESULT: DIFFERENCES FOUND");
  }

  @Test
  void aWrongElectedCandidateExitsOne() throws IOException {
    copy(LISTS, COUNT);
    String text = new String(SharedData.read(GR + RESULT), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(RESULT), text.replace(">Hensen<", ">Jansen<"), StandardCharsets.UTF_8);
    Run r = run("--json", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("different").asInt()).isEqualTo(1);
  }

  @Test
  void mixedElectionsAreUnreadableInputExitTwo() throws IOException {
    copy(COUNT, "Resultaat_GR2022_Vlieland.eml.xml");
    Run r = run(dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("more than one election");
    Run j = run("--json", dir.toString());
    assertThat(j.exit()).isEqualTo(2);
    assertThat(JsonMapper.builder().build().readTree(j.out()).get("error").asString())
        .contains("more than one election");
  }

  @Test
  void missingDirectoryAndMissingArgumentExitTwo() {
    assertThat(run(dir.resolve("nope").toString()).exit()).isEqualTo(2);
    assertThat(run().exit()).isEqualTo(2);
  }
}
