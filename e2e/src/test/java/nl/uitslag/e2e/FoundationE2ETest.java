package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton in a real browser: first-run set-up, login, logout, wrong password, the demo election. */
class FoundationE2ETest {
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
  void firstVisitCreatesTheAdministratorThenLoginLogoutAndAWrongPassword() throws Exception {
    try (RunningServer server = RunningServer.start("serve")) {
      Page page = browser.newPage();
      page.navigate(server.url("/"));
      assertThat(page).hasURL(server.url("/setup"));
      assertThat(page.getByRole(AriaRole.HEADING)).hasText("Eerste beheerder aanmaken");
      Browser.screenshot(page, "01-setup");

      page.getByLabel("Volledige naam").fill("Anna Beheer");
      page.getByLabel("Gebruikersnaam").fill("anna");
      page.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("een lange zin als wachtwoord");
      page.getByLabel("Herhaal het wachtwoord").fill("een lange zin als wachtwoord");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beheerder aanmaken")).click();

      assertThat(page).hasURL(server.url("/login?created"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("De beheerder is aangemaakt");
      Browser.screenshot(page, "02-login-after-setup");
      login(page, "anna", "een lange zin als wachtwoord");
      assertThat(page).hasURL(server.url("/"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Verkiezingen");
      Browser.screenshot(page, "03-home-empty");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("U bent uitgelogd.");

      login(page, "anna", "not the password at all");
      assertThat(page).hasURL(server.url("/login?error"));
      assertThat(page.getByRole(AriaRole.ALERT)).hasText("Onbekende gebruikersnaam of onjuist wachtwoord.");
      Browser.screenshot(page, "04-login-wrong-password");

      login(page, "nobody", "een lange zin als wachtwoord");
      assertThat(page.getByRole(AriaRole.ALERT)).hasText("Onbekende gebruikersnaam of onjuist wachtwoord.");

      page.navigate(server.url("/setup"));
      assertThat(page).hasURL(server.url("/login"));

      page.navigate(server.url("/login?lang=en"));
      assertThat(page.getByRole(AriaRole.HEADING)).hasText("Log in");
      login(page, "anna", "een lange zin als wachtwoord");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Elections");
      Browser.screenshot(page, "05-home-english");
      // The pages load htmx and the stylesheet under a strict CSP; any violation shows up as a console error.
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  @Test
  void theDemoServesItsElectionAfterTheOneTimePasswordIsReplaced() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      Matcher m = Pattern.compile("one-time password: (\\S+)").matcher(server.output());
      assertThat(m.find()).as("demo prints a one-time password:\n" + server.output()).isTrue();
      Page page = browser.newPage();
      page.navigate(server.url("/"));
      login(page, "admin", m.group(1));
      assertThat(page).hasURL(server.url("/password"));
      Browser.screenshot(page, "06-demo-change-password");
      page.getByLabel("Huidig wachtwoord").fill(m.group(1));
      page.getByLabel("Nieuw wachtwoord").fill("demo wachtwoord voor de test");
      page.getByLabel("Herhaal het wachtwoord").fill("demo wachtwoord voor de test");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();

      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gemeenteraad Demodorp 2026")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Gemeenteraad Demodorp 2026");
      assertThat(page.locator("#polling-stations tbody tr")).hasCount(10);
      assertThat(page.locator(".candidate-list")).hasCount(6);
      Browser.screenshot(page, "07-demo-election");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  private static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").or(page.getByLabel("User name")).fill(user);
    page.getByLabel("Wachtwoord").or(page.getByLabel("Password")).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Inloggen|Log in"))).click();
  }
}
