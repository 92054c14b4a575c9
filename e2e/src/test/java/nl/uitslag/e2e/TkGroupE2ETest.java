package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The worked example tk_group of apportionment.md §6.5 through every committee above the municipalities, in a real
 * browser: the jar writes the election ({@code uitslag generate TK DIR --example tk_group}: 10 seats, 3 kieskringen,
 * Partij A a lijstengroep with list X in kieskring 1 and 2 and list Y in kieskring 3, candidate A1 on both, Partij B
 * in all three, Partij C in kieskring 1 only, two municipalities per kieskring). Three HSB installations each take
 * in their municipalities' 510b with the fingerprint challenge, have a typist re-key the paper totals, finalise and
 * hand out a 510c that validates and adds up. One CSB installation takes in the three kieskringen's candidate lists
 * and 510c files, has the totals re-keyed, computes and finalises: A 6 (X 4, Y 2), B 4, C 0; elected X: A1, A2, A3,
 * A4; Y: A5, A6 (A1 elected on X only, Kieswet P 16 lid 1); B: B1, B2, B3, B4; the 520 validates against the schema
 * and agrees with the one the generator computed.
 */
class TkGroupE2ETest {
  static Browser browser;

  /** The municipalities of each kieskring, as the generator numbers them. */
  static final Map<Integer, List<String>> MUNICIPALITIES = Map.of(1, List.of("0014", "0016"), 2, List.of("0018",
      "0020"), 3, List.of("0022", "0024"));

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

