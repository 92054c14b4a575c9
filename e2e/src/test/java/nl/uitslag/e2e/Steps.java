package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps every browser test of a committee repeats, done through the pages as a person would: the first
 * administrator, logins (with the first login's password change), the import wizard with the fingerprint
 * challenge, creating users of a committee, downloads, and typing the paper totals of a count as an entry.
 */
final class Steps {
  static final String PASSWORD = "een lange zin als wachtwoord";

  private Steps() {}

  /** Creates the first administrator on a fresh installation and logs in; returns the administrator's page. */
  static Page firstAdministrator(Browser browser, RunningServer server) {
    Page admin = browser.newPage();
    admin.navigate(server.url("/"));
    admin.getByLabel("Volledige naam").fill("Anna Beheer");
    admin.getByLabel("Gebruikersnaam").fill("beheer");
    admin.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
    admin.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beheerder aanmaken")).click();
    login(admin, "beheer", PASSWORD);
    return admin;
  }

  /**
   * The import wizard's file steps: the 110a and a 230b, each confirmed with two groups of its fingerprint. The
   * caller chooses the committee and creates the election.
   */
  static void importDefinitionAndLists(RunningServer server, Page admin, Path definition, Path lists)
      throws IOException {
    admin.navigate(server.url("/admin/elections/import"));
    uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']", definition);
    uploadAndConfirm(admin, "form[action$='/admin/elections/import/upload']", lists);
  }

  /** The wizard's last step: the installation becomes the centraal stembureau. */
  static void createAsCsb(Page admin) {
    admin.locator("#committee-csb").check();
    admin.locator("form[action$='/admin/elections/import/create'] button").click();
  }

  /** The wizard's last step: the installation becomes the hoofdstembureau of kieskring {@code district}. */
  static void createAsHsb(Page admin, int district) {
    admin.locator("#committee-hsb").check();
    admin.locator("#district").selectOption(String.valueOf(district));
    admin.locator("form[action$='/admin/elections/import/create'] button").click();
  }

  /**
   * Creates a user of the committee whose name in the choice contains {@code committee} (e.g. "Centraal
   * stembureau", "Hoofdstembureau"); returns the one-time password shown once.
   */
  static String createUser(RunningServer server, Page admin, String username, String fullName, String role,
      String committee) {
    admin.navigate(server.url("/admin/users"));
    admin.locator("#username").fill(username);
    admin.locator("#fullName").fill(fullName);
    admin.locator("#role").selectOption(role);
    String id = admin.locator("#committeeId option", new Page.LocatorOptions().setHasText(committee))
        .getAttribute("value");
    admin.locator("#committeeId").selectOption(id);
    // The page also holds the bulk form and per-user actions: press this form's own button.
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
    return admin.locator("#one-time-password").textContent().strip();
  }

  /** A new browser context for a user who logs in for the first time and replaces the one-time password. */
  static Page newUser(Browser browser, RunningServer server, String username, String otp) {
    Page page = browser.newPage();
    page.navigate(server.url("/"));
    firstLogin(page, username, otp);
    return page;
  }

  static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
  }

  static void firstLogin(Page page, String user, String otp) {
    login(page, user, otp);
    page.getByLabel("Huidig wachtwoord").fill(otp);
    page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
  }

  /** Uploads a file in the form and types the two fingerprint groups the page asks for, as read from paper. */
  static void uploadAndConfirm(Page page, String form, Path file) throws IOException {
    page.locator(form + " input[type=file]").setInputFiles(file);
    page.locator(form + " button[type=submit]").click();
    byte[] bytes = Files.readAllBytes(file);
    page.locator("#first").fill(group(bytes, hiddenGroup(page, "first")));
    page.locator("#second").fill(group(bytes, hiddenGroup(page, "second")));
    page.locator("#second").press("Enter");
  }

  /** The label says "Groep 7": the 0-based index of the hidden group, typed from the paper. */
  static int hiddenGroup(Page page, String input) {
    Matcher m = Pattern.compile("(\\d+)").matcher(page.locator("label[for=" + input + "]").textContent());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1)) - 1;
  }

  /** Group {@code index} (0-based) of the file's SHA-256 fingerprint: four hexadecimal characters. */
  static String group(byte[] bytes, int index) {
    String hex = hex(bytes);
    return hex.substring(index * 4, index * 4 + 4);
  }

  /** The fingerprint as printed on paper: 16 groups of 4 hexadecimal characters. */
  static String fingerprint(byte[] bytes) {
    String hex = hex(bytes);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 64; i += 4) {
      b.append(i == 0 ? "" : " ").append(hex, i, i + 4);
    }
    return b.toString();
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] download(Page page, String link) throws IOException {
    Download d = page.waitForDownload(() -> page.locator(link).click());
    return Files.readAllBytes(d.path());
  }

  /**
   * Claims entry n of a source (municipality code at an HSB, HSB&lt;n&gt; at the CSB of a TK) and types the paper
   * totals field by field, one wrong by 1 at {@code typo} if given, then finishes the entry.
   */
  static void enter(RunningServer server, Page typist, String source, int n, Map<String, Integer> paper,
      String typo) {
    typist.navigate(server.url("/csb"));
    typist.locator("form[action$='/csb/" + source + "/entry/" + n + "/claim'] button").click();
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
}
