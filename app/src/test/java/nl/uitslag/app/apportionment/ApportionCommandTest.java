package nl.uitslag.app.apportionment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code apportion} command on the worked example E05 (GR 2022, P 9) and on bad input. */
class ApportionCommandTest {

  static final String E05 = "{\"subcategory\": \"GR1\", \"seats\": 15, \"lists\": ["
      + "{\"number\": 1, \"name\": \"A\", \"candidates\": [\"1.1\", \"1.2\", \"1.3\", \"1.4\", \"1.5\","
      + " \"1.6\", \"1.7\", \"1.8\", \"1.9\"], \"votes\": [2000, 571, 0, 0, 0, 0, 0, 0, 0]},"
      + "{\"number\": 2, \"name\": \"B\", \"candidates\": [\"2.1\", \"2.2\", \"2.3\"], \"votes\": [977, 0, 0]},"
      + "{\"number\": 3, \"name\": \"C\", \"candidates\": [\"3.1\", \"3.2\"], \"votes\": [567, 0]},"
      + "{\"number\": 4, \"name\": \"D\", \"candidates\": [\"4.1\", \"4.2\"], \"votes\": [536, 0]},"
      + "{\"number\": 5, \"name\": \"E\", \"candidates\": [\"5.1\"], \"votes\": {\"1\": [453]}}]}";

  record Run(int exit, String out, String err) {}

