package nl.uitslag.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a real browser: after the import wizard creates the election, the administrator is led to the trust-anchor
 * step on the key page; the CSB's coordinator sees the notable results of the imported West Maas en Waal 510b and
 * records an explanation; then the administrator confirms the election's CA certificate with the fingerprint
 * challenge and continues to the election.
 */
class SealNotableE2ETest {
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
  void trustAnchorStepAfterTheWizardAndNotableResultsOfTheImportedCountFile() throws Exception {
    Path definition = CsbE2ETest.resource("Verkiezingsdefinitie_GR2022_WestMaasenWaal.eml.xml");
    Path lists = CsbE2ETest.shared().resolve("data/eml/GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml");
    Path count = CsbE2ETest.shared().resolve("data/eml/GR2022/Telling_GR2022_WestMaasenWaal.eml.xml");
    try (RunningServer server = RunningServer.start("serve")) {
      Page admin = Steps.firstAdministrator(browser, server);

      // 1. The wizard's last step leads to the key page, to confirm the trust anchor next.
      Steps.importDefinitionAndLists(server, admin, definition, lists);
      admin.locator("#committee-csb").check();
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verkiezing aanmaken")).click();
      assertThat(admin).hasURL(Pattern.compile(".*/admin/elections/\\d+/keys\\?setup=true$"));
      assertThat(admin.locator("#setup-step")).containsText("Volgende stap: het vertrouwensanker");
      assertThat(admin.locator("#anchor-file")).isVisible();
      Browser.screenshot(admin, "sealnotable-01-anchor-step");
      String keyPage = admin.url().replace("?setup=true", "");
      admin.locator("#setup-later").click();
      assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .containsText("West Maas en Waal");

      // 2. The CSB's coordinator imports the 510b and deals with its notable results.
      String otp = Steps.createUser(server, admin, "voorzitter", "Voorzitter CSB", "COORDINATOR",
          "Centraal stembureau");
      Page coordinator = Steps.newUser(browser, server, "voorzitter", otp);
      coordinator.navigate(server.url("/csb"));
      Steps.uploadAndConfirm(coordinator, "form[action$='/csb/import']", count);
      assertThat(coordinator.locator("#import-outcome")).containsText("ingelezen als eerste invoer");
      coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opmerkelijke uitslagen")).click();
      assertThat(coordinator.locator("#notable-summary")).containsText("1 ingelezen telbestanden, 21 stembureaus");
      var flag = coordinator.locator("#flag-0668-OU_5_1");
      assertThat(flag).containsText("toegelaten kiezers (690) en uitgebrachte stemmen (689)");
      assertThat(flag).hasAttribute("data-decision", "OPEN");
      flag.locator("textarea").fill("Een kiezer nam het stembiljet mee; vermeld in het proces-verbaal.");
      flag.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Verklaard"))
          .click();
      assertThat(coordinator.locator("#control-done")).containsText("Het besluit is vastgelegd.");
      assertThat(coordinator.locator("#flag-0668-OU_5_1")).hasAttribute("data-decision", "EXPLAINED");
      assertThat(coordinator.locator("#flag-0668-OU_5_1")).containsText("vastgelegd door Voorzitter CSB");
      Browser.screenshot(coordinator, "sealnotable-02-notable");

      // 3. Back on the key page, the administrator confirms the CA certificate with the fingerprint challenge.
      Path dir = Files.createTempDirectory("sealnotable-ca");
      Path ca = authorityCertificate(dir, "GR2022_WestMaasenWaal");
      admin.navigate(keyPage);
      admin.locator("#anchor-file").setInputFiles(ca);
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Certificaat inlezen")).click();
      byte[] der = der(ca);
      admin.locator("#first").fill(Steps.group(der, Steps.hiddenGroup(admin, "first")));
      admin.locator("#second").fill(Steps.group(der, Steps.hiddenGroup(admin, "second")));
      admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Certificaat vertrouwen")).click();
      assertThat(admin.getByRole(AriaRole.STATUS)).containsText("als vertrouwensanker opgeslagen");
      assertThat(admin.locator("#anchors tbody tr")).hasCount(1);
      admin.locator("#setup-continue").click();
      assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .containsText("West Maas en Waal");
      assertThat(browser.consoleErrors).isEmpty();
    }
  }

  /** A self-signed election CA made with OpenSSL: the receiving authority's certificate, as handed out. */
  private static Path authorityCertificate(Path dir, String election) throws Exception {
    Path key = dir.resolve("ca.key.pem");
    Path crt = dir.resolve("authority.crt.pem");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", crt.toString(), "-days", "3650",
        "-subj", "/O=Centraal stembureau West Maas en Waal/OU=" + election + "/CN=CA " + election,
        "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return crt;
  }

  private static byte[] der(Path pem) throws Exception {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String body = text.substring(text.indexOf("-----BEGIN CERTIFICATE-----") + 27, text.indexOf("-----END"));
    return Base64.getMimeDecoder().decode(body);
  }
}
