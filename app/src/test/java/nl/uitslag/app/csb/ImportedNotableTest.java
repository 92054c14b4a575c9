package nl.uitslag.app.csb;

import static nl.uitslag.app.csb.Gr2022Files.WMW_230B;
import static nl.uitslag.app.csb.Gr2022Files.WMW_510B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.control.ImportedNotableService;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.control.NotableRule;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notable results (docs/CONTROL-PROTOCOL.md §3, §5) over the count file the CSB of GR2022 West Maas en Waal
 * imported: the real 510b gives known flags (OU.5 at polling station 1, 690 admitted and 689 votes cast; OU.4 for
 * list 8 at station 7), the coordinator's explanation or recount request is stored per flag and audited, and the
 * report prints as PDF. Tests run in order on one database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportedNotableTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired ImportedNotableService notable;
  @Autowired DataEntryRepository committees;
  @Autowired AuditLog audit;

  static CsbTestSupport csb;

  @BeforeEach
  void theCsbOfWestMaasEnWaal() {
    if (csb == null) {
      csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(WMW_510B, 17),
          Gr2022Files.read(WMW_230B));
    }
  }

  private ImportedNotableService.View view() {
    return notable.view(committees.committee(csb.committeeId).orElseThrow());
  }

  private long decisions() {
    return jdbc.sql("SELECT count(*) FROM notable_count_file_decision WHERE committee_id = ?")
        .param(csb.committeeId).query(Long.class).single();
  }

  @Test
  @Order(1)
  void beforeAnyImportTheScreenSaysSo() throws Exception {
    mvc.perform(get("/control/imported").with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"no-files\"")));
    assertThat(view().files()).isEmpty();
  }

  @Test
  @Order(2)
  void onlyTheCoordinatorSeesTheScreen() throws Exception {
    mvc.perform(get("/control/imported").with(csb.as(csb.anna))).andExpect(status().isForbidden());
  }

  @Test
  @Order(10)
  void theImportedWmw510bFlagsTheKnownPollingStationsWithTheirReasons() throws Exception {
    byte[] file = Gr2022Files.read(WMW_510B);
    MockHttpSession session = new MockHttpSession();
    csb.upload(session, "Telling_GR2022_WestMaasenWaal.eml.xml", file);
    csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));

    ImportedNotableService.View v = view();
    assertThat(v.files()).hasSize(1);
    ImportedNotableService.FileResult f = v.files().get(0);
    assertThat(f.source()).isEqualTo("0668");
    assertThat(f.municipality()).isEqualTo("West Maas en Waal");
    assertThat(f.fingerprint()).isEqualTo(Fingerprint.of(file).toString());
    assertThat(f.stations()).isEqualTo(21);
    assertThat(f.items()).extracting(i -> i.flag().key())
        .contains("OU.5:1", "OU.4:7:8", "OU.7:1:4")
        .doesNotHaveDuplicates();
    var station1 = f.items().stream().filter(i -> i.flag().key().equals("OU.5:1")).findFirst().orElseThrow();
    assertThat(station1.flag().rule()).isEqualTo(NotableRule.UNEXPLAINED_DIFFERENCE);
    assertThat(station1.flag().stationName()).contains("De Hucht");
    assertThat(station1.flag().figures()).containsExactly(690L, 689L);
    assertThat(station1.decision()).isEqualTo(Decision.OPEN);

    mvc.perform(get("/control/imported").with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"flag-0668-OU_5_1\"")))
        .andExpect(content().string(containsString("toegelaten kiezers (690) en uitgebrachte stemmen (689)")))
        .andExpect(content().string(containsString("West Maas en Waal (0668)")));
  }

  @Test
  @Order(11)
  void anExplanationAndARecountRequestAreStoredAndAudited() throws Exception {
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.5:1")
            .param("decision", "EXPLAINED").param("explanation", "Een kiezer nam het stembiljet mee; zie PV."))
        .andExpect(flash().attribute("done", "DECIDED"));
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.4:7:8")
            .param("decision", "RECOUNT_ORDERED").param("explanation", ""))
        .andExpect(flash().attribute("done", "DECIDED"));
    assertThat(decisions()).isEqualTo(2);

    Map<String, ImportedNotableService.Item> items = new java.util.HashMap<>();
    view().items().forEach(i -> items.put(i.flag().key(), i));
    assertThat(items.get("OU.5:1").decision()).isEqualTo(Decision.EXPLAINED);
    assertThat(items.get("OU.5:1").explanation()).isEqualTo("Een kiezer nam het stembiljet mee; zie PV.");
    assertThat(items.get("OU.5:1").decidedBy()).isEqualTo("Voorzitter CSB");
    assertThat(items.get("OU.4:7:8").decision()).isEqualTo(Decision.RECOUNT_ORDERED);
    assertThat(view().open()).isEqualTo(view().items().size() - 2);

    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("NOTABLE_COUNT_FILE_DECIDED")
        && e.details().contains("OU.5:1") && e.details().contains("stembiljet mee"));
    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("NOTABLE_COUNT_FILE_DECIDED")
        && e.details().contains("RECOUNT_ORDERED"));
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  @Order(12)
  void anExplanationWithoutTextOrForAnUnknownFlagIsRefusedAndNothingChanges() throws Exception {
    long before = decisions();
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.7:1:4")
            .param("decision", "EXPLAINED").param("explanation", "  "))
        .andExpect(flash().attribute("error", "EXPLANATION_REQUIRED"));
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.1:99")
            .param("decision", "EXPLAINED").param("explanation", "bestaat niet"))
        .andExpect(flash().attribute("error", "UNKNOWN_FLAG"));
    csb.asCoordinator(post("/control/imported/decision").param("source", "0096").param("key", "OU.5:1")
            .param("decision", "EXPLAINED").param("explanation", "andere gemeente"))
        .andExpect(flash().attribute("error", "UNKNOWN_FLAG"));
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.5:1")
            .param("decision", "OPEN"))
        .andExpect(flash().attribute("error", "DECISION"));
    assertThat(decisions()).isEqualTo(before);
  }

  @Test
  @Order(13)
  void theElectionsThresholdsApplyAndTheReportPrintsAsPdf() throws Exception {
    byte[] pdf = mvc.perform(get("/control/imported.pdf").with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    int before = view().items().size();
    // A list share must now differ by 70 points: the OU.4 flags of 62–68 % against the rest disappear.
    csb.asCoordinator(post("/control/imported/thresholds").param("blankPercent", "3").param("invalidPercent", "3")
            .param("listShareDeviationPoints", "70").param("differenceAbsolute", "15").param("differencePercent", "2")
            .param("swapFactor", "10").param("swapMinimumVotes", "20").param("swapMinimumExpected", "20")
            .param("swapMinimumReferenceStations", "2"))
        .andExpect(flash().attribute("done", "THRESHOLDS"));
    assertThat(view().thresholds().listShareDeviationPoints()).isEqualTo(70);
    assertThat(view().items()).extracting(i -> i.flag().key()).doesNotContain("OU.4:7:8").contains("OU.5:1");
    assertThat(view().items().size()).isLessThan(before);
  }
}
