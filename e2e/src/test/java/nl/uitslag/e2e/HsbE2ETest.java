package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
  static final String PASSWORD = CsbE2ETest.PASSWORD;
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
      Page admin = browser.newPage();
      admin.navigate(server.url("/"));
      admin.getByLabel("Volledige naam").fill("Anna Beheer");
      admin.getByLabel("Gebruikersnaam").fill("beheer");
      admin.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
      admin.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beheerder aanmaken")).click();
      login(admin, "beheer", PASSWORD);

      // 1. Set-up: 110a and 230b, each confirmed from paper; the HSB of kieskring 1 from the election tree.
      admin.navigate(server.url("/admin/elections/import"));
      uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']", definition);
      uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']", lists);
      admin.locator("#committee-hsb").check();
      admin.locator("#district").selectOption("1");
      admin.locator("form[action$='/admin/elections/import/create'] button").click();
      Browser.screenshot(admin, "hsb-01-election");

      String coordinatorOtp = createUser(server, admin, "voorzitter", "Voorzitter HSB", "COORDINATOR");
      String annaOtp = createUser(server, admin, "anna", "Anna Invoer", "TYPIST");
      String bertOtp = createUser(server, admin, "bert", "Bert Invoer", "TYPIST");

      // 2. The coordinator imports two municipalities' count files: each is the first entry.
      Page coordinator = browser.newPage();
      coordinator.navigate(server.url("/"));
      firstLogin(coordinator, "voorzitter", coordinatorOtp);
      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hoofdstembureau")).click();
      assertThat(coordinator.locator("#sources tbody tr")).hasCount(3);
      for (String code : List.of("0014", "0016")) {
        uploadAndConfirm(coordinator, "form[action$='/csb/import']", files.get(code));
        assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      }
      Browser.screenshot(coordinator, "hsb-02-imported");

      Page anna = browser.newPage();
      anna.navigate(server.url("/"));
      firstLogin(anna, "anna", annaOtp);
      Page bert = browser.newPage();
      bert.navigate(server.url("/"));
      firstLogin(bert, "bert", bertOtp);

      // 3. Second entries from paper; Anna mistypes the eligible voters of 0016.
      enter(server, anna, "0014", 2, paper(files.get("0014")), null);
      assertThat(anna.locator("#finished")).containsText("definitief");
      enter(server, anna, "0016", 2, paper(files.get("0016")), "Z");
      assertThat(anna.locator("#finished")).containsText("verschillen");
      coordinator.navigate(server.url("/csb/0016/resolve"));
      Browser.screenshot(coordinator, "hsb-03-difference");
      coordinator.locator("input[value=KEEP_FIRST_DISCARD_SECOND]").check();
      coordinator.locator("form[action$='/csb/0016/resolve'] button[type=submit]").first().click();
      enter(server, bert, "0016", 2, paper(files.get("0016")), null);
      assertThat(bert.locator("#finished")).containsText("definitief");

      // 4. The third municipality is entered twice by hand, by two typists.
      enter(server, anna, "0018", 1, paper(files.get("0018")), null);
      enter(server, bert, "0018", 2, paper(files.get("0018")), null);
      assertThat(bert.locator("#finished")).containsText("definitief");

      // 5. The coordinator finalises: O 7 and 510c.
      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#district-totals tbody tr")).hasCount(4);
      Browser.screenshot(coordinator, "hsb-04-totals");
      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(2);
      Browser.screenshot(coordinator, "hsb-05-documents");

      byte[] pdf = download(coordinator, "#doc-O7");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      byte[] count = download(coordinator, "#doc-EML_510C");
      assertThat(download(coordinator, "#doc-EML_510C")).isEqualTo(count);
      assertThat(coordinator.locator("#documents")).containsText(fingerprint(count));
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

  /** Claims entry n of a municipality and types the paper totals, one wrong by 1 at {@code typo} if given. */
  private static void enter(RunningServer server, Page typist, String code, int n, Map<String, Integer> paper,
      String typo) {
    typist.navigate(server.url("/csb"));
    typist.locator("form[action$='/csb/" + code + "/entry/" + n + "/claim'] button").click();
    typist.waitForLoadState();
    assertThat(typist.locator("#finish")).isVisible();
    Locator inputs = typist.locator("#entry-form input[data-path]");
    int count = inputs.count();
    for (int i = 0; i < count; i++) {
      Locator input = inputs.nth(i);
      String path = input.getAttribute("data-path");
      Integer v = paper.get(path);
      int value = (v == null ? 0 : v) + (path.equals(typo) ? 1 : 0);
      input.fill(value == 0 ? "" : Integer.toString(value));
    }
    typist.locator("#finish").click();
  }

  private static void uploadAndConfirm(Page page, String form, Path file) throws Exception {
    page.locator(form + " input[type=file]").setInputFiles(file);
    page.locator(form + " button[type=submit]").click();
    byte[] bytes = Files.readAllBytes(file);
    page.locator("#first").fill(group(bytes, hiddenGroup(page, "first")));
    page.locator("#second").fill(group(bytes, hiddenGroup(page, "second")));
    page.locator("#second").press("Enter");
  }

  private static int hiddenGroup(Page page, String input) {
    Matcher m = Pattern.compile("(\\d+)").matcher(page.locator("label[for=" + input + "]").textContent());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1)) - 1;
  }

  private static String group(byte[] bytes, int index) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return hex.substring(index * 4, index * 4 + 4);
  }

  private static String fingerprint(byte[] bytes) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 64; i += 4) {
      b.append(i == 0 ? "" : " ").append(hex, i, i + 4);
    }
    return b.toString();
  }

  private static String createUser(RunningServer server, Page admin, String username, String fullName, String role) {
    admin.navigate(server.url("/admin/users"));
    admin.locator("#username").fill(username);
    admin.locator("#fullName").fill(fullName);
    admin.locator("#role").selectOption(role);
    String hsb = admin.locator("#committeeId option", new Page.LocatorOptions().setHasText("Hoofdstembureau"))
        .getAttribute("value");
    admin.locator("#committeeId").selectOption(hsb);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
    return admin.locator("#one-time-password").textContent().strip();
  }

  private static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
  }

  private static void firstLogin(Page page, String user, String otp) {
    login(page, user, otp);
    page.getByLabel("Huidig wachtwoord").fill(otp);
    page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
  }

  private static byte[] download(Page page, String link) throws IOException {
    Download d = page.waitForDownload(() -> page.locator(link).click());
    return Files.readAllBytes(d.path());
  }
}
