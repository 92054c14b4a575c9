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

import java.time.LocalDateTime;
import java.util.List;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditEvent;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.control.ImportedNotableService;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
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
 * The CSB of GR2022 West Maas en Waal orders an investigation at its GSB (abacus.md §2 "next session") and takes in
 * the corrected 510b: with the real first-session 510b held and definitive, a notable flag decided "hertelling
 * gelast" leads to an order for polling station 7; a corrigendum (written with the product's EmlWriter, votes moved
 * at station 7) replaces the held file, becomes the new first entry, is re-keyed from paper as the second, and the
 * municipal totals change by exactly the moved votes. Refused, audited and leaving nothing: a file without an order,
 * a first-session file after a first-session file or after a corrigendum, an equal or older corrigendum, Initial
 * values that are not ours, a change without Initial values, a change outside the ordered stations, and an order
 * after the result is finalised. Tests run in order on one database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsbInvestigationTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired CsbService service;
  @Autowired CsbInvestigationService investigations;
  @Autowired CsbResultService results;
  @Autowired ImportedNotableService notable;
  @Autowired DataEntryRepository committees;
  @Autowired AuditLog audit;

  static CsbTestSupport csb;
  static final int STATION = 7;
  static final int MOVED = 5;
  static final LocalDateTime FIRST_CORRIGENDUM = LocalDateTime.of(2022, 3, 24, 10, 0);

  @BeforeEach
  void theCsbOfWestMaasEnWaal() {
    if (csb == null) {
      csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(WMW_510B, 17),
          Gr2022Files.read(WMW_230B));
    }
  }

  private CsbService.Csb c() {
    return service.csb(csb.committeeId).orElseThrow();
  }

  private CsbService.Source source() {
    return service.sources(c()).get(0);
  }

  private long rows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE committee_id = ?").param(csb.committeeId)
        .query(Long.class).single();
  }

  private byte[] heldFile() {
    return jdbc.sql("SELECT content FROM csb_count_file WHERE committee_id = ?").param(csb.committeeId)
        .query(byte[].class).single();
  }

  private static Count real() {
    return Gr2022Files.count(WMW_510B);
  }

  /** A corrigendum of the held count with votes moved at {@code station} from list 8 to list 1. */
  private static byte[] corrigendum(Count held, int station, Corrigenda.Initials initials, LocalDateTime at) {
    return Corrigenda.write(Corrigenda.moveVotes(held, Phase.CORRIGENDUM, station, 8, 1, MOVED, initials), at);
  }

  private List<AuditEvent> events(String type) {
    return audit.events(2000).stream().filter(e -> e.eventType().equals(type)).toList();
  }

  /** Uploads a file that must be refused with the reason; nothing may change and the refusal is audited. */
  private void refused(String fileName, byte[] file, String reasonPart) throws Exception {
    byte[] before = heldFile();
    long history = rows("csb_count_file_history");
    DataEntryStatus state = source().state().status();
    int audited = events("CSB_COUNT_FILE_REJECTED").size();
    MockHttpSession session = new MockHttpSession();
    csb.upload(session, fileName, file).andExpect(flash().attribute("rejection", containsString(reasonPart)));
    assertThat(session.getAttribute("csbPendingImport")).as("no challenge for a refused file").isNull();
    assertThat(heldFile()).isEqualTo(before);
    assertThat(rows("csb_count_file_history")).isEqualTo(history);
    assertThat(source().state().status()).isEqualTo(state);
    assertThat(events("CSB_COUNT_FILE_REJECTED")).hasSize(audited + 1)
        .last().extracting(AuditEvent::details).asString().contains(fileName);
  }

  private GsbResults totalsOf(Count count) {
    return GsbTotals.fromCount(count.contests().get(0).total(), service.shape(c()));
  }

  @Test
  @Order(1)
  void theRealFileIsHeldAndDefinitive() throws Exception {
    MockHttpSession session = new MockHttpSession();
    byte[] file = Gr2022Files.read(WMW_510B);
    csb.upload(session, "Telling_GR2022_WestMaasenWaal.eml.xml", file);
    csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));
    csb.enter(csb.anna, "0668", 2, totalsOf(real())).andExpect(flash().attribute("finished", "DEFINITIVE"));
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.DEFINITIVE);
  }

  @Test
  @Order(2)
  void withoutAnOrderNoSecondFileIsTakenIn() throws Exception {
    refused("corrigendum-zonder-onderzoek.eml.xml",
        corrigendum(real(), STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM), "onderzoek");
  }

  @Test
  @Order(3)
  void aRecountFlagLinksToTheOrderForm() throws Exception {
    csb.asCoordinator(post("/control/imported/decision").param("source", "0668").param("key", "OU.4:7:8")
            .param("decision", "RECOUNT_ORDERED").param("explanation", "Lijst 8 wijkt sterk af"))
        .andExpect(flash().attribute("done", "DECIDED"));
    csb.mvc.perform(get("/control/imported").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("/csb/investigations?source=0668&amp;stations=7&amp;flag=OU.4:7:8")));
    csb.mvc.perform(get("/csb/investigations").param("source", "0668").param("stations", "7")
            .param("flag", "OU.4:7:8").with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"OU.4:7:8\"")))
        .andExpect(content().string(containsString("value=\"7\"")));
  }

  @Test
  @Order(4)
  void ordersAreCheckedBeforeTheyAreStored() throws Exception {
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "7").param("reason", " "))
        .andExpect(flash().attribute("orderRefusal", "REASON_EMPTY"));
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "7, 999")
            .param("reason", "Hertel"))
        .andExpect(flash().attribute("orderRefusal", "NO_SUCH_STATION"));
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "zeven")
            .param("reason", "Hertel"))
        .andExpect(flash().attribute("orderRefusal", "BAD_STATIONS"));
    csb.asCoordinator(post("/csb/investigations").param("source", "0999").param("reason", "Hertel"))
        .andExpect(flash().attribute("orderRefusal", "UNKNOWN_SOURCE"));
    csb.mvc.perform(post("/csb/investigations").param("source", "0668").param("reason", "Hertel")
            .with(csb.as(csb.anna))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden());
    assertThat(rows("csb_investigation")).isZero();
  }

  @Test
  @Order(5)
  void theCoordinatorOrdersAnInvestigationAtStation7() throws Exception {
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "7")
            .param("flag", "OU.4:7:8").param("reason", "Lijst 8 wijkt sterk af; hertel de stemmen op lijst 8 en 1"))
        .andExpect(flash().attribute("ordered", "0668"));
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("reason", "Nog een"))
        .andExpect(flash().attribute("orderRefusal", "ALREADY_OPEN"));
    assertThat(investigations.orders(c())).singleElement().satisfies(o -> {
      assertThat(o.stations()).containsExactly(7);
      assertThat(o.open()).isTrue();
      assertThat(o.notableFlag()).isEqualTo("OU.4:7:8");
    });
    assertThat(events("CSB_INVESTIGATION_ORDERED")).singleElement().extracting(AuditEvent::details).asString()
        .contains("\"stations\":\"7\"").contains("OU.4:7:8");
    csb.mvc.perform(get("/csb/investigations").with(csb.as(csb.anna)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Lijst 8 wijkt sterk af")))
        .andExpect(content().string(containsString("data-outcome=\"OPEN\"")));
  }

  @Test
  @Order(6)
  void aFirstSessionFileDoesNotReplaceAFirstSessionFile() throws Exception {
    refused("Telling_GR2022_WestMaasenWaal.eml.xml", Gr2022Files.read(WMW_510B), "eerste zitting");
    refused("eerste-zitting.eml.xml",
        Corrigenda.write(Corrigenda.unchanged(real(), Phase.FIRST_SESSION), FIRST_CORRIGENDUM), "eerste zitting");
  }

  @Test
  @Order(7)
  void initialValuesThatAreNotOursAreRefused() throws Exception {
    refused("verkeerde-initial.eml.xml", corrigendum(real(), STATION, Corrigenda.Initials.WRONG, FIRST_CORRIGENDUM),
        "iets anders verbeterd");
    assertThat(events("CSB_COUNT_FILE_REJECTED")).last().extracting(AuditEvent::details).asString()
        .contains("INITIAL_MISMATCH");
  }

  @Test
  @Order(8)
  void aChangeWithoutInitialValuesIsRefused() throws Exception {
    refused("zonder-initial.eml.xml", corrigendum(real(), STATION, Corrigenda.Initials.MISSING, FIRST_CORRIGENDUM),
        "zonder de oorspronkelijke waarde");
  }

  @Test
  @Order(9)
  void aChangeOutsideTheOrderedStationsIsRefused() throws Exception {
    Count other = real();
    int station = 2;
    refused("ander-stembureau.eml.xml", Corrigenda.write(Corrigenda.moveVotes(other, Phase.CORRIGENDUM, station,
        1, 2, 1, Corrigenda.Initials.RIGHT), FIRST_CORRIGENDUM), "0668::SB2");
  }

  @Test
  @Order(10)
  void theCorrigendumReplacesTheHeldFileAndStartsTheEntryOver() throws Exception {
    byte[] original = heldFile();
    byte[] file = corrigendum(real(), STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM);
    MockHttpSession session = new MockHttpSession();
    csb.upload(session, "Telling_GR2022_WestMaasenWaal_zitting-2.eml.xml", file);
    csb.mvc.perform(get("/csb").with(csb.as(csb.coordinator)).session(session))
        .andExpect(content().string(containsString("id=\"replacement-notice\"")))
        .andExpect(content().string(containsString(Fingerprint.of(original).toString())));
    csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "REPLACED"));

    assertThat(heldFile()).isEqualTo(file);
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    byte[] kept = jdbc.sql("SELECT content FROM csb_count_file_history WHERE committee_id = ?")
        .param(csb.committeeId).query(byte[].class).single();
    assertThat(kept).as("the previous file stays stored").isEqualTo(original);
    assertThat(events("CSB_COUNT_FILE_REPLACED")).singleElement().extracting(AuditEvent::details).asString()
        .contains(Fingerprint.of(original).toString()).contains(Fingerprint.of(file).toString())
        .contains("\"from\":\"DEFINITIVE\"").contains("\"to\":\"FIRST_ENTRY_FINISHED\"");
    assertThat(investigations.open(c(), "0668")).get()
        .extracting(CsbInvestigationService.Order::replacementFingerprint).isEqualTo(Fingerprint.of(file).toString());
    // The notable checks run over the new file: its flags are open again (V12 keys decisions by fingerprint).
    var view = notable.view(committees.committee(csb.committeeId).orElseThrow());
    assertThat(view.files()).singleElement().extracting(ImportedNotableService.FileResult::fingerprint)
        .isEqualTo(Fingerprint.of(file).toString());
    assertThat(view.items()).allMatch(i -> i.decision() == Decision.OPEN);
  }

  @Test
  @Order(11)
  void theEqualCorrigendumAndAFirstSessionFileNoLongerReplaceIt() throws Exception {
    refused("zelfde.eml.xml", corrigendum(real(), STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM),
        "ouder of gelijke fase");
    refused("Telling_GR2022_WestMaasenWaal.eml.xml", Gr2022Files.read(WMW_510B), "eerste zitting");
  }

  @Test
  @Order(12)
  void theSecondEntryFromPaperMakesTheCorrectedTotalsDefinitiveAndClosesTheOrder() throws Exception {
    Count corrected = Corrigenda.moveVotes(real(), Phase.CORRIGENDUM, STATION, 8, 1, MOVED, Corrigenda.Initials.RIGHT);
    GsbResults paper = totalsOf(corrected);
    csb.enter(csb.bert, "0668", 2, paper).andExpect(flash().attribute("finished", "DEFINITIVE"));
    GsbResults before = totalsOf(real());
    GsbResults after = service.definitiveTotals(c()).orElseThrow().get("0668");
    assertThat(after.lists().get(0).total()).isEqualTo(before.lists().get(0).total() + MOVED);
    assertThat(after.lists().get(7).total()).isEqualTo(before.lists().get(7).total() - MOVED);
    assertThat(after.votes().totalVotesCandidates()).isEqualTo(before.votes().totalVotesCandidates());
    assertThat(investigations.orders(c())).singleElement()
        .extracting(CsbInvestigationService.Order::outcome).isEqualTo(CsbInvestigationService.Outcome.CLOSED);
    assertThat(events("CSB_INVESTIGATION_CLOSED")).hasSize(1);
  }

  @Test
  @Order(13)
  void aLaterCorrigendumReplacesAnEarlierOneButNotTheOtherWayRound() throws Exception {
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "7")
            .param("reason", "Tweede hertelling van stembureau 7"))
        .andExpect(flash().attribute("ordered", "0668"));
    Count held = Corrigenda.moveVotes(real(), Phase.CORRIGENDUM, STATION, 8, 1, MOVED, Corrigenda.Initials.RIGHT);
    refused("ouder.eml.xml", corrigendum(held, STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM.minusDays(1)),
        "ouder of gelijke fase");
    refused("gelijk.eml.xml", corrigendum(held, STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM),
        "ouder of gelijke fase");
    refused("eerste-zitting-na-corrigendum.eml.xml",
        Corrigenda.write(Corrigenda.unchanged(held, Phase.FIRST_SESSION), FIRST_CORRIGENDUM.plusDays(7)),
        "eerste zitting");
    // Initial values that are the first session's, not the corrigendum's we hold: corrected from the wrong base.
    refused("verouderde-basis.eml.xml", corrigendum(real(), STATION, Corrigenda.Initials.RIGHT,
        FIRST_CORRIGENDUM.plusDays(7)), "iets anders verbeterd");

    byte[] later = corrigendum(held, STATION, Corrigenda.Initials.RIGHT, FIRST_CORRIGENDUM.plusDays(7));
    MockHttpSession session = new MockHttpSession();
    csb.upload(session, "Telling_GR2022_WestMaasenWaal_zitting-3.eml.xml", later);
    csb.confirm(session, later, true).andExpect(flash().attribute("importOutcome", "REPLACED"));
    assertThat(rows("csb_count_file_history")).isEqualTo(2);
    Count twice = Corrigenda.moveVotes(held, Phase.CORRIGENDUM, STATION, 8, 1, MOVED, Corrigenda.Initials.RIGHT);
    csb.enter(csb.carla, "0668", 2, totalsOf(twice)).andExpect(flash().attribute("finished", "DEFINITIVE"));
    GsbResults after = service.definitiveTotals(c()).orElseThrow().get("0668");
    assertThat(after.lists().get(0).total()).isEqualTo(totalsOf(real()).lists().get(0).total() + 2 * MOVED);
    assertThat(investigations.orders(c())).extracting(CsbInvestigationService.Order::outcome)
        .containsOnly(CsbInvestigationService.Outcome.CLOSED);
  }

  @Test
  @Order(20)
  void noOrderAfterTheResultIsFinalised() throws Exception {
    csb.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    assertThat(service.finalised(c())).isTrue();
    csb.asCoordinator(post("/csb/investigations").param("source", "0668").param("stations", "7")
            .param("reason", "Te laat"))
        .andExpect(flash().attribute("orderRefusal", "FINALISED"));
    assertThat(investigations.orders(c())).hasSize(2);
    csb.mvc.perform(get("/csb/investigations").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("id=\"history\"")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"order-form\""))));
    assertThat(audit.verify()).isEmpty();
  }
}
