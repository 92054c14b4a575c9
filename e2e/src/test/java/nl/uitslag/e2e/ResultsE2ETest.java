package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GSB's results in a real browser: the coordinator finishes the session and downloads the ZIP; resumes,
 * has one polling station entered again with a changed value, finishes again and gets new files with a new
 * fingerprint.
 */
class ResultsE2ETest {
  static final String PASSWORD = "een lange zin als wachtwoord";
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
  void finishDownloadResumeCorrectFinishAgainGivesANewFingerprint() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      Matcher m = Pattern.compile("one-time password: (\\S+)").matcher(server.output());
      assertThat(m.find()).as("demo prints a one-time password:\n" + server.output()).isTrue();
      Page page = browser.newPage();
      page.navigate(server.url("/"));
      firstLogin(page, "admin", m.group(1));

      // The administrator creates the GSB's coordinator and two typists.
      String coordinator = createUser(page, server, "coco", "Coby Coördinator", "COORDINATOR");
      String typist1 = createUser(page, server, "tina", "Tina Invoer", "TYPIST");
      String typist2 = createUser(page, server, "toon", "Toon Invoer", "TYPIST");
      logout(page);
      for (String[] u : new String[][] {{"coco", coordinator}, {"tina", typist1}, {"toon", typist2}}) {
        page.navigate(server.url("/login"));
        firstLogin(page, u[0], u[1]);
        logout(page);
      }

      // The coordinator starts data entry and records where and when the public session started.
      login(page, server, "coco");
      page.navigate(server.url("/dataentry/status"));
      button(page, "Invoer starten").click();
      page.navigate(server.url("/results"));
      page.locator("#details-location").fill("Raadzaal, Demodorp");
      page.locator("#details-start").fill("2026-03-18T21:00");
      button(page, "Opslaan").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("opgeslagen");
      logout(page);

      int stations = 10;
      enterAll(page, server, "tina", 1, stations, 100);
      enterAll(page, server, "toon", 2, stations, 100);

      login(page, server, "coco");
      page.navigate(server.url("/dataentry/status"));
      // Completing generates the 510b, the PV and the CSV in the same request: allow for a slow machine.
      button(page, "Invoer afronden").click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(300_000));
      page.navigate(server.url("/results"));
      assertThat(page.locator("#results-files tbody tr")).hasCount(4);
      assertThat(page.locator("#total-D")).hasText(Integer.toString(100 * stations));
      Browser.screenshot(page, "results-01-files");
      String emlFingerprint = page.locator("#file-EML_510B code").textContent().strip();
      String zipFingerprint = page.locator("#file-ZIP code").textContent().strip();

      Map<String, byte[]> first = unzip(download(page, "#download-ZIP"));
      assertThat(first.keySet()).hasSize(3).anyMatch(n -> n.endsWith(".eml.xml")).anyMatch(n -> n.endsWith(".pdf"))
          .anyMatch(n -> n.endsWith(".csv"));
      assertThat(sha256(eml(first))).as("the page shows the fingerprint of the file in the ZIP")
          .isEqualTo(emlFingerprint);
      assertThat(unzip(download(page, "#download-ZIP"))).as("a second download is the same")
          .containsExactlyEntriesOf(first);

      // Resume: the files are gone; station 1 is entered again with one more vote for candidate 1.
      page.navigate(server.url("/dataentry/status"));
      button(page, "Invoer heropenen").click();
      page.navigate(server.url("/results"));
      assertThat(page.locator("#results-no-files")).isVisible();
      page.locator("#reset-station").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
      page.locator("#reset-submit").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("verwijderd");
      logout(page);
      enterAll(page, server, "tina", 1, 1, 101);
      enterAll(page, server, "toon", 2, 1, 101);

      login(page, server, "coco");
      page.navigate(server.url("/dataentry/status"));
      // Completing generates the 510b, the PV and the CSV in the same request: allow for a slow machine.
      button(page, "Invoer afronden").click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(300_000));
      page.navigate(server.url("/results"));
      assertThat(page.locator("#results-files tbody tr")).hasCount(4);
      assertThat(page.locator("#total-D")).hasText(Integer.toString(100 * stations + 1));
      String newEml = page.locator("#file-EML_510B code").textContent().strip();
      assertThat(newEml).isNotEqualTo(emlFingerprint);
      assertThat(page.locator("#file-ZIP code").textContent().strip()).isNotEqualTo(zipFingerprint);
      Map<String, byte[]> second = unzip(download(page, "#download-ZIP"));
      assertThat(sha256(eml(second))).isEqualTo(newEml);
      assertThat(eml(second)).isNotEqualTo(eml(first));
      Browser.screenshot(page, "results-02-new-files");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  /** Enters entry n of the given number of polling stations, each with A = D = E.1 = E = H = votes. */
  private static void enterAll(Page page, RunningServer server, String typist, int n, int count, int votes) {
    login(page, server, typist);
    for (int i = 0; i < count; i++) {
      page.navigate(server.url("/dataentry"));
      page.locator("form[action$='/" + n + "/claim'] button").first().click();
      page.locator("[name='extraInvestigation.otherReason.no']").check();
      page.locator("[name='extraInvestigation.ballotsRecounted.no']").check();
      page.locator("[name='countingDifferences.explainedBySb.yes']").check();
      page.locator("[name='countingDifferences.listTotalsDiffer.no']").check();
      String v = Integer.toString(votes);
      for (String field : new String[] {"A", "D", "E.1", "E", "H", "list.1.candidate.1", "list.1.total"}) {
        page.locator("[name='" + field + "']").fill(v);
      }
      page.locator("[name='compare.equal']").check();
      button(page, "Afronden").click();
      assertThat(page).hasURL(server.url("/dataentry"));
    }
    logout(page);
  }

  private static String createUser(Page page, RunningServer server, String username, String name, String role) {
    page.navigate(server.url("/admin/users"));
    page.locator("#username").fill(username);
    page.locator("#fullName").fill(name);
    page.locator("#role").selectOption(role);
    page.locator("#committeeId").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Gemeenteraad Demodorp 2026: Gemeentelijk stembureau Demodorp"));
    button(page, "Gebruiker aanmaken").click();
    return page.locator("#one-time-password").textContent().strip();
  }

  private static void firstLogin(Page page, String user, String oneTimePassword) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(oneTimePassword);
    button(page, "Inloggen").click();
    page.getByLabel("Huidig wachtwoord").fill(oneTimePassword);
    page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    button(page, "Wachtwoord opslaan").click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
  }

  private static void login(Page page, RunningServer server, String user) {
    page.navigate(server.url("/login"));
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(PASSWORD);
    button(page, "Inloggen").click();
  }

  private static void logout(Page page) {
    button(page, "Uitloggen").click();
  }

  private static com.microsoft.playwright.Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static byte[] download(Page page, String selector) throws IOException {
    Download d = page.waitForDownload(() -> page.locator(selector).click());
    return Files.readAllBytes(d.path());
  }

  private static byte[] eml(Map<String, byte[]> zip) {
    return zip.entrySet().stream().filter(e -> e.getKey().endsWith(".eml.xml")).findFirst().orElseThrow()
        .getValue();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    StringBuilder groups = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      groups.append(i == 0 ? "" : " ").append(hex, i, i + 4);
    }
    return groups.toString();
  }
}
