package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centraal stembureau of GR2022 West Maas en Waal orders an investigation at its GSB and takes in the corrected
 * 510b, in a real browser: the real 510b imported and re-keyed to definitive, an investigation ordered for polling
 * station 7 on the investigations page, the GSB's corrigendum (the real file with 5 votes at station 7 moved from list
 * 8 to list 1, kr:Phase corrigendum, kr:Initial* beside every changed value) read with the fingerprint challenge as
 * the new first entry, the corrected paper totals re-keyed as the second entry, the order closed and the finalised
 * 510d carrying the new list totals.
 */
class CsbInvestigationE2ETest {
  static final String PASSWORD = "een lange zin als wachtwoord";
  static final int MOVED = 5;
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

  @Test
  void orderTheInvestigationTakeInTheCorrigendumReKeyAndFinalise(@TempDir Path dir) throws Exception {
    Path real = CsbE2ETest.shared().resolve("data/eml/GR2022/Telling_GR2022_WestMaasenWaal.eml.xml");
    String xml = Files.readString(real, StandardCharsets.UTF_8);
    Path corrected = dir.resolve("Telling_GR2022_WestMaasenWaal_zitting-2.eml.xml");
    Files.writeString(corrected, corrigendum(xml, 7), StandardCharsets.UTF_8);

    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = browser.newPage();
      admin.navigate(server.url("/"));
      admin.getByLabel("Volledige naam").fill("Anna Beheer");
      admin.getByLabel("Gebruikersnaam").fill("beheer");
      admin.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
      admin.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beheerder aanmaken")).click();
      login(admin, "beheer", PASSWORD);
      admin.navigate(server.url("/admin/elections/import"));
      uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']",
          CsbE2ETest.resource("Verkiezingsdefinitie_GR2022_WestMaasenWaal.eml.xml"));
      uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']",
          CsbE2ETest.shared().resolve("data/eml/GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"));
      admin.locator("#committee-csb").check();
      admin.locator("form[action$='/admin/elections/import/create'] button").click();
      String coordinatorOtp = createUser(server, admin, "voorzitter", "Voorzitter CSB", "COORDINATOR");
      String typistOtp = createUser(server, admin, "invoerder", "Ida Invoerder", "TYPIST");

      // The first-session file, imported and re-keyed: definitive.
      Page coordinator = browser.newPage();
      coordinator.navigate(server.url("/"));
      firstLogin(coordinator, "voorzitter", coordinatorOtp);
      coordinator.navigate(server.url("/csb"));
      uploadAndConfirm(coordinator, "form[action$='/csb/import']", real);
      assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      Page typist = browser.newPage();
      typist.navigate(server.url("/"));
      firstLogin(typist, "invoerder", typistOtp);
      secondEntry(typist, server, CsbE2ETest.paperTotals(xml));

      // 1. The coordinator orders an investigation at polling station 7.
      coordinator.navigate(server.url("/csb"));
      coordinator.locator("#to-investigations").click();
      coordinator.locator("#inv-source").selectOption("0668");
      coordinator.locator("#inv-stations").fill("7");
      coordinator.locator("#inv-reason").fill("Lijst 8 wijkt sterk af; hertel de stemmen op de lijsten 1 en 8.");
      coordinator.locator("#order-submit").click();
      assertThat(coordinator.locator("#ordered")).isVisible();
      assertThat(coordinator.locator("#orders tbody tr[data-outcome=OPEN]")).hasCount(1);
      Browser.screenshot(coordinator, "csb-investigation-01-ordered");

      // 2. The GSB's corrigendum replaces the held file as the new first entry.
      coordinator.navigate(server.url("/csb"));
      coordinator.locator("form[action$='/csb/import'] input[type=file]").setInputFiles(corrected);
      coordinator.locator("form[action$='/csb/import'] button[type=submit]").click();
      assertThat(coordinator.locator("#replacement-notice")).containsText(fingerprint(Files.readAllBytes(real)));
      Browser.screenshot(coordinator, "csb-investigation-02-challenge");
      typeGroups(coordinator, Files.readAllBytes(corrected));
      assertThat(coordinator.locator("#import-outcome")).containsText("verbeterde telbestand");
      assertThat(coordinator.locator("#sources [data-status]")).hasAttribute("data-status", "FIRST_ENTRY_FINISHED");

      // 3. The typist re-keys the corrected paper totals (Na 14-2) as the second entry.
      Map<String, Integer> paper = CsbE2ETest.paperTotals(Files.readString(corrected, StandardCharsets.UTF_8));
      Map<String, Integer> before = CsbE2ETest.paperTotals(xml);
      assertThat(paper.get("E.1")).isEqualTo(before.get("E.1") + MOVED);
      assertThat(paper.get("E.8")).isEqualTo(before.get("E.8") - MOVED);
      secondEntry(typist, server, paper);

      coordinator.navigate(server.url("/csb/investigations"));
      assertThat(coordinator.locator("#orders tbody tr[data-outcome=CLOSED]")).hasCount(1);
      assertThat(coordinator.locator("#history tbody tr")).hasCount(1);
      Browser.screenshot(coordinator, "csb-investigation-03-closed");

      // 4. The new result: the 510d carries the corrected list totals.
      coordinator.navigate(server.url("/csb/result"));
      coordinator.locator("#finalise").click();
      assertThat(coordinator.locator("#documents li")).hasCount(3);
      Download d = coordinator.waitForDownload(() -> coordinator.locator("#doc-EML_510D").click());
      String total = Files.readString(d.path(), StandardCharsets.UTF_8);
      assertThat(listTotal(total, 1)).isEqualTo(before.get("E.1") + MOVED);
      assertThat(listTotal(total, 8)).isEqualTo(before.get("E.8") - MOVED);
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  private static void secondEntry(Page typist, RunningServer server, Map<String, Integer> paper) {
    typist.navigate(server.url("/csb"));
    typist.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Tweede invoer van het papieren proces-verbaal")).click();
    typist.waitForLoadState();
    assertThat(typist.locator("#finish")).isVisible();
    Locator inputs = typist.locator("#entry-form input[data-path]");
    int n = inputs.count();
    for (int i = 0; i < n; i++) {
      Locator input = inputs.nth(i);
      Integer v = paper.get(input.getAttribute("data-path"));
      input.fill(v == null || v == 0 ? "" : v.toString());
    }
    typist.locator("#finish").click();
    assertThat(typist.locator("#finished")).containsText("definitief");
  }

  /** The first TotalVotes list total of list n in a 510 file. */
  private static int listTotal(String xml, int list) {
    String total = xml.substring(xml.indexOf("<TotalVotes>"), xml.indexOf("</TotalVotes>"));
    // Our writer puts every element on its own line: match across lines.
    Matcher m = Pattern.compile("<AffiliationIdentifier Id=\"" + list + "\"[^>]*>.*?<ValidVotes>(\\d+)</ValidVotes>",
        Pattern.DOTALL).matcher(total);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * The GSB's corrigendum made from the real file as its next session writes one (docs/RESULTS.md §8.2): kr:Phase
   * corrigendum, a later creation time, and at the station and in the total 5 votes moved from the strongest
   * candidate of list 8 to candidate 1 of list 1, each changed value preceded by its kr:InitialValidVotes.
   */
  static String corrigendum(String xml, int station) {
    String out = xml.replaceFirst("<kr:CreationDateTime>[^<]*</kr:CreationDateTime>",
        "<kr:CreationDateTime>2022-03-24T10:00:00.000</kr:CreationDateTime>");
    out = out.replaceFirst("<EventIdentifier></EventIdentifier>",
        "<EventIdentifier></EventIdentifier><kr:Phase PhaseCode=\"corrigendum\"></kr:Phase>");
    String unitStart = "<ReportingUnitIdentifier Id=\"0668::SB" + station + "\"";
    int u = out.indexOf(unitStart);
    int uEnd = out.indexOf("</ReportingUnitVotes>", u);
    String unit = out.substring(u, uEnd);
    int strongest = strongest(unit, 8);
    String newUnit = moved(unit, strongest);
    int t = out.indexOf("<TotalVotes>");
    int tEnd = out.indexOf("</TotalVotes>", t);
    String newTotal = moved(out.substring(t, tEnd), strongest);
    return out.substring(0, t) + newTotal + out.substring(tEnd, u) + newUnit + out.substring(uEnd);
  }

  private static final Pattern SELECTION = Pattern.compile("<Selection>(.*?)</Selection>");
  private static final Pattern AFFILIATION = Pattern.compile("<AffiliationIdentifier Id=\"(\\d+)\"");
  private static final Pattern CANDIDATE = Pattern.compile("<CandidateIdentifier Id=\"(\\d+)\"");
  private static final Pattern VOTES = Pattern.compile("<ValidVotes>(\\d+)</ValidVotes>");

  private static int strongest(String block, int list) {
    Matcher s = SELECTION.matcher(block);
    int current = 0;
    int best = 1;
    int bestVotes = -1;
    while (s.find()) {
      Matcher a = AFFILIATION.matcher(s.group(1));
      if (a.find()) {
        current = Integer.parseInt(a.group(1));
        continue;
      }
      Matcher c = CANDIDATE.matcher(s.group(1));
      Matcher v = VOTES.matcher(s.group(1));
      if (current == list && c.find() && v.find() && Integer.parseInt(v.group(1)) > bestVotes) {
        bestVotes = Integer.parseInt(v.group(1));
        best = Integer.parseInt(c.group(1));
      }
    }
    assertThat(bestVotes).as("enough votes to move").isGreaterThanOrEqualTo(MOVED);
    return best;
  }

  private static String moved(String block, int candidateOf8) {
    Matcher s = SELECTION.matcher(block);
    StringBuilder out = new StringBuilder();
    int current = 0;
    while (s.find()) {
      String sel = s.group(1);
      Matcher a = AFFILIATION.matcher(sel);
      Integer candidate = null;
      if (a.find()) {
        current = Integer.parseInt(a.group(1));
      } else {
        Matcher c = CANDIDATE.matcher(sel);
        assertThat(c.find()).isTrue();
        candidate = Integer.valueOf(c.group(1));
      }
      int delta = 0;
      if (current == 1 && (candidate == null || candidate == 1)) {
        delta = MOVED;
      } else if (current == 8 && (candidate == null || candidate == candidateOf8)) {
        delta = -MOVED;
      }
      String replacement = sel;
      if (delta != 0) {
        Matcher v = VOTES.matcher(sel);
        assertThat(v.find()).isTrue();
        int held = Integer.parseInt(v.group(1));
        replacement = sel.substring(0, v.start()) + "<kr:InitialValidVotes>" + held + "</kr:InitialValidVotes>"
            + "<ValidVotes>" + (held + delta) + "</ValidVotes>" + sel.substring(v.end());
      }
      s.appendReplacement(out, Matcher.quoteReplacement("<Selection>" + replacement + "</Selection>"));
    }
    s.appendTail(out);
    return out.toString();
  }

  private static void uploadAndConfirm(Page page, String form, Path file) throws Exception {
    page.locator(form + " input[type=file]").setInputFiles(file);
    page.locator(form + " button[type=submit]").click();
    typeGroups(page, Files.readAllBytes(file));
  }

  private static void typeGroups(Page page, byte[] bytes) throws Exception {
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
    return hex(bytes).substring(index * 4, index * 4 + 4);
  }

  private static String hex(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String fingerprint(byte[] bytes) throws Exception {
    String hex = hex(bytes);
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
    String csb = admin.locator("#committeeId option", new Page.LocatorOptions().setHasText("Centraal stembureau"))
        .getAttribute("value");
    admin.locator("#committeeId").selectOption(csb);
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
}
