package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A gemeenteraad election at its centraal stembureau in a real browser, for GR2022 West Maas en Waal (17 seats)
 * and Vlieland (9 seats): the administrator sets up the CSB from 110a and 230b, the coordinator imports the GSB's
 * real 510b with the fingerprint challenge, a typist re-keys the paper totals as the second entry, the coordinator
 * finalises, and the downloaded 520 validates against the schema and agrees with the official 520 on the seats and
 * the elected candidates. No 110a of either municipality and no 230b of Vlieland is public: those come from
 * src/test/resources/csb (made from the real files' identifiers and lists; Vlieland's candidates have placeholder
 * names, so there the elected candidates are compared by order of election and preference/list order).
 */
class CsbE2ETest {
  static final String PASSWORD = Steps.PASSWORD;
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

  static Path shared() {
    String p = System.getProperty("uitslag.shared");
    return (p != null ? Path.of(p) : Path.of("../../shared")).toAbsolutePath().normalize();
  }

  static Path resource(String name) {
    return Path.of("src/test/resources/csb").resolve(name).toAbsolutePath();
  }

  @Test
  void westMaasEnWaalReproducesTheOfficialSeatsAndElectedCandidatesByName() throws Exception {
    Map<Integer, List<String>> ours = run("wmw", resource("Verkiezingsdefinitie_GR2022_WestMaasenWaal.eml.xml"),
        shared().resolve("data/eml/GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"),
        shared().resolve("data/eml/GR2022/Telling_GR2022_WestMaasenWaal.eml.xml"), "0668", true);
    assertThat(ours).isEqualTo(elected(Files.readAllBytes(
        shared().resolve("data/eml/GR2022/Resultaat_GR2022_WestMaasenWaal.eml.xml")), true));
    assertThat(ours.values().stream().mapToInt(List::size).sum()).isEqualTo(17);
  }

  @Test
  void vlielandReproducesTheOfficialSeatsAndOrderOfElection() throws Exception {
    Map<Integer, List<String>> ours = run("vlieland", resource("Verkiezingsdefinitie_GR2022_Vlieland.eml.xml"),
        resource("Kandidatenlijsten_GR2022_Vlieland.eml.xml"),
        shared().resolve("data/eml/GR2022/Telling_GR2022_Vlieland.eml.xml"), "0096", false);
    assertThat(ours).isEqualTo(elected(Files.readAllBytes(
        shared().resolve("data/eml/GR2022/Resultaat_GR2022_Vlieland.eml.xml")), false));
    assertThat(ours.values().stream().mapToInt(List::size).sum()).isEqualTo(9);
  }

  /** The whole CSB flow; returns our 520's elected candidates per list. */
  private Map<Integer, List<String>> run(String shot, Path definition, Path lists, Path count, String gsb,
      boolean names) throws Exception {
    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = Steps.firstAdministrator(browser, server);

      // 1. Set-up: 110a and 230b, each confirmed from paper, and the choice for a centraal stembureau.
      Steps.importDefinitionAndLists(server, admin, definition, lists);
      Steps.createAsCsb(admin);
      Browser.screenshot(admin, "csb-" + shot + "-01-election");

      String coordinatorOtp = Steps.createUser(server, admin, "voorzitter", "Voorzitter CSB", "COORDINATOR",
          "Centraal stembureau");
      String typistOtp = Steps.createUser(server, admin, "invoerder", "Ida Invoerder", "TYPIST",
          "Centraal stembureau");

      // 2. The coordinator imports the GSB's count file: the file is the first entry.
      Page coordinator = Steps.newUser(browser, server, "voorzitter", coordinatorOtp);
      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Centraal stembureau")).click();
      Steps.uploadAndConfirm(coordinator, "form[action$='/csb/import']", count);
      assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      assertThat(coordinator.locator("#sources [data-status]")).hasAttribute("data-status", "FIRST_ENTRY_FINISHED");
      Browser.screenshot(coordinator, "csb-" + shot + "-02-imported");

      // 3. A typist re-keys the totals of the paper PV as the second entry.
      Page typist = Steps.newUser(browser, server, "invoerder", typistOtp);
      typist.navigate(server.url("/csb"));
      typist.getByRole(AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Tweede invoer van het papieren proces-verbaal")).click();
      Map<String, Integer> paper = paperTotals(Files.readString(count, StandardCharsets.UTF_8));
      // The form of a large municipality is long: count its fields only once the whole page is there.
      typist.waitForLoadState();
      assertThat(typist.locator("#finish")).isVisible();
      Locator inputs = typist.locator("#entry-form input[data-path]");
      int n = inputs.count();
      assertThat(n).as("every field of the paper totals is on the form").isGreaterThanOrEqualTo(paper.size());
      for (int i = 0; i < n; i++) {
        Locator input = inputs.nth(i);
        Integer v = paper.get(input.getAttribute("data-path"));
        input.fill(v == null || v == 0 ? "" : v.toString());
      }
      Browser.screenshot(typist, "csb-" + shot + "-03-second-entry");
      typist.locator("#finish").click();
      String finished = typist.locator("#finished").textContent();
      if (!finished.contains("definitief")) {
        coordinator.navigate(server.url("/csb/" + gsb + "/resolve"));
        Browser.screenshot(coordinator, "csb-" + shot + "-03-differences");
        throw new AssertionError(finished + "\n" + coordinator.locator("main").textContent());
      }

      // 4. The coordinator sees the apportionment and finalises: P 22-2, 510d and 520.
      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#steps tbody tr").first()).isVisible();
      assertThat(coordinator.locator("#elected tbody tr")).hasCount(names ? 17 : 9);
      Browser.screenshot(coordinator, "csb-" + shot + "-04-result");
      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(3);
      Browser.screenshot(coordinator, "csb-" + shot + "-05-documents");

      byte[] pdf = Steps.download(coordinator, "#doc-P22_2");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(Steps.download(coordinator, "#doc-P22_2")).isEqualTo(pdf);
      byte[] result = Steps.download(coordinator, "#doc-EML_520");
      assertThat(Steps.download(coordinator, "#doc-EML_520")).isEqualTo(result);
      assertThat(coordinator.locator("#documents")).containsText(Steps.fingerprint(result));
      assertThat(schemaProblem("520-result-kiesraad-strict.xsd", result)).isNull();
      assertThat(schemaProblem("510-count-kiesraad-strict.xsd", Steps.download(coordinator, "#doc-EML_510D"))).isNull();
      assertThat(browser.consoleErrors).isEmpty();
      return elected(result, names);
    }
  }

