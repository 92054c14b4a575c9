package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The centraal stembureau of a Tweede Kamer election in a real browser, with the real TK2021 files: the
 * administrator sets up the CSB from the 110a and one 230b; the coordinator takes in the candidate lists of
 * kieskring 9 (Amsterdam) and 5 (Lelystad) on the page "kandidatenlijsten per kieskring", each confirmed by two
 * groups of its fingerprint, a wrong group is refused, and the result screen says the kieskring totals are not all
 * definitive yet (the 510c intake is a separate part; the computation and documents are tested in the app).
 */
class CsbMultiE2ETest {
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

  static Path tk2021(String name) {
    String p = System.getProperty("uitslag.shared");
    return (p != null ? Path.of(p) : Path.of("../../shared")).toAbsolutePath().normalize()
        .resolve("data/eml/TK2021").resolve(name);
  }

  @Test
  void kieskringListsAreTakenInByFingerprintAndTheResultWaitsForTheTotals() throws Exception {
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
          tk2021("Verkiezingsdefinitie_TK2021.eml.xml"), true);
      uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']",
          tk2021("Kandidatenlijsten_TK2021_Amsterdam.eml.xml"), true);
      admin.locator("#committee-csb").check();
      admin.locator("form[action$='/admin/elections/import/create'] button").click();

      admin.navigate(server.url("/admin/users"));
      admin.locator("#username").fill("voorzitter");
      admin.locator("#fullName").fill("Voorzitter CSB");
      admin.locator("#role").selectOption("COORDINATOR");
      String csb = admin.locator("#committeeId option", new Page.LocatorOptions().setHasText("Centraal stembureau"))
          .getAttribute("value");
      admin.locator("#committeeId").selectOption(csb);
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
      String otp = admin.locator("#one-time-password").textContent().strip();

      Page coordinator = browser.newPage();
      coordinator.navigate(server.url("/"));
      login(coordinator, "voorzitter", otp);
      coordinator.getByLabel("Huidig wachtwoord").fill(otp);
      coordinator.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
      coordinator.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();

      coordinator.navigate(server.url("/csb/result"));
      assertThat(coordinator.locator("#input-error")).containsText("candidate lists per kieskring");
      coordinator.locator("#to-districts").click();
      assertThat(coordinator.locator("h1")).containsText("Kandidatenlijsten per kieskring");

      // A wrong group from paper: refused, nothing stored.
      uploadAndConfirm(coordinator, "form[action$='/csb/districts/import']",
          tk2021("Kandidatenlijsten_TK2021_Lelystad.eml.xml"), false);
      assertThat(coordinator.locator("#lists-outcome")).containsText("komen niet overeen");
      assertThat(coordinator.locator("#districts tbody tr")).hasCount(0);

      uploadAndConfirm(coordinator, "form[action$='/csb/districts/import']",
          tk2021("Kandidatenlijsten_TK2021_Amsterdam.eml.xml"), true);
      assertThat(coordinator.locator("#lists-outcome")).containsText("ingelezen");
      uploadAndConfirm(coordinator, "form[action$='/csb/districts/import']",
          tk2021("Kandidatenlijsten_TK2021_Lelystad.eml.xml"), true);
      assertThat(coordinator.locator("#districts tbody tr")).hasCount(2);
      assertThat(coordinator.locator("#districts [data-district='9']")).containsText("Amsterdam");
      assertThat(coordinator.locator("#districts [data-district='5']")).containsText("Lelystad");
      Browser.screenshot(coordinator, "csb-multi-01-kieskringen");

      coordinator.locator("#to-result").click();
      assertThat(coordinator.locator("#totals-incomplete")).isVisible();
      Browser.screenshot(coordinator, "csb-multi-02-result-waiting");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  private static void uploadAndConfirm(Page page, String form, Path file, boolean right) throws Exception {
    page.locator(form + " input[type=file]").setInputFiles(file);
    page.locator(form + " button[type=submit]").click();
    byte[] bytes = Files.readAllBytes(file);
    page.locator("#first").fill(group(bytes, hiddenGroup(page, "first")));
    String second = group(bytes, hiddenGroup(page, "second"));
    if (!right) {
      second = second.charAt(0) == '0' ? "1" + second.substring(1) : "0" + second.substring(1);
    }
    page.locator("#second").fill(second);
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

  private static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
  }
}