  /** Runs {@code uitslag generate TK DIR --example tk_group} with the jar under test. */
  static Path generate() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tkgroup-e2e");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        RunningServer.jar().toString(), "generate", "TK", dir.toString(), "--example", "tk_group", "--seed", "3")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("seats per list: {1=6, 2=4, 3=0}");
    return dir;
  }

  @Test
  void tkGroupThroughThreeHsbsAndTheCsbElectsTheCandidatesOfTheWorkedExample() throws Exception {
    Path set = generate();
    Path definition = set.resolve("Verkiezingsdefinitie_TK2029.eml.xml");
    Map<Integer, Path> counts = new LinkedHashMap<>();
    for (int district = 1; district <= 3; district++) {
      long start = System.nanoTime();
      byte[] count = hsb(set, definition, district);
      Path file = Files.createTempDirectory("tkgroup-510c").resolve("Telling_TK2029_kieskring_" + district
          + ".eml.xml");
      Files.write(file, count);
      counts.put(district, file);
      System.out.printf("TkGroupE2ETest: HSB %d in %d ms%n", district, (System.nanoTime() - start) / 1_000_000);
    }
    long start = System.nanoTime();
    csb(set, definition, counts);
    System.out.printf("TkGroupE2ETest: CSB in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(browser.consoleErrors).isEmpty();
  }

  /** One HSB installation from set-up to its downloaded 510c; returns the 510c. */
  private byte[] hsb(Path set, Path definition, int district) throws Exception {
    Path lists = set.resolve("Kandidatenlijsten_TK2029_kieskring_" + district + ".eml.xml");
    List<String> codes = MUNICIPALITIES.get(district);
    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = Steps.firstAdministrator(browser, server);
      Steps.importDefinitionAndLists(server, admin, definition, lists);
      Steps.createAsHsb(admin, district);
      String coordinatorOtp = Steps.createUser(server, admin, "voorzitter", "Voorzitter HSB " + district,
          "COORDINATOR", "Hoofdstembureau");
      String typistOtp = Steps.createUser(server, admin, "anna", "Anna Invoer", "TYPIST", "Hoofdstembureau");

      // The coordinator imports every municipality's 510b: each is the first entry.
      Page coordinator = Steps.newUser(browser, server, "voorzitter", coordinatorOtp);
      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hoofdstembureau")).click();
      assertThat(coordinator.locator("#sources tbody tr")).hasCount(codes.size());
      for (String code : codes) {
        Steps.uploadAndConfirm(coordinator, "form[action$='/csb/import']", municipal(set, code));
        assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      }
      Browser.screenshot(coordinator, "tkgroup-hsb" + district + "-01-imported");

      // A typist re-keys the totals of every municipality's paper PV as the second entry.
      Page typist = Steps.newUser(browser, server, "anna", typistOtp);
      for (String code : codes) {
        Steps.enter(server, typist, code, 2, HsbE2ETest.paper(municipal(set, code)), null);
        assertThat(typist.locator("#finished")).containsText("definitief");
      }

      // The coordinator finalises the kieskring: O 7 and 510c.
      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#district-totals tbody tr")).hasCount(codes.size() + 1);
      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(2);
      Browser.screenshot(coordinator, "tkgroup-hsb" + district + "-02-documents");
      byte[] pdf = Steps.download(coordinator, "#doc-O7");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      byte[] count = Steps.download(coordinator, "#doc-EML_510C");
      assertThat(coordinator.locator("#documents")).containsText(Steps.fingerprint(count));
      assertThat(CsbE2ETest.schemaProblem("510-count-kiesraad-strict.xsd", count)).isNull();

      String xml = new String(count, StandardCharsets.UTF_8);
      assertThat(xml).contains("Id=\"510c\"").contains("<AuthorityIdentifier Id=\"HSB" + district + "\">");
      Matcher units = Pattern.compile("<ReportingUnitIdentifier Id=\"(HSB\\d+::\\d{4})\"").matcher(xml);
      List<String> ids = new ArrayList<>();
      while (units.find()) {
        ids.add(units.group(1));
      }
      assertThat(ids).containsExactly(codes.stream().map(c -> "HSB" + district + "::" + c).toArray(String[]::new));
      // The kieskring total is the sum of its municipalities, and equals the kieskring of the worked example.
      Map<String, Long> sum = new LinkedHashMap<>();
      for (String code : codes) {
        HsbE2ETest.paper(municipal(set, code)).forEach((k, v) -> sum.merge(k, (long) v, Long::sum));
      }
      Map<String, Integer> total = HsbE2ETest.totals(xml);
      for (Map.Entry<String, Long> e : sum.entrySet()) {
        assertThat((long) total.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      }
      assertThat(total).isEqualTo(HsbE2ETest.paper(set.resolve("Telling_TK2029_kieskring_" + district
          + ".eml.xml")));
      assertThat(total).containsAllEntriesOf(EXAMPLE.get(district));
      return count;
    }
  }

  /** The votes per list and candidate of each kieskring as apportionment.md §6.5 gives them (fields of the form). */
  static final Map<Integer, Map<String, Integer>> EXAMPLE = Map.of(
      1, figures(new int[][] {{300, 50, 20, 10}, {200, 30, 10, 5}, {90, 10}}),
      2, figures(new int[][] {{200, 40, 30, 10}, {150, 20, 5, 5}}),
      3, figures(new int[][] {{150, 100, 20, 10}, {100, 20, 10, 5}}));

  static Map<String, Integer> figures(int[][] lists) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int l = 0; l < lists.length; l++) {
      int total = 0;
      for (int k = 0; k < lists[l].length; k++) {
        m.put("list." + (l + 1) + ".candidate." + (k + 1), lists[l][k]);
        total += lists[l][k];
      }
      m.put("list." + (l + 1) + ".total", total);
    }
    return m;
  }

  private static Path municipal(Path set, String code) {
    return set.resolve("Telling_TK2029_gemeente_" + code + ".eml.xml");
  }

  /** The CSB installation: kieskring lists, the three 510c, second entries, result, finalise, P 22-1 and 520. */
  private void csb(Path set, Path definition, Map<Integer, Path> counts) throws Exception {
    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = Steps.firstAdministrator(browser, server);
      Steps.importDefinitionAndLists(server, admin, definition,
          set.resolve("Kandidatenlijsten_TK2029_kieskring_1.eml.xml"));
      Steps.createAsCsb(admin);
      String coordinatorOtp = Steps.createUser(server, admin, "voorzitter", "Voorzitter CSB", "COORDINATOR",
          "Centraal stembureau");
      String typistOtp = Steps.createUser(server, admin, "bert", "Bert Invoer", "TYPIST", "Centraal stembureau");

      // The candidate lists of every kieskring, each confirmed from paper.
      Page coordinator = Steps.newUser(browser, server, "voorzitter", coordinatorOtp);
      coordinator.navigate(server.url("/csb/districts"));
      for (int d = 1; d <= 3; d++) {
        Steps.uploadAndConfirm(coordinator, "form[action$='/csb/districts/import']",
            set.resolve("Kandidatenlijsten_TK2029_kieskring_" + d + ".eml.xml"));
        assertThat(coordinator.locator("#lists-outcome")).containsText("ingelezen");
      }
      assertThat(coordinator.locator("#districts tbody tr")).hasCount(3);
      assertThat(coordinator.locator("#districts [data-district='3']")).containsText("Zuid");
      Browser.screenshot(coordinator, "tkgroup-csb-01-kieskringen");

      // The HSBs' 510c files: each is the first entry of its kieskring.
      coordinator.navigate(server.url("/csb"));
      assertThat(coordinator.locator("#sources tbody tr")).hasCount(3);
      for (Path count : counts.values()) {
        Steps.uploadAndConfirm(coordinator, "form[action$='/csb/import']", count);
        assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      }
      Browser.screenshot(coordinator, "tkgroup-csb-02-imported");

      // A typist re-keys the totals of every O 7 as the second entry.
      Page typist = Steps.newUser(browser, server, "bert", typistOtp);
      for (Map.Entry<Integer, Path> e : counts.entrySet()) {
        Steps.enter(server, typist, "HSB" + e.getKey(), 2, HsbE2ETest.paper(e.getValue()), null);
        assertThat(typist.locator("#finished")).containsText("definitief");
      }

      // The result on screen: seats per list and inside the lijstengroep, and the elected candidates.
      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#seats tr[data-list='1'] .seats")).hasText("6");
      assertThat(coordinator.locator("#seats tr[data-list='2'] .seats")).hasText("4");
      assertThat(coordinator.locator("#seats tr[data-list='3'] .seats")).hasText("0");
      assertThat(coordinator.locator("#group-lists tbody tr")).hasCount(2);
      assertThat(coordinator.locator("#group-lists tr[data-list='1.1'] .seats")).hasText("4");
      assertThat(coordinator.locator("#group-lists tr[data-list='1.2'] .seats")).hasText("2");
      assertThat(coordinator.locator("#elected tbody tr")).hasCount(10);
      assertThat(electedOnScreen(coordinator)).containsExactly(
          "1.1 1.A1", "1.1 1.A2", "1.1 1.A3", "1.1 1.A4", "1.2 1.A5", "1.2 1.A6",
          "2 2.B1", "2 2.B2", "2 2.B3", "2 2.B4");
      // A1 stands on X and Y and is one person with 650 votes over both lists (P 15 lid 1).
      assertThat(coordinator.locator("#elected tr[data-candidate='1.A1'] td.num").nth(1)).hasText("650");
      Browser.screenshot(coordinator, "tkgroup-csb-03-result");

      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(3);
      Browser.screenshot(coordinator, "tkgroup-csb-04-documents");
      byte[] pdf = Steps.download(coordinator, "#doc-P22_1");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      byte[] result = Steps.download(coordinator, "#doc-EML_520");
      assertThat(coordinator.locator("#documents")).containsText(Steps.fingerprint(result));
      assertThat(CsbE2ETest.schemaProblem("520-result-kiesraad-strict.xsd", result)).isNull();
      assertThat(CsbE2ETest.schemaProblem("510-count-kiesraad-strict.xsd",
          Steps.download(coordinator, "#doc-EML_510D"))).isNull();

      // The 520: list 1 (the group, X then Y) and list 2; "*" marks election by preference (Ranking 1, P 15).
      Map<Integer, List<String>> elected = elected(result);
      assertThat(elected).containsOnlyKeys(1, 2);
      assertThat(elected.get(1)).containsExactly("A1*", "A2*", "A3*", "A4", "A5*", "A6");
      assertThat(elected.get(2)).containsExactly("B1*", "B2*", "B3", "B4");
      assertThat(elected).isEqualTo(elected(Files.readAllBytes(set.resolve("Resultaat_TK2029.eml.xml"))));
    }
  }

  /** The rows of the elected table as "list candidate-id", e.g. "1.1 1.A1" for A1 elected on X. */
  private static List<String> electedOnScreen(Page page) {
    Locator rows = page.locator("#elected tbody tr");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.count(); i++) {
      Locator row = rows.nth(i);
      out.add(row.locator("td").first().textContent().strip() + " " + row.getAttribute("data-candidate"));
    }
    return out;
  }

  /** Per list of a 520: the ShortCodes of its elected candidates in order, "*" for Ranking 1. */
  static Map<Integer, List<String>> elected(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    String eml = "urn:oasis:names:tc:evs:schema:eml";
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    NodeList selections = doc.getElementsByTagNameNS(eml, "Selection");
    Integer current = null;
    for (int i = 0; i < selections.getLength(); i++) {
      Element s = (Element) selections.item(i);
      NodeList aff = s.getElementsByTagNameNS(eml, "AffiliationIdentifier");
      if (aff.getLength() > 0) {
        current = Integer.parseInt(((Element) aff.item(0)).getAttribute("Id"));
        out.put(current, new ArrayList<>());
        continue;
      }
      Element id = (Element) s.getElementsByTagNameNS(eml, "CandidateIdentifier").item(0);
      String ranking = s.getElementsByTagNameNS(eml, "Ranking").item(0).getTextContent();
      out.get(current).add(id.getAttribute("ShortCode") + ("1".equals(ranking) ? "*" : ""));
    }
    return out;
  }
}