  static Run run(String stdin, String... args) {
    ApportionCommand command = new ApportionCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  @Test
  void e05AsJsonFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("e05.json");
    Files.writeString(file, E05);
    Run r = run("", file.toString(), "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("status").stringValue()).isEqualTo("ok");
    assertThat(j.get("seats").toString()).isEqualTo("{\"1\":8,\"2\":3,\"3\":2,\"4\":1,\"5\":1}");
    assertThat(j.get("elected").get("1").toString())
        .isEqualTo("[\"1.1\",\"1.2\",\"1.3\",\"1.4\",\"1.5\",\"1.6\",\"1.7\",\"1.8\"]");
    assertThat(j.get("unassignedSeats").intValue()).isZero();
    assertThat(j.get("quota").stringValue()).isEqualTo("5104/15");
    JsonNode steps = j.get("steps");
    assertThat(steps.size()).isEqualTo(5);
    assertThat(steps.get(4).get("kind").stringValue()).isEqualTo("ABSOLUTE_MAJORITY");
    assertThat(steps.get(4).get("article").stringValue()).isEqualTo("P 9");
    assertThat(steps.get(4).get("fromList").stringValue()).isEqualTo("4");
    assertThat(steps.get(1).get("value").stringValue()).isEqualTo("4447/15");
    assertThat(steps.get(1).get("standings").get(1).get("value").stringValue()).isEqualTo("4447/15");
    assertThat(j.get("ranking").get("1").get(1).stringValue()).isEqualTo("1.2");
  }

  @Test
  void e05AsTextFromStandardInput() {
    Run r = run(E05, "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("GR1, 15 seats, 5104 votes, kiesdeler 340 4/15")
        .contains("P 9").contains("→ list 1 from list 4").contains("296 7/15")
        .contains("1.1*, 1.2*, 1.3");
  }

  @Test
  void lotRequiredIsReportedWithTheTiedOptions() {
    String e24 = "{\"subcategory\": \"GR1\", \"seats\": 1, \"lists\": ["
        + "{\"number\": 1, \"candidates\": [\"a\"], \"votes\": [50]},"
        + "{\"number\": 2, \"candidates\": [\"b\"], \"votes\": [50]}]}";
    Run r = run(e24, "-", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("status").stringValue()).isEqualTo("lot_required");
    assertThat(j.get("lot").get("options").toString()).isEqualTo("[\"list 1\",\"list 2\"]");
    Run text = run(e24, "-");
    assertThat(text.out()).contains("A LOT MUST BE DRAWN").contains("list 1, list 2");
    Run drawn = run(e24.replace("]}]}", "]}], \"lots\": [\"list 2\"]}"), "-", "--json");
    assertThat(json(drawn.out()).get("seats").toString()).isEqualTo("{\"1\":0,\"2\":1}");
  }

  @Test
  void jsonlWritesOneResultPerLineAndReportsBadLines() {
    String lines = E05 + "\n\n{\"subcategory\": \"GR1\"}\n" + E05 + "\n";
    Run r = run(lines, "--jsonl");
    String[] out = r.out().split("\n");
    assertThat(out).hasSize(3);
    assertThat(json(out[0]).get("status").stringValue()).isEqualTo("ok");
    assertThat(json(out[1]).get("status").stringValue()).isEqualTo("error");
    assertThat(json(out[1]).get("message").stringValue())
        .isEqualTo("line 3: $: field \"seats\" is required");
    assertThat(json(out[2]).get("seats").get("1").intValue()).isEqualTo(8);
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void malformedInputGivesAClearMessageAndExitCode2() {
    Run notJson = run("{", "-");
    assertThat(notJson.exit()).isEqualTo(2);
    assertThat(notJson.err()).contains("not valid JSON");
    Run unknownField = run(E05.replace("\"seats\"", "\"zetels\""), "-");
    assertThat(unknownField.exit()).isEqualTo(2);
    assertThat(unknownField.err()).contains("unknown field \"zetels\"");
    Run wrongType = run(E05.replace("[977, 0, 0]", "[977, \"x\", 0]"), "-", "--json");
    assertThat(wrongType.exit()).isEqualTo(2);
    assertThat(wrongType.err()).contains("$.lists[1].votes[1]: expected a whole number");
    Run domain = run(E05.replace("\"GR1\"", "\"GR9\""), "-");
    assertThat(domain.err()).contains("unknown election subcategory");
    Run missing = run("", "/nonexistent/file.json");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read");
    Run badLot = run(E05.substring(0, E05.length() - 1) + ", \"lots\": [\"list 9\"]}", "-");
    assertThat(badLot.exit()).isEqualTo(2);
    assertThat(badLot.err()).contains("not asked for");
  }

  @Test
  void listGroupsAndDistrictsInTheExchangeFormat() {
    String tk = "{\"subcategory\": \"TK\", \"seats\": 10,"
        + " \"districts\": [{\"number\": 1}, {\"number\": 2}, {\"number\": 3}], \"lists\": ["
        + "{\"number\": 1, \"name\": \"A\", \"sublists\": ["
        + "  {\"districts\": [1, 2], \"candidates\": [\"A1\", \"A2\", \"A3\", \"A4\"],"
        + "   \"votes\": {\"1\": [300, 50, 20, 10], \"2\": [200, 40, 30, 10]}},"
        + "  {\"districts\": [3], \"candidates\": [\"A1\", \"A5\", \"A6\", \"A7\"],"
        + "   \"votes\": {\"3\": [150, 100, 20, 10]}}]},"
        + "{\"number\": 2, \"name\": \"B\", \"candidates\": [\"B1\", \"B2\", \"B3\", \"B4\"],"
        + " \"votes\": {\"1\": [200, 30, 10, 5], \"2\": [150, 20, 5, 5], \"3\": [100, 20, 10, 5]}},"
        + "{\"number\": 3, \"name\": \"C\", \"districts\": [1], \"candidates\": [\"C1\", \"C2\"],"
        + " \"votes\": {\"1\": [90, 10]}}]}";
    Run r = run(tk, "-", "--json");
    assertThat(r.err()).isEmpty();
    JsonNode j = json(r.out());
    assertThat(j.get("seats").toString()).isEqualTo("{\"1\":6,\"2\":4,\"3\":0}");
    assertThat(j.get("elected").get("1.1").toString()).isEqualTo("[\"A1\",\"A2\",\"A3\",\"A4\"]");
    assertThat(j.get("elected").get("1.2").toString()).isEqualTo("[\"A5\",\"A6\"]");
  }
}