  /**
   * The totals of the GSB's paper PV, which agree with the TotalVotes of its count file: the form's field paths
   * (Z, A, B, D, E.n, E, F, G, H, I, J, list.n.candidate.k, list.n.total) with their values.
   */
  static Map<String, Integer> paperTotals(String xml) {
    String total = xml.substring(xml.indexOf("<TotalVotes>"), xml.indexOf("</TotalVotes>"));
    Map<String, Integer> v = new LinkedHashMap<>();
    Matcher sel = Pattern.compile("<Selection>(.*?)</Selection>").matcher(total);
    int list = 0;
    Pattern affiliation = Pattern.compile("<AffiliationIdentifier Id=\"(\\d+)\"");
    Pattern candidate = Pattern.compile("<CandidateIdentifier Id=\"(\\d+)\"");
    Pattern votes = Pattern.compile("<ValidVotes>(\\d+)</ValidVotes>");
    while (sel.find()) {
      String s = sel.group(1);
      Matcher vv = votes.matcher(s);
      assertThat(vv.find()).isTrue();
      int count = Integer.parseInt(vv.group(1));
      Matcher a = affiliation.matcher(s);
      if (a.find()) {
        list = Integer.parseInt(a.group(1));
        v.put("E." + list, count);
        v.put("list." + list + ".total", count);
      } else {
        Matcher c = candidate.matcher(s);
        assertThat(c.find()).isTrue();
        v.put("list." + list + ".candidate." + c.group(1), count);
      }
    }
    v.put("Z", number(total, "<Cast>(\\d+)</Cast>"));
    v.put("E", number(total, "<TotalCounted>(\\d+)</TotalCounted>"));
    v.put("G", number(total, "ReasonCode=\"ongeldig\">(\\d+)<"));
    v.put("F", number(total, "ReasonCode=\"blanco\">(\\d+)<"));
    v.put("A", number(total, "ReasonCode=\"geldige stempassen\">(\\d+)<"));
    v.put("B", number(total, "ReasonCode=\"geldige volmachtbewijzen\">(\\d+)<"));
    v.put("D", number(total, "ReasonCode=\"toegelaten kiezers\">(\\d+)<"));
    v.put("I", number(total, "ReasonCode=\"meer getelde stembiljetten\">(\\d+)<"));
    v.put("J", number(total, "ReasonCode=\"minder getelde stembiljetten\">(\\d+)<"));
    v.put("H", v.get("E") + v.get("F") + v.get("G"));
    return v;
  }

  private static int number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Per list of a 520: its elected candidates in order, as "order name (ranking)" or "order (ranking)". */
  static Map<Integer, List<String>> elected(byte[] xml, boolean names) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    String eml = "urn:oasis:names:tc:evs:schema:eml";
    String xnl = "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0";
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
      String name = s.getElementsByTagNameNS(xnl, "LastName").item(0).getTextContent() + ", "
          + s.getElementsByTagNameNS(xnl, "NameLine").item(0).getTextContent();
      out.get(current).add(id.getAttribute("Id") + (names ? " " + name : "") + " (" + ranking + ")");
    }
    return out;
  }

  static String schemaProblem(String xsd, byte[] xml) {
    try {
      var v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(shared().resolve("data/eml-nl-xsd/xsd").resolve(xsd).toFile()).newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
      return null;
    } catch (Exception e) {
      return e.getMessage();
    }
  }
}
