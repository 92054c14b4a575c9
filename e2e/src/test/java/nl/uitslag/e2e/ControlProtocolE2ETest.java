package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole guided control protocol in a real browser on the demo election (docs/CONTROL-PROTOCOL.md): the
 * administrator creates a coordinator and two typists, a polling station is entered twice, and the coordinator
 * draws the lists from dice, prints the worksheets, enters the hand totals, sees the comparison and records the
 * outcome; then the notable-results screen.
 */
class ControlProtocolE2ETest {
  private static final String PASSWORD = "een lange zin als wachtwoord";
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
  void theCoordinatorRunsTheWholeGuidedCheck() throws Exception {
    try (RunningServer server = RunningServer.start("demo")) {
      Matcher m = Pattern.compile("one-time password: (\\S+)").matcher(server.output());
      assertThat(m.find()).as("demo prints a one-time password:\n" + server.output()).isTrue();
      Page admin = browser.newPage();
      admin.navigate(server.url("/"));
      firstLogin(admin, "admin", m.group(1));
      String coordinatorOtp = createUser(admin, server, "coco", "Coby Coördinator", "COORDINATOR");
      String tinaOtp = createUser(admin, server, "tina", "Tina Typist", "TYPIST");
      String tomOtp = createUser(admin, server, "tom", "Tom Typist", "TYPIST");

      Page coordinator = browser.newPage();
      coordinator.navigate(server.url("/"));
      firstLogin(coordinator, "coco", coordinatorOtp);
      coordinator.navigate(server.url("/dataentry/status"));
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invoer starten")).click();

      // One polling station entered twice: candidate 1 of list x gets 10·x votes, nothing blank or invalid.
      enterStationOne(browser.newPage(), server, "tina", tinaOtp, 1);
      enterStationOne(browser.newPage(), server, "tom", tomOtp, 2);

      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Controle")).click();
      assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Controleprotocol optellingen");
      assertThat(coordinator.locator("#not-all-definitive")).containsText("1 van de 10 stembureaus");
      Browser.screenshot(coordinator, "control-01-seed");
      coordinator.getByLabel("Startwaarde (bijvoorbeeld de geworpen ogen)").fill(" 3 5 1  6 2 4 ");
      coordinator.getByLabel("Aantal te trekken lijsten").fill("3");
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lijsten trekken")).click();
      assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("De lijsten zijn getrokken.");

      List<Integer> expected = independentDraw("GR2026_Demodorp", 1, "3 5 1 6 2 4", 6, 3);
      List<String> rows = coordinator.locator("#drawn-lists tbody tr td:nth-child(2)").allTextContents();
      assertThat(rows).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(rows.get(i)).startsWith("Lijst " + expected.get(i) + " ");
      }
      // The software's sums are not on the page before the hand totals are in.
      assertThat(coordinator.locator("#comparison")).hasCount(0);
      Browser.screenshot(coordinator, "control-02-drawn");

      APIResponse pdf = coordinator.request().get(server.url("/control/worksheets.pdf"));
      assertThat(pdf.status()).isEqualTo(200);
      assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

      // The hand count: one list off by one first, then the recount agrees.
      for (int list : expected) {
        coordinator.locator("#hand-" + list).fill(Integer.toString(10 * list + (list == expected.get(0) ? 1 : 0)));
      }
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vergelijken")).click();
      assertThat(coordinator.locator("#comparison-summary")).containsText("Er zijn verschillen");
      assertThat(coordinator.locator("#comparison tbody tr.differs")).hasCount(1);
      Browser.screenshot(coordinator, "control-03-difference");
      for (int list : expected) {
        coordinator.locator("#hand-" + list).fill(Integer.toString(10 * list));
      }
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vergelijken")).click();
      assertThat(coordinator.locator("#comparison-summary")).containsText("Alle handmatige totalen zijn gelijk");
      coordinator.getByLabel("Bevindingen (verplicht bij een verschil)")
          .fill("Lijst " + expected.get(0) + " eerst verkeerd opgeteld; bij hertelling gelijk.");
      coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitkomst vastleggen")).click();
      assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("De uitkomst van het controleprotocol is vastgelegd.");
      assertThat(coordinator.locator("#recorded-outcome")).isVisible();
      assertThat(coordinator.locator("#step-hand")).hasCount(0);
      Browser.screenshot(coordinator, "control-04-recorded");

      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de opmerkelijke uitslagen")).click();
      assertThat(coordinator.locator("#notable-summary")).containsText("1 van de 10 stembureaus");
      APIResponse notable = coordinator.request().get(server.url("/control/notable.pdf"));
      assertThat(notable.status()).isEqualTo(200);
      Browser.screenshot(coordinator, "control-05-notable");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  /** The documented draw, computed here from the steps in docs/CONTROL-PROTOCOL.md §2 (lists 1..n). */
  private static List<Integer> independentDraw(String election, int session, String seed, int n, int k)
      throws Exception {
    List<Integer> pool = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      pool.add(i);
    }
    List<Integer> drawn = new ArrayList<>();
    for (int c = 0; drawn.size() < k; c++) {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(
          ("uitslag-controleprotocol-v1|" + election + "|" + session + "|" + c + "|" + seed)
              .getBytes(StandardCharsets.UTF_8));
      long v = Long.parseLong(String.format("%064x", new BigInteger(1, d)).substring(0, 8), 16);
      long limit = (4_294_967_296L / pool.size()) * pool.size();
      if (v < limit) {
        drawn.add(pool.remove((int) (v % pool.size())));
      }
    }
    return drawn;
  }

