package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit viewer in a real browser: the administrator opens it from the menu, sees the intact chain, filters
 * on failed logins and downloads the filtered events as CSV with their hashes.
 */
class AuditViewerE2ETest {
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
  void theAdministratorFiltersTheLogAndDownloadsItWithHashes() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      String otp = WebSession.find(server.output(), "one-time password: (\\S+)");
      Page page = browser.newPage();
      page.navigate(server.url("/login"));
      login(page, "admin", "wrong password, on purpose");
      login(page, "admin", otp);
      page.getByLabel("Huidig wachtwoord").fill(otp);
      page.getByLabel("Nieuw wachtwoord").fill("beheerder wachtwoord voor de test");
      page.getByLabel("Herhaal het wachtwoord").fill("beheerder wachtwoord voor de test");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Auditlog")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Auditlog");
      assertThat(page.locator("#chain-intact")).containsText("De hashketen is in orde");
      assertThat(page.locator("#audit-events tbody tr").first()).containsText("USER_PASSWORD_CHANGED");
      Browser.screenshot(page, "audit-01-viewer");

      page.getByLabel("Soort gebeurtenis").selectOption("USER_LOGIN_FAILED");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toepassen")).click();
      assertThat(page.locator("#audit-events tbody tr")).hasCount(1);
      assertThat(page.locator("#audit-events tbody tr")).containsText("Waarschuwing");
      assertThat(page.locator("#matching")).containsText("1 gebeurtenissen");
      Browser.screenshot(page, "audit-02-filtered");

      Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
      String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
      String[] lines = csv.split("\r\n");
      assertThat(lines[0]).isEqualTo(
          "seq,occurred_at,event_type,level,user_id,username,remote_address,details,previous_hash,hash");
      assertThat(lines).hasSize(2);
      assertThat(lines[1]).contains(",USER_LOGIN_FAILED,WARNING,").matches(".*,[0-9a-f]{64},[0-9a-f]{64}$");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  private static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Inloggen"))).click();
  }
}
