package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hoofdstembureau of a kieskring in a real browser, with a Tweede Kamer set the jar itself generates (one
 * kieskring, three municipalities 0014, 0016, 0018): the administrator makes the installation the HSB of kieskring
 * 1, the coordinator imports two municipalities' 510b with the fingerprint challenge, typists re-key the paper
 * totals (one typing error is found and resolved) and enter the third municipality twice by hand, the coordinator
 * finalises, and the downloaded 510c validates against the schema, has a reporting unit per municipality and
 * totals that are the sum of the three.
 */
class HsbE2ETest {
  static Browser browser;

  @BeforeAll
  static void launch() {
    browser = Browser.launch();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Runs {@code uitslag generate TK DIR ...} with the jar under test. */
  static Path generate() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("hsb-e2e");
    Path jar = Path.of(System.getProperty("uitslag.jar", "../app/target/uitslag.jar")).toAbsolutePath();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "generate", "TK", dir.toString(), "--seats", "10", "--districts", "1", "--municipalities", "3",
        "--stations", "6", "--lists", "3", "--candidates", "4", "--seed", "3")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return dir;
  }

  @Test
  void anHsbTakesInItsMunicipalitiesAndFinalisesTheKieskringWithA510cThatAddsUp() throws Exception {
    Path set = generate();
    Path definition = set.resolve("Verkiezingsdefinitie_TK2029.eml.xml");
    Path lists = set.resolve("Kandidatenlijsten_TK2029_kieskring_1.eml.xml");
    Map<String, Path> files = new LinkedHashMap<>();
    for (String code : List.of("0014", "0016", "0018")) {
      files.put(code, set.resolve("Telling_TK2029_gemeente_" + code + ".eml.xml"));
    }
    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = Steps.firstAdministrator(browser, server);

      // 1. Set-up: 110a and 230b, each confirmed from paper; the HSB of kieskring 1 from the election tree.
      Steps.importDefinitionAndLists(server, admin, definition, lists);
      Steps.createAsHsb(admin, 1);
      Browser.screenshot(admin, "hsb-01-election");

      String coordinatorOtp = Steps.createUser(server, admin, "voorzitter", "Voorzitter HSB", "COORDINATOR",
          "Hoofdstembureau");
      String annaOtp = Steps.createUser(server, admin, "anna", "Anna Invoer", "TYPIST", "Hoofdstembureau");
      String bertOtp = Steps.createUser(server, admin, "bert", "Bert Invoer", "TYPIST", "Hoofdstembureau");

      // 2. The coordinator imports two municipalities' count files: each is the first entry.
      Page coordinator = Steps.newUser(browser, server, "voorzitter", coordinatorOtp);
      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hoofdstembureau")).click();
      assertThat(coordinator.locator("#sources tbody tr")).hasCount(3);
      for (String code : List.of("0014", "0016")) {
        Steps.uploadAndConfirm(coordinator, "form[action$='/csb/import']", files.get(code));
        assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      }
      Browser.screenshot(coordinator, "hsb-02-imported");

      Page anna = Steps.newUser(browser, server, "anna", annaOtp);
      Page bert = Steps.newUser(browser, server, "bert", bertOtp);

      // 3. Second entries from paper; Anna mistypes the eligible voters of 0016.
      Steps.enter(server, anna, "0014", 2, paper(files.get("0014")), null);
      assertThat(anna.locator("#finished")).containsText("definitief");
      Steps.enter(server, anna, "0016", 2, paper(files.get("0016")), "Z");
      assertThat(anna.locator("#finished")).containsText("verschillen");
      coordinator.navigate(server.url("/csb/0016/resolve"));
      Browser.screenshot(coordinator, "hsb-03-difference");
      coordinator.locator("input[value=KEEP_FIRST_DISCARD_SECOND]").check();
      coordinator.locator("form[action$='/csb/0016/resolve'] button[type=submit]").first().click();
      Steps.enter(server, bert, "0016", 2, paper(files.get("0016")), null);
      assertThat(bert.locator("#finished")).containsText("definitief");

      // 4. The third municipality is entered twice by hand, by two typists.
      Steps.enter(server, anna, "0018", 1, paper(files.get("0018")), null);
      Steps.enter(server, bert, "0018", 2, paper(files.get("0018")), null);
      assertThat(bert.locator("#finished")).containsText("definitief");

      // 5. The coordinator finalises: O 7 and 510c.
      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#district-totals tbody tr")).hasCount(4);
      Browser.screenshot(coordinator, "hsb-04-totals");
      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(2);
      Browser.screenshot(coordinator, "hsb-05-documents");

      byte[] pdf = Steps.download(coordinator, "#doc-O7");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      byte[] count = Steps.download(coordinator, "#doc-EML_510C");
      assertThat(Steps.download(coordinator, "#doc-EML_510C")).isEqualTo(count);
      assertThat(coordinator.locator("#documents")).containsText(Steps.fingerprint(count));
      assertThat(CsbE2ETest.schemaProblem("510-count-kiesraad-strict.xsd", count)).isNull();

      String xml = new String(count, StandardCharsets.UTF_8);
      assertThat(xml).contains("Id=\"510c\"").contains("<AuthorityIdentifier Id=\"HSB1\">");
      Matcher units = Pattern.compile("<ReportingUnitIdentifier Id=\"(HSB1::\\d{4})\"").matcher(xml);
      List<String> ids = new java.util.ArrayList<>();
      while (units.find()) {
        ids.add(units.group(1));
      }
      assertThat(ids).containsExactly("HSB1::0014", "HSB1::0016", "HSB1::0018");
      Map<String, Integer> total = totals(xml);
      Map<String, Long> sum = new LinkedHashMap<>();
      for (Path f : files.values()) {
        paper(f).forEach((k, v) -> sum.merge(k, (long) v, Long::sum));
      }
      for (Map.Entry<String, Long> e : sum.entrySet()) {
        assertThat((long) total.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      }
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  /** The paper totals of a municipality: those of its count file, with its voter cards (C) for a TK. */
  static Map<String, Integer> paper(Path file) throws IOException {
    return totals(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The TotalVotes of a 510b or 510c as the fields of the totals form. */
  static Map<String, Integer> totals(String indented) {
    String xml = oneLine(indented);
    Map<String, Integer> v = CsbE2ETest.paperTotals(xml);
    String total = xml.substring(xml.indexOf("<TotalVotes>"), xml.indexOf("</TotalVotes>"));
    Matcher c = Pattern.compile("ReasonCode=\"geldige kiezerspassen\">(\\d+)<").matcher(total);
    v.put("C", c.find() ? Integer.parseInt(c.group(1)) : 0);
    return v;
  }

  /** Our files are indented; the paper-totals reader of CsbE2ETest reads one selection per line. */
  static String oneLine(String xml) {
    return xml.replaceAll(">\\s+<", "><");
  }
}