  private static void enterStationOne(Page page, RunningServer server, String user, String otp, int entry) {
    page.navigate(server.url("/"));
    firstLogin(page, user, otp);
    page.navigate(server.url("/dataentry"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Stembureau 1 .* invoeren$")))
        .first().click();
    assertThat(page).hasURL(Pattern.compile(".*/dataentry/\\d+/" + entry + "$"));
    page.locator("#f-extraInvestigation-otherReason-no").check();
    page.locator("#f-extraInvestigation-ballotsRecounted-no").check();
    page.locator("#f-countingDifferences-explainedBySb-yes").check();
    page.locator("#f-countingDifferences-listTotalsDiffer-no").check();
    int total = 0;
    for (int list = 1; list <= 6; list++) {
      page.locator("#f-E-" + list).fill(Integer.toString(10 * list));
      page.locator("#f-list-" + list + "-candidate-1").fill(Integer.toString(10 * list));
      page.locator("#f-list-" + list + "-total").fill(Integer.toString(10 * list));
      total += 10 * list;
    }
    page.locator("#f-A").fill(Integer.toString(total));
    page.locator("#f-D").fill(Integer.toString(total));
    page.locator("#f-E").fill(Integer.toString(total));
    page.locator("#f-F").fill("0");
    page.locator("#f-G").fill("0");
    page.locator("#f-H").fill(Integer.toString(total));
    page.locator("#f-compare-equal").check();
    page.locator("button[name=action][value=finalise]").click();
    assertThat(page).hasURL(server.url("/dataentry"));
  }

  private static String createUser(Page admin, RunningServer server, String username, String name, String role) {
    admin.navigate(server.url("/admin/users"));
    admin.locator("#username").fill(username);
    admin.locator("#fullName").fill(name);
    admin.locator("#role").selectOption(role);
    admin.locator("#committeeId").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Gemeenteraad Demodorp 2026: Gemeentelijk stembureau Demodorp"));
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
    return admin.locator("#one-time-password").textContent().strip();
  }

  private static void firstLogin(Page page, String user, String otp) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(otp);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
    page.getByLabel("Huidig wachtwoord").fill(otp);
    page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
  }
}
