package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The GSB's double data entry in a real browser, on the GR2022 West Maas en Waal election (issue 5): the election
 * is created by the administrator from the files with the fingerprint challenge, users get one-time passwords,
 * the coordinator starts the session, two typists enter polling stations, and the coordinator resolves. Every
 * form is checked for labels with paper codes, an alert region for messages, landmarks and a visible focus.
 *
 * <p>One server for the whole class; the tests run in order and each uses its own polling station.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataEntryE2ETest {
  private static final String PASSWORD = "Stembus-Zinnetje-Lang-2022";
  private static final String ADMIN_PASSWORD = "een lange zin als wachtwoord";
  private static final String ACCEPT = "Ik heb de waarschuwingen gecontroleerd met het papier en ze kloppen";

  static Browser browser;
  static RunningServer server;
  static List<Gr2022Files.Station> stations;
  static Page admin;
  static Page coordinator;
  static Page tina;
  static Page theo;

  @BeforeAll
  static void setUp() throws Exception {
    browser = Browser.launch();
    server = RunningServer.start("serve");
    stations = Gr2022Files.stations();
    admin = browser.newPage();
    admin.navigate(server.url("/"));
    admin.getByLabel("Volledige naam").fill("Anna Beheer");
    admin.getByLabel("Gebruikersnaam").fill("anna");
    admin.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(ADMIN_PASSWORD);
    admin.getByLabel("Herhaal het wachtwoord").fill(ADMIN_PASSWORD);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beheerder aanmaken")).click();
    login(admin, "anna", ADMIN_PASSWORD);
    assertThat(admin).hasURL(server.url("/"));
  }

  @AfterAll
  static void tearDown() {
    try {
      if (browser != null) {
        assertThat(browser.consoleErrors).as("no console errors (CSP violations, failed scripts)").isEmpty();
      }
    } finally {
      if (browser != null) {
        browser.close();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  @Order(1)
  void administratorCreatesTheElectionFromTheFilesWithTheFingerprintChallenge() throws Exception {
    Path dir = Files.createTempDirectory("gr2022");
    admin.navigate(server.url("/admin/elections/import"));
    upload(admin, Gr2022Files.writeDefinition(dir));
    upload(admin, Gr2022Files.candidateLists());
    upload(admin, Gr2022Files.writePollingStations(dir));
    Browser.screenshot(admin, "gsb-01-import-ready");
    admin.getByLabel("Centrale stemopneming (CSO)").check();
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verkiezing aanmaken")).click();
    // The wizard leads to the trust-anchor step on the key page; this GSB test does it later.
    admin.locator("#setup-later").click();
    assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText(Gr2022Files.ELECTION_NAME);
    assertThat(admin.locator("#polling-stations tbody tr")).hasCount(stations.size());
    assertThat(admin.locator(".candidate-list")).hasCount(Gr2022Files.listNames().size());
    Browser.screenshot(admin, "gsb-02-election");
  }

  @Test
  @Order(2)
  void aWrongFingerprintGroupIsRefusedAndNothingIsCreated() throws Exception {
    Path dir = Files.createTempDirectory("gr2022-wrong");
    admin.navigate(server.url("/admin/elections/import"));
    Path definition = Gr2022Files.writeDefinition(dir);
    admin.locator("#file").setInputFiles(definition);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestand inlezen")).click();
    int first = groupAsked(admin, "first");
    String right = Gr2022Files.fingerprintGroup(definition, first);
    admin.locator("#first").fill(right.equals("0000") ? "1111" : "0000");
    admin.locator("#second").fill(Gr2022Files.fingerprintGroup(definition, groupAsked(admin, "second")));
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren")).click();
    assertThat(admin.getByRole(AriaRole.ALERT)).hasText(
        "De getypte groepen komen niet overeen met het bestand. Het bestand is niet gebruikt; lees het opnieuw in.");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opnieuw beginnen")).click();
    admin.navigate(server.url("/"));
    assertThat(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Gr2022Files.ELECTION_NAME)))
        .hasCount(1);
  }

  @Test
  @Order(3)
  void administratorCreatesTheCommitteeUsersAndTheCoordinatorStartsTheSession() {
    coordinator = firstLogin("coco", createUser("coco", "Cora Coördinator", "Coördinator"));
    tina = firstLogin("tina", createUser("tina", "Tina Invoer", "Invoerder"));
    theo = firstLogin("theo", createUser("theo", "Theo Invoer", "Invoerder"));
    coordinator.navigate(server.url("/dataentry/status"));
    coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invoer starten")).click();
    assertThat(coordinator.locator("#session-status")).hasText("Status: Invoer bezig");
    assertThat(coordinator.locator("#count-NOT_STARTED")).hasText(Integer.toString(stations.size()));
    landmarksAndHeading(coordinator);
    Browser.screenshot(coordinator, "gsb-03-status-started");
  }

  @Test
  @Order(4)
  void equalEntriesByTwoTypistsMakeThePollingStationDefinitive() {
    Gr2022Files.Station s = stations.get(0);
    claim(tina, s);
    formIsAccessible(tina);
    // Enter moves to the next field in paper order instead of submitting (keyboard-only entry).
    tina.locator("#f-A").focus();
    tina.keyboard().press("Enter");
    assertThat(tina.locator("#f-B")).isFocused();
    assertThat(tina.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sneltoetsen"))).isVisible();
    Browser.screenshot(tina, "gsb-04-form-empty");
    fill(tina, base());
    // Autosave: what was typed reaches the server without pressing a button...
    assertThat(tina.locator("#autosave-status")).containsText("Automatisch opgeslagen om",
        new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    // ...so a browser that crashes loses nothing: log in again and resume.
    tina.context().close();
    tina = login(browser.newPage(), "tina");
    tina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^Verder met stembureau " + s.number() + " "))).click();
    tina.waitForLoadState();
    assertThat(tina.locator("#f-A")).hasValue("100");
    assertThat(tina.locator("#f-list-1-candidate-2")).hasValue("38");
    assertThat(tina.locator("#f-list-1-total")).hasValue("98");
    assertThat(tina.locator("#f-compare-equal")).isChecked();
    finish(tina, "De eerste invoer is afgerond.");

    claim(theo, s);
    fill(theo, base());
    finish(theo, "De invoer is afgerond: beide invoeren zijn gelijk, de uitslag van het stembureau is definitief.");

    coordinator.navigate(server.url("/dataentry/status"));
    assertThat(row(coordinator, s)).hasAttribute("data-status", "DEFINITIVE");
    assertThat(coordinator.locator("#typist-activity")).containsText("Tina Invoer");
  }

  @Test
  @Order(5)
  void aDifferenceResolvedByReEnteringOnlyTheDifferingFieldsWithoutSeeingTheOtherEntry() {
    Gr2022Files.Station s = stations.get(1);
    claim(tina, s);
    fill(tina, base());
    finish(tina, "De eerste invoer is afgerond.");
    claim(theo, s);
    fill(theo, swapped());
    differentSecondEntry(theo);

    resolve(s, "Eerste invoer behouden; de tweede invoerder voert alleen de verschillende velden opnieuw in");
    assertThat(row(coordinator, s)).hasAttribute("data-status", "CORRECTION_IN_PROGRESS");

    theo.navigate(server.url("/dataentry"));
    theo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^Verder met stembureau " + s.number() + " "))).click();
    // Only the differing fields are open, and they start empty: the first typist's reading is never shown.
    assertThat(theo.locator("#f-list-1-candidate-1")).hasValue("");
    assertThat(theo.locator("#f-list-1-candidate-2")).hasValue("");
    assertThat(theo.locator("#f-A")).not().isEditable();
    assertThat(theo.locator("#f-A")).hasValue("100");
    assertThat(theo.locator("main")).containsText("W.002");
    assertThat(theo.locator("main")).not().containsText("W.001");
    formIsAccessible(theo);
    Browser.screenshot(theo, "gsb-05-correction");
    theo.locator("#f-list-1-candidate-1").fill("60");
    theo.locator("#f-list-1-candidate-2").fill("38");
    theo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan").setExact(true)).click();
    // Re-entered: W.002 (fields to re-enter) is the only message left, and is accepted like any warning.
    assertThat(theo.locator("section.validation-summary li")).hasCount(1);
    assertThat(theo.locator("section.validation-summary")).containsText("W.002");
    theo.getByLabel(ACCEPT).check();
    finish(theo, "De invoer is afgerond: beide invoeren zijn gelijk, de uitslag van het stembureau is definitief.");
    coordinator.navigate(server.url("/dataentry/status"));
    assertThat(row(coordinator, s)).hasAttribute("data-status", "DEFINITIVE");
  }

  @Test
  @Order(6)
  void aDifferenceResolvedByKeepingOneEntryAndEnteringTheOtherAgain() {
    Gr2022Files.Station s = stations.get(2);
    claim(tina, s);
    fill(tina, base());
    finish(tina, "De eerste invoer is afgerond.");
    claim(theo, s);
    fill(theo, swapped());
    differentSecondEntry(theo);

    openResolve(s);
    // The coordinator sees both values of every differing field.
    assertThat(coordinator.locator("#differences tbody tr")).hasCount(2);
    assertThat(coordinator.locator("#differences tbody tr").first()).containsText("60");
    assertThat(coordinator.locator("#differences tbody tr").first()).containsText("38");
    landmarksAndHeading(coordinator);
    Browser.screenshot(coordinator, "gsb-06-differences");
    resolve(s, "Eerste invoer behouden, tweede invoer verwijderen (een andere invoerder voert opnieuw in)");
    assertThat(row(coordinator, s)).hasAttribute("data-status", "FIRST_ENTRY_FINISHED");

    claim(theo, s);
    fill(theo, base());
    finish(theo, "De invoer is afgerond: beide invoeren zijn gelijk, de uitslag van het stembureau is definitief.");
  }

  @Test
  @Order(7)
  void anErrorIsAnnouncedBesideTheFieldAndGoesToTheCoordinator() {
    Gr2022Files.Station s = stations.get(3);
    claim(tina, s);
    Map<String, String> values = base();
    // E + F + G = 100 but H = 101 (and D = A = 101 so that F.201 holds): F.203.
    values.put("A", "101");
    values.put("D", "101");
    values.put("H", "101");
    fill(tina, values);
    tina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan").setExact(true)).click();
    Locator alert = tina.locator("section.validation-summary");
    assertThat(alert).hasAttribute("role", "alert");
    assertThat(alert).containsText("F.203");
    assertThat(tina.locator("#f-H")).hasAttribute("aria-invalid", "true");
    assertThat(tina.locator("#f-H")).hasAccessibleDescription(Pattern.compile("F\\.203"));
    formIsAccessible(tina);
    Browser.screenshot(tina, "gsb-07-error");
    finish(tina, "De invoer is afgerond met fouten en gaat naar de coördinator.");

    coordinator.navigate(server.url("/dataentry/status"));
    assertThat(row(coordinator, s)).hasAttribute("data-status", "ERRORS_IN_REPORT");
    openResolve(s);
    assertThat(coordinator.locator("main")).containsText("F.203");
    // Theo cannot start a second entry of a report with errors.
    theo.navigate(server.url("/dataentry"));
    assertThat(theo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^Stembureau " + s.number() + " .* invoeren$")))).hasCount(0);
  }

  @Test
  @Order(8)
  void aWarningMustBeAcceptedAndTheCoordinatorExplainsIt() {
    Gr2022Files.Station s = stations.get(4);
    claim(tina, s);
    Map<String, String> values = base();
    // 5 blank votes of 100 cast: 100·F ≥ 3·H, so W.201.
    values.put("F", "5");
    values.put("E.1", "94");
    values.put("E", "94");
    values.put("list.1.candidate.2", "34");
    values.put("list.1.total", "94");
    fill(tina, values);
    tina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afronden")).click();
    assertThat(tina.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
        .setHasText("Controleer de waarschuwingen met het papier"))).isVisible();
    assertThat(tina.locator("section.validation-summary")).containsText("W.201");
    Browser.screenshot(tina, "gsb-08-warning");
    tina.getByLabel(ACCEPT).check();
    finish(tina, "De eerste invoer is afgerond.");

    coordinator.navigate(server.url("/dataentry/status"));
    assertThat(row(coordinator, s)).containsText("met waarschuwingen");
    row(coordinator, s).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Waarschuwingen toelichten"))
        .click();
    coordinator.getByLabel("Toelichting bij W.201").fill("Veel blanco stemmen uit protest; zo geteld en nageteld.");
    coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toelichting opslaan")).click();
    assertThat(coordinator.getByRole(AriaRole.STATUS)).hasText("De toelichting is opgeslagen.");
    assertThat(coordinator.getByLabel("Toelichting bij W.201")).hasValue(
        "Veel blanco stemmen uit protest; zo geteld en nageteld.");

    claim(theo, s);
    fill(theo, values);
    theo.getByLabel(ACCEPT).check();
    finish(theo, "De invoer is afgerond: beide invoeren zijn gelijk, de uitslag van het stembureau is definitief.");
  }

  @Test
  @Order(9)
  void theObserverSeesProgressWithoutFiguresOrActionsAndThePageRefreshesItself() {
    String otp = createUser("olga", "Olga Waarnemer", "Waarnemer");
    Page olga = firstLogin("olga", otp);
    olga.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voortgang (waarnemer)")).click();
    assertThat(olga.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Voortgang invoer " + Gr2022Files.ELECTION_NAME);
    landmarksAndHeading(olga);
    assertThat(olga.locator("#observer-count-DEFINITIVE")).hasText("4");
    assertThat(olga.locator("#observer-status")).hasText("Status: Invoer bezig");
    // Read-only: no form, no button, no input in the page's content; no figures of results, no typist names.
    assertThat(olga.locator("main form, main button, main input, main a")).hasCount(0);
    assertThat(olga.locator("main")).not().containsText("Tina");
    assertThat(olga.locator("#observer-stations")).not().containsText("98");
    Browser.screenshot(olga, "gsb-09-observer");

    // A change elsewhere shows up without reloading the page (htmx polling).
    coordinator.navigate(server.url("/dataentry/status"));
    coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invoer pauzeren")).click();
    assertThat(olga.locator("#observer-status"))
        .hasText("Status: Invoer gepauzeerd", new LocatorAssertions.HasTextOptions().setTimeout(25_000));
    coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invoer hervatten")).click();
    assertThat(olga.locator("#observer-status"))
        .hasText("Status: Invoer bezig", new LocatorAssertions.HasTextOptions().setTimeout(25_000));

    // The observer's role allows nothing else (asked with the page's own cookies, without opening an error page).
    assertThat(olga.request().get(server.url("/dataentry/status")).status()).isEqualTo(403);
    assertThat(olga.request().get(server.url("/dataentry")).status()).isEqualTo(403);
  }

  @Test
  @Order(10)
  void administratorAddsChangesAndRemovesAPollingStationButNotOneWhoseEntryStarted() {
    admin.navigate(server.url("/"));
    admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Gr2022Files.ELECTION_NAME)).click();
    admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stembureaus beheren")).click();
    landmarksAndHeading(admin);
    Gr2022Files.Station entered = stations.get(0);
    Locator enteredRow = admin.locator("#polling-stations tbody tr").filter(new Locator.FilterOptions()
        .setHas(admin.locator("td:first-child", new Page.LocatorOptions().setHasText(
            Pattern.compile("^" + entered.number() + "$")))));
    assertThat(enteredRow).containsText("invoer begonnen");
    assertThat(enteredRow.getByRole(AriaRole.LINK)).hasCount(0);

    admin.getByLabel("Nummer").fill("900");
    admin.getByLabel("Naam").fill("Stembureau Zorgcentrum");
    admin.getByLabel("Postcode").fill("6658ab");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stembureau toevoegen")).click();
    assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Het stembureau is toegevoegd.");
    assertThat(admin.locator("#polling-stations")).containsText("6658 AB");

    // A number that is taken is refused with the reason, and nothing is added.
    admin.getByLabel("Nummer").fill("900");
    admin.getByLabel("Naam").fill("Dubbel");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stembureau toevoegen")).click();
    assertThat(admin.getByRole(AriaRole.ALERT)).hasText("Er is al een stembureau met dit nummer. Er is niets opgeslagen.");
    assertThat(admin.locator("#polling-stations tbody tr")).hasCount(stations.size() + 1);

    admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stembureau 900 wijzigen")).click();
    admin.getByLabel("Naam").fill("Stembureau Zorgcentrum De Waal");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wijzigingen opslaan")).click();
    assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Het stembureau is gewijzigd.");
    assertThat(admin.locator("#polling-stations")).containsText("Stembureau Zorgcentrum De Waal");

    admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stembureau 900 wijzigen")).click();
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stembureau 900 verwijderen")).click();
    assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Het stembureau is verwijderd.");
    assertThat(admin.locator("#polling-stations tbody tr")).hasCount(stations.size());
  }

  @Test
  @Order(11)
  void administratorCreatesUsersFromAListWithAPrintableSheetAndDeactivatesOne() {
    admin.navigate(server.url("/admin/users"));
    admin.getByLabel("Lijst van gebruikers").fill("Ilse Invoer, invoerder\nKees Kijker, waarnemer\n");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruikers aanmaken")).click();
    assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Eenmalige wachtwoorden");
    assertThat(admin.locator(".otp-slip")).hasCount(2);
    assertThat(admin.locator(".otp-username")).hasText(new String[] {"ilse.invoer", "kees.kijker"});
    String otp = admin.locator(".otp-password").first().textContent().strip();
    Browser.screenshot(admin, "gsb-11-otp-sheet");
    // Printed, the sheet is only the slips: no header, no navigation, no instructions for the screen.
    admin.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
    assertThat(admin.locator(".site-header")).isHidden();
    assertThat(admin.locator(".otp-slip").first()).isVisible();
    admin.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

    Page ilse = firstLogin("ilse.invoer", otp);
    ilse.navigate(server.url("/dataentry"));
    assertThat(ilse.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Invoer processen-verbaal");

    admin.navigate(server.url("/admin/users"));
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ilse.invoer deactiveren")).click();
    assertThat(admin.getByRole(AriaRole.STATUS)).hasText("De gebruiker is gedeactiveerd en kan niet meer inloggen.");
    // Her open session has ended, and she cannot log in again.
    ilse.navigate(server.url("/dataentry"));
    assertThat(ilse).hasURL(Pattern.compile("/login"));
    login(ilse, "ilse.invoer", PASSWORD);
    assertThat(ilse.getByRole(AriaRole.ALERT)).isVisible();
    assertThat(ilse).hasURL(Pattern.compile("/login"));
  }

  // ---------------------------------------------------------------- helpers

  /** The values of a clean polling station: 100 voters, 98 votes on list 1 (60 + 38), 1 blank, 1 invalid. */
  private static Map<String, String> base() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("countingDifferences.explainedBySb.yes", "x");
    v.put("countingDifferences.listTotalsDiffer.no", "x");
    v.put("A", "100");
    v.put("B", "0");
    v.put("D", "100");
    v.put("E.1", "98");
    v.put("E", "98");
    v.put("F", "1");
    v.put("G", "1");
    v.put("H", "100");
    v.put("compare.equal", "x");
    v.put("list.1.candidate.1", "60");
    v.put("list.1.candidate.2", "38");
    v.put("list.1.total", "98");
    return v;
  }

  /** The same report with the two candidates' votes swapped: totals still agree, so no error, only a difference. */
  private static Map<String, String> swapped() {
    Map<String, String> v = base();
    v.put("list.1.candidate.1", "38");
    v.put("list.1.candidate.2", "60");
    return v;
  }

  /**
   * Finishes a second entry that differs from the first: W.001 names the differing fields (never the other
   * entry's values) and must be accepted like any warning, then both entries go to the coordinator.
   */
  private static void differentSecondEntry(Page typist) {
    typist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afronden")).click();
    assertThat(typist.locator("section.validation-summary")).containsText("W.001");
    assertThat(typist.locator("#f-list-1-candidate-1")).hasAttribute("aria-invalid", "true");
    typist.getByLabel(ACCEPT).check();
    finish(typist, "De invoer is afgerond; de twee invoeren verschillen en gaan naar de coördinator.");
  }

  private static void fill(Page page, Map<String, String> values) {
    values.forEach((path, value) -> {
      Locator input = page.locator("#f-" + path.replace('.', '-'));
      if ("x".equals(value)) {
        input.check();
      } else {
        input.fill(value);
      }
    });
  }

  private static void finish(Page page, String message) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afronden")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(message);
  }

  private static void claim(Page typist, Gr2022Files.Station s) {
    typist.navigate(server.url("/dataentry"));
    typist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^Stembureau " + s.number() + " .* invoeren$"))).click();
    assertThat(typist.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("Stembureau " + s.number() + " " + s.name());
    // The form is long and arrives in parts: wait for all of it before counting or filling its fields.
    typist.waitForLoadState();
  }

  private static void resolve(Gr2022Files.Station s, String choice) {
    openResolve(s);
    coordinator.getByLabel(choice).check();
    coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vastleggen")).click();
    assertThat(coordinator.getByRole(AriaRole.STATUS)).hasText("De keuze is vastgelegd.");
  }

  private static Locator row(Page page, Gr2022Files.Station s) {
    return page.locator("#station-status tbody tr").filter(new Locator.FilterOptions()
        .setHas(page.locator("td:first-child", new Page.LocatorOptions().setHasText(
            Pattern.compile("^" + s.number() + "$")))));
  }

  /** The coordinator opens the review of a polling station from its line in the overview. */
  private static void openResolve(Gr2022Files.Station s) {
    coordinator.navigate(server.url("/dataentry/status"));
    row(coordinator, s).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Beoordelen")).click();
    assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Stembureau " + s.number() + " " + s.name() + " beoordelen");
  }

  /**
   * WCAG checks of a data-entry form: every input with a paper code has an accessible name containing that code;
   * the validation summary, when shown, is an alert region; landmarks, one h1, and a visible keyboard focus.
   */
  private static void formIsAccessible(Page page) {
    page.waitForLoadState();
    Locator coded = page.locator("#entry-form input[data-code]:not([data-code=''])");
    int n = coded.count();
    assertThat(n).as("inputs with a paper code").isGreaterThan(10);
    for (int i = 0; i < n; i++) {
      Locator input = coded.nth(i);
      String code = input.getAttribute("data-code");
      // The pattern goes to the browser as a JavaScript regular expression: no \\Q…\\E quoting there.
      String js = code.replaceAll("([.\\\\+*?^$()\\[\\]{}|])", "\\\\$1");
      assertThat(input).hasAccessibleName(Pattern.compile("(^|\\s)" + js + "(\\s|$)"));
    }
    Locator unlabeled = page.locator("#entry-form input:not([type=hidden])");
    for (int i = 0; i < unlabeled.count(); i++) {
      assertThat(unlabeled.nth(i)).hasAccessibleName(Pattern.compile("\\S"));
    }
    if (page.locator("section.validation-summary").count() > 0) {
      assertThat(page.locator("section.validation-summary")).hasAttribute("role", "alert");
    }
    landmarksAndHeading(page);
    page.locator("#f-A").focus();
    page.keyboard().press("Tab");
    String outline = (String) page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
    assertThat(outline).as("visible focus ring").startsWith("solid").doesNotEndWith(" 0px");
  }

  private static void landmarksAndHeading(Page page) {
    assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
    assertThat(page.getByRole(AriaRole.BANNER)).hasCount(1);
    assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(1);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasCount(1);
  }

  private static void upload(Page page, Path file) throws Exception {
    page.locator("#file").setInputFiles(file);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestand inlezen")).click();
    assertThat(page.locator("main")).containsText("Vingerafdruk controleren");
    // The two groups asked are chosen at random by the server: read them from the labels, type them from the file.
    page.locator("#first").fill(Gr2022Files.fingerprintGroup(file, groupAsked(page, "first")));
    page.locator("#second").fill(Gr2022Files.fingerprintGroup(file, groupAsked(page, "second")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vingerafdruk controleren")))
        .hasCount(0);
    assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
  }

  private static int groupAsked(Page page, String field) {
    String label = page.locator("label[for=" + field + "]").textContent().strip();
    return Integer.parseInt(label.replaceAll("\\D", ""));
  }

  private static String createUser(String username, String fullName, String role) {
    admin.navigate(server.url("/admin/users"));
    admin.getByLabel("Gebruikersnaam").fill(username);
    admin.getByLabel("Volledige naam").fill(fullName);
    admin.getByLabel("Rol").selectOption(new SelectOption().setLabel(role));
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
    assertThat(admin.getByRole(AriaRole.STATUS)).containsText(username);
    return admin.locator("#one-time-password").textContent().strip();
  }

  private static Page firstLogin(String username, String oneTimePassword) {
    Page page = browser.newPage();
    page.navigate(server.url("/login"));
    login(page, username, oneTimePassword);
    assertThat(page).hasURL(server.url("/password"));
    page.getByLabel("Huidig wachtwoord").fill(oneTimePassword);
    page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is gewijzigd.");
    return page;
  }

  /** A committee user who already chose a password logs in (again) and arrives at the data entry. */
  private static Page login(Page page, String user) {
    page.navigate(server.url("/login"));
    login(page, user, PASSWORD);
    page.navigate(server.url("/dataentry"));
    return page;
  }

  private static void login(Page page, String user, String password) {
    page.getByLabel("Gebruikersnaam").fill(user);
    page.getByLabel("Wachtwoord").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
  }
}
