package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GSB's next session in a real browser (abacus.md §2): after the first session is completed, the
 * coordinator starts session 2, records the CSB's investigation of polling station 1 with findings and
 * corrected results, two typists enter the corrected Na 14-2 Bijlage 1, the coordinator completes the session
 * and downloads the corrigendum ZIP: P 2a, Na 14-2, a new 510b (new fingerprint) and the CSV.
 */
class CorrigendumE2ETest {
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
  void firstSessionThenInvestigationCorrectedEntryAndCorrigendumFiles() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      // The first session through the pages without a browser (as DataEntryE2ETest's set-up does): every
      // station entered twice, the public session's details recorded.
      DemoCommittee committee = DemoCommittee.setUp(server, 2);
      for (int n = 1; n <= 2; n++) {
        WebSession typist = new WebSession(server.url(""));
        String name = committee.typists.get(n - 1);
        typist.login(name, DemoCommittee.passwordOf(name));
        for (long station : committee.stationIds) {
          enterByHttp(typist, station, n, 5);
        }
      }
      HttpResponse<String> details = committee.coordinator.post("/results/details",
          Map.of("location", "Raadzaal, Demodorp", "start", "2026-03-18T21:00"));
      assertThat(details.statusCode()).isEqualTo(302);

      Page page = browser.newPage();
      login(page, server, "coordinator");
      page.navigate(server.url("/dataentry/status"));
      // Completing generates the 510b, the PV and the CSV in the same request: allow for a slow machine.
      button(page, "Invoer afronden").click(new Locator.ClickOptions().setTimeout(300_000));
      page.navigate(server.url("/results"));
      assertThat(page.locator("#results-files tbody tr")).hasCount(4);
      String firstFingerprint = page.locator("#file-EML_510B code").textContent().strip();
      String firstList1 = page.locator("#total-list-1").textContent().strip();

      // Session 2: the CSB ordered a recount of polling station 1.
      page.navigate(server.url("/dataentry/status"));
      button(page, "Volgende zitting starten").click();
      assertThat(page).hasURL(server.url("/dataentry/investigations"));
      assertThat(page.locator("#corr-session")).containsText("Zitting 2");
      page.locator("#corr-station").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
      page.locator("#corr-reason").fill("Onverklaard verschil; tel de stemmen op lijst 1 opnieuw");
      button(page, "Toevoegen").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("toegevoegd");
      Locator investigation = page.locator("section.investigation").first();
      investigation.locator("textarea[name='findings']").fill("Drie stemmen op kandidaat 1 niet meegeteld");
      investigation.locator("input[name='corrected'][value='yes']").check();
      investigation.locator("button[type='submit']").first().click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("opgeslagen");
      assertThat(page.locator("section.investigation .investigation-state").first()).containsText("gecorrigeerd");
      Browser.screenshot(page, "corrigendum-01-investigation");
      page.navigate(server.url("/dataentry/status"));
      button(page, "Invoer starten").click();
      page.navigate(server.url("/results"));
      page.locator("#details-location").fill("Raadzaal, Demodorp");
      page.locator("#details-start").fill("2026-03-25T19:30");
      button(page, "Opslaan").click();
      logout(page);

      // Both typists see only station 1 and enter its corrected figures: three more votes for candidate 1.
      for (int n = 1; n <= 2; n++) {
        String typist = committee.typists.get(n - 1);
        login(page, server, typist);
        page.navigate(server.url("/dataentry"));
        assertThat(page.locator("form[action$='/" + n + "/claim'] button")).hasCount(1);
        page.locator("form[action$='/" + n + "/claim'] button").first().click();
        assertThat(page.locator("[name='list.1.candidate.1']")).hasValue("5");
        for (String field : new String[] {"A", "D", "E.1", "E", "H", "list.1.candidate.1", "list.1.total"}) {
          Locator input = page.locator("[name='" + field + "']");
          input.fill(Integer.toString(Integer.parseInt(input.inputValue()) + 3));
        }
        page.locator("[name='compare.equal']").check();
        if (n == 1) {
          Browser.screenshot(page, "corrigendum-02-na14-2-bijlage-1");
        }
        button(page, "Afronden").click();
        assertThat(page).hasURL(server.url("/dataentry"));
        logout(page);
      }

      login(page, server, "coordinator");
      page.navigate(server.url("/dataentry/status"));
      button(page, "Invoer afronden").click(new Locator.ClickOptions().setTimeout(300_000));
      assertThat(page.locator("#session-status")).containsText("Invoer afgerond");
      page.navigate(server.url("/results"));
      assertThat(page.locator("#results-files tbody tr")).hasCount(5);
      assertThat(page.locator("#total-list-1"))
          .hasText(Integer.toString(Integer.parseInt(firstList1) + 3));
      String newFingerprint = page.locator("#file-EML_510B code").textContent().strip();
      assertThat(newFingerprint).isNotEqualTo(firstFingerprint);
      Browser.screenshot(page, "corrigendum-03-files");

      Map<String, byte[]> zip = unzip(download(page, "#download-ZIP"));
      assertThat(zip.keySet()).anyMatch(n -> n.startsWith("Model_P2a_") && n.endsWith(".pdf"))
          .anyMatch(n -> n.startsWith("Model_Na14-2_") && n.endsWith(".pdf"))
          .anyMatch(n -> n.endsWith(".csv"));
      byte[] eml = zip.entrySet().stream().filter(e -> e.getKey().endsWith(".eml.xml")).findFirst().orElseThrow()
          .getValue();
      assertThat(sha256(eml)).as("the page shows the new 510b's fingerprint").isEqualTo(newFingerprint);
      String xml = new String(eml, StandardCharsets.UTF_8);
      assertThat(xml).contains("PhaseCode=\"corrigendum\"").contains("<kr:InitialValidVotes>5</kr:InitialValidVotes>");
      for (Map.Entry<String, byte[]> e : zip.entrySet()) {
        if (e.getKey().endsWith(".pdf")) {
          assertThat(new String(e.getValue(), 0, 5, StandardCharsets.US_ASCII)).as(e.getKey()).isEqualTo("%PDF-");
        }
      }
      assertThat(unzip(download(page, "#download-ZIP"))).as("a second download is the same")
          .containsExactlyEntriesOf(zip);
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  /** Claims, fills and finalises entry n of a station over HTTP, as the typist's form posts it. */
  private static void enterByHttp(WebSession typist, long station, int n, int marker) throws Exception {
    HttpResponse<String> claimed = typist.post("/dataentry/" + station + "/" + n + "/claim", Map.of());
    assertThat(claimed.headers().firstValue("Location").orElse("")).endsWith("/dataentry/" + station + "/" + n);
    String html = typist.get("/dataentry/" + station + "/" + n).body();
    Map<String, String> form = new LinkedHashMap<>(DemoCommittee.form(html, marker));
    form.put("action", "finalise");
    form.put("acceptWarnings", "true");
    HttpResponse<String> done = typist.post("/dataentry/" + station + "/" + n, form);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/dataentry");
  }

  private static void login(Page page, RunningServer server, String user) {
    page.navigate(server.url("/login"));
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(DemoCommittee.passwordOf(user));
    button(page, "Inloggen").click();
  }

  private static void logout(Page page) {
    button(page, "Uitloggen").click();
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static byte[] download(Page page, String selector) throws IOException {
    Download d = page.waitForDownload(() -> page.locator(selector).click());
    return Files.readAllBytes(d.path());
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
