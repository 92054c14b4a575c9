package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Count-file security in a real browser: the administrator creates the election's certificate authority and a
 * committee's keys, sees their fingerprints on the printable sheet, and checks a package that is refused with its
 * reason.
 */
class KeyStoreE2ETest {
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
  void administratorCreatesKeysPrintsTheSheetAndChecksAPackage() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      Matcher m = Pattern.compile("one-time password: (\\S+)").matcher(server.output());
      assertThat(m.find()).as("demo prints a one-time password:\n" + server.output()).isTrue();
      Page page = browser.newPage();
      page.navigate(server.url("/"));
      page.getByLabel("Gebruikersnaam").fill("admin");
      page.getByLabel("Wachtwoord").fill(m.group(1));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
      page.getByLabel("Huidig wachtwoord").fill(m.group(1));
      page.getByLabel("Nieuw wachtwoord").fill("demo wachtwoord voor de sleutels");
      page.getByLabel("Herhaal het wachtwoord").fill("demo wachtwoord voor de sleutels");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sleutels en pakketten")).click();
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gemeenteraad Demodorp 2026 (GR2026_Demodorp)"))
          .click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Sleutels en certificaten van GR2026_Demodorp");

      page.getByLabel("Naam van de instantie").fill("Centraal stembureau Demodorp");
      page.getByLabel("Geldig vanaf").fill("2026-01-01");
      page.getByLabel("Geldig tot en met").fill("2030-12-31");
      page.locator("#ca-passphrase").fill("ceremonie demodorp ca");
      page.locator("#ca-passphrase-repeat").fill("ceremonie demodorp ca");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Certificaatautoriteit maken")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("De certificaatautoriteit is gemaakt");
      String caFingerprint = page.locator("#authority .fingerprint").textContent().strip();
      assertThat(caFingerprint).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
      assertThat(page.locator("#anchors")).containsText(caFingerprint);
      Browser.screenshot(page, "keys-01-authority");

      page.getByLabel("ManagingAuthority-code van het stembureau (bijv. 0363, HSB9, CSB)").fill("9999");
      page.getByLabel("Naam van het stembureau").fill("Gemeentelijk stembureau Demodorp");
      page.locator("#issue-ca-passphrase").fill("ceremonie demodorp ca");
      page.locator("#committee-passphrase").fill("gsb demodorp wachtzin");
      page.locator("#committee-passphrase-repeat").fill("gsb demodorp wachtzin");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sleutels maken")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("stembureau 9999 zijn gemaakt");
      assertThat(page.locator("#certificates tbody tr")).hasCount(2);
      assertThat(page.locator("#certificates tbody tr").first()).containsText("Versleutelen");
      assertThat(page.locator("#certificates tbody tr").last()).containsText("Ondertekenen");
      Browser.screenshot(page, "keys-02-committee");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vingerafdrukkenformulier afdrukken")).click();
      assertThat(page.locator(".sheet-group")).hasCount(16);
      assertThat(page.locator(".sheet-group").last()).containsText(caFingerprint.substring(caFingerprint.length() - 4));
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      assertThat(page.locator(".site-header")).isHidden();
      Browser.screenshot(page, "keys-03-sheet-print");
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

      page.navigate(server.url("/packages/check"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Overdrachtspakket controleren");
      page.getByLabel("Overdrachtspakket (.p7m)")
          .setInputFiles(new FilePayload("Telling.p7m", "application/octet-stream",
              "dit is geen overdrachtspakket".getBytes(StandardCharsets.US_ASCII)));
      page.locator("#secret").fill("gsb demodorp wachtzin");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("Het pakket is geweigerd en niet opgeslagen");
      Browser.screenshot(page, "keys-04-package-refused");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }
}
