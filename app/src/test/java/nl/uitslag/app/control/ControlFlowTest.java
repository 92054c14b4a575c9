package nl.uitslag.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.control.ListDraw;
import nl.uitslag.domain.control.NotableRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The coordinator's control protocol through the screens over results made definitive by double entry: the
 * draw from a seed, the worksheets, the hand totals and comparison, the recorded outcome (osv.md §3), and the
 * notable results with explanations; every change audited, and the read API the PV is filled from.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ControlFlowTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ControlService service;
  @Autowired AuditLog audit;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  long committeeId;
  String identifier;
  String coordinator;
  String anna;
  String bert;
  List<Long> stations;

  /**
   * A GR election with a CSO GSB: list 1 (3 candidates), list 2 (2 candidates), 3 polling stations entered twice
   * and definitive. Station 1: 60 + 35, 1 blank; station 2: 50 + 45, 5 blank (≥ 3 %: notable); station 3: 70 + 25.
   * The software's totals: list 1 180, list 2 105.
   */
  @BeforeEach
  void threeDefinitiveStations() throws Exception {
    int n = SEQ.incrementAndGet();
    Instant now = Instant.parse("2026-03-18T21:00:00Z");
    identifier = "GR2026_Controle" + n;
    long electionId = elections.insertElection(new ElectionView(0, identifier, "Gemeenteraad Controle " + n, "GR",
        "GR1", LocalDate.of(2026, 3, 18), 19, "Controledorp", "9998", "CSO", null), now);
    elections.insertList(electionId, new ListView(1, "Partij Een", candidates(3)));
    elections.insertList(electionId, new ListView(2, "Partij Twee", candidates(2)));
    for (int i = 1; i <= 3; i++) {
      elections.insertPollingStation(electionId, new PollingStationView(0, i, "Stembureau " + i, null, null, "FIXED",
          null));
    }
    committeeId = elections.insertCommittee(electionId, "GSB", "Gemeentelijk stembureau Controledorp " + n, "9998");
    stations = elections.pollingStations(electionId).stream().map(PollingStationView::id).toList();
    coordinator = "ccoord" + n;
    anna = "canna" + n;
    bert = "cbert" + n;
    users.insert(coordinator, "Coby Coördinator", "unused", Role.COORDINATOR, committeeId, false, now);
    users.insert(anna, "Anna Invoer", "unused", Role.TYPIST, committeeId, false, now);
    users.insert(bert, "Bert Invoer", "unused", Role.TYPIST, committeeId, false, now);
    mvc.perform(post("/dataentry/session").param("action", "START").with(as(coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
    long[][] figures = {{40, 15, 5, 30, 5, 1}, {30, 15, 5, 40, 5, 5}, {50, 15, 5, 20, 5, 0}};
    for (int i = 0; i < 3; i++) {
      Map<String, String> form = form(figures[i]);
      enter(anna, stations.get(i), 1, form);
      enter(bert, stations.get(i), 2, form);
    }
  }

  @Test
  void theGuidedCheckDrawsComparesAndRecordsTheOutcome() throws Exception {
    mvc.perform(get("/control").with(as(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"step-seed\"")))
        .andExpect(content().string(not(containsString("id=\"not-all-definitive\""))));
    mvc.perform(post("/control/draw").param("seed", " 4  2 6 ").param("count", "2").with(as(coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/control"))
        .andExpect(flash().attribute("done", "DRAWN"));
    List<Integer> expected = ListDraw.draw(new ListDraw.Request(identifier, 1, "4 2 6", List.of(1, 2), 2)).drawnLists();
    // Before the hand totals the software's sums (list 1: 180, list 2: 105) are not on the page.
    String page = mvc.perform(get("/control").with(as(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Startwaarde \u201c4 2 6\u201d")))
        .andExpect(content().string(containsString("id=\"step-hand\"")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("id=\"comparison\"").doesNotContain(">180<").doesNotContain(">105<");
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("CONTROL_LISTS_DRAWN")
        && e.details().contains("4 2 6") && e.details().contains(expected.toString().replace(" ", "")));

    mvc.perform(get("/control/worksheets.pdf").with(as(coordinator)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andExpect(content().string(containsString("%PDF-")));

    mvc.perform(post("/control/hand-totals").param("list.1", "180").param("list.2", "105")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "COMPARED"));
    mvc.perform(get("/control").with(as(coordinator)))
        .andExpect(content().string(containsString("id=\"comparison\"")))
        .andExpect(content().string(containsString("Alle handmatige totalen zijn gelijk")));
    mvc.perform(post("/control/record").param("remarks", "").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "RECORDED"));
    mvc.perform(get("/control").with(as(coordinator)))
        .andExpect(content().string(containsString("id=\"step-recorded\"")))
        .andExpect(content().string(not(containsString("id=\"step-hand\""))));

    ControlService.SessionControlReport report = service.report(committeeId).orElseThrow();
    assertThat(report.controlProtocol()).isPresent();
    assertThat(report.controlProtocol().get().drawnListNumbers()).isEqualTo(expected);
    assertThat(report.controlProtocol().get().totalsMatch()).isTrue();
    assertThat(report.controlProtocol().get().seed()).as("the PV prints the seed").isEqualTo("4 2 6");
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("CONTROL_OUTCOME_RECORDED"));
    assertThat(audit.verify()).isEmpty();
    // Once recorded, nothing changes any more.
    mvc.perform(post("/control/hand-totals").param("list.1", "1").param("list.2", "1")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "ALREADY_RECORDED"));
  }

  @Test
  void aDifferenceNeedsFindingsAndIsReportedAsNotMatching() throws Exception {
    draw("1 1 1");
    mvc.perform(post("/control/hand-totals").param("list.1", "179").param("list.2", "105")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "COMPARED"));
    mvc.perform(get("/control").with(as(coordinator)))
        .andExpect(content().string(containsString("Er zijn verschillen")))
        .andExpect(content().string(containsString("<td class=\"num\">-1</td>")));
    mvc.perform(post("/control/record").param("remarks", "  ").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "REMARKS_REQUIRED"));
    mvc.perform(post("/control/record").param("remarks", "Stembureau 2 opnieuw opgeteld: telfout op het werkblad.")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "RECORDED"));
    var outcome = service.report(committeeId).orElseThrow().controlProtocol().orElseThrow();
    assertThat(outcome.totalsMatch()).isFalse();
    assertThat(outcome.remarks()).contains("telfout");
  }

  @Test
  void theDrawIsNeverRedoneAndBadInputIsRefused() throws Exception {
    mvc.perform(post("/control/draw").param("seed", "dobbelsteen \u00e9").param("count", "2")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "SEED_INVALID"));
    mvc.perform(post("/control/draw").param("seed", "   ").param("count", "2").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "SEED_EMPTY"));
    mvc.perform(post("/control/draw").param("seed", "5").param("count", "3").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "COUNT"));
    draw("6 6 6");
    mvc.perform(post("/control/draw").param("seed", "1 2 3").param("count", "2").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "ALREADY_DRAWN"));
    mvc.perform(get("/control").with(as(coordinator))).andExpect(content().string(containsString("6 6 6")));
    mvc.perform(post("/control/hand-totals").param("list.1", "abc").param("list.2", "1")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "HAND_TOTAL"));
    mvc.perform(post("/control/record").param("remarks", "x").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "NOT_COMPARED"));
  }

  @Test
  void aStoredDrawThatDoesNotFollowFromItsSeedIsRefused() throws Exception {
    draw("2 2 2");
    List<Integer> drawn = ListDraw.draw(new ListDraw.Request(identifier, 1, "2 2 2", List.of(1, 2), 2)).drawnLists();
    String swapped = drawn.get(1) + "," + drawn.get(0);
    jdbc.sql("UPDATE control_check SET drawn_lists = ? WHERE session_id = (SELECT id FROM committee_session"
        + " WHERE committee_id = ?)").params(swapped, committeeId).update();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/control").with(as(coordinator))))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause().hasMessageContaining("does not follow from seed");
  }

  @Test
  void onlyTheCoordinatorRunsTheProtocol() throws Exception {
    mvc.perform(get("/control").with(as(anna))).andExpect(status().isForbidden());
    mvc.perform(get("/control/notable").with(as(anna))).andExpect(status().isForbidden());
    mvc.perform(post("/control/draw").param("seed", "1").with(as(anna)).with(csrf())).andExpect(status().isForbidden());
  }

  @Test
  void notableResultsAreExplainedOrGetARecountAndGoIntoTheReport() throws Exception {
    mvc.perform(get("/control/notable").with(as(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("5 blanco stemmen van 100 uitgebrachte stemmen (5,0 %)")))
        .andExpect(content().string(containsString("3 van de 3 stembureaus")));
    String key = NotableRule.BLANK_VOTES.code() + ":2";
    mvc.perform(post("/control/notable/decision").param("key", key).param("decision", "EXPLAINED")
            .param("explanation", " ").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "EXPLANATION_REQUIRED"));
    mvc.perform(post("/control/notable/decision").param("key", key).param("decision", "EXPLAINED")
            .param("explanation", "Actie voor blanco stemmen in de wijk.").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "DECIDED"));
    mvc.perform(post("/control/notable/decision").param("key", "OU.1:99").param("decision", "RECOUNT_ORDERED")
            .with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("error", "UNKNOWN_FLAG"));
    mvc.perform(get("/control/notable").with(as(coordinator)))
        .andExpect(content().string(containsString("Actie voor blanco stemmen in de wijk.")));
    mvc.perform(get("/control/notable").param("lang", "en").with(as(coordinator)))
        .andExpect(content().string(containsString("5 blank votes of 100 votes cast (5.0 %)")));
    ControlService.SessionControlReport report = service.report(committeeId).orElseThrow();
    assertThat(report.controlProtocol()).isEmpty();
    assertThat(report.stationsChecked()).isEqualTo(3);
    assertThat(report.notable()).anySatisfy(i -> {
      assertThat(i.flag().key()).isEqualTo(key);
      assertThat(i.decision()).isEqualTo(Decision.EXPLAINED);
      assertThat(i.explanation()).isEqualTo("Actie voor blanco stemmen in de wijk.");
    });
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("NOTABLE_RESULT_DECIDED") && e.details().contains(key));
    mvc.perform(get("/control/notable.pdf").with(as(coordinator)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"));
  }

  @Test
  void thresholdsArePerElectionAndChangeTheFlags() throws Exception {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("blankPercent", "6");
    t.put("invalidPercent", "3");
    t.put("listShareDeviationPoints", "50");
    t.put("differenceAbsolute", "15");
    t.put("differencePercent", "2");
    t.put("swapFactor", "10");
    t.put("swapMinimumVotes", "20");
    t.put("swapMinimumExpected", "20");
    t.put("swapMinimumReferenceStations", "2");
    MockHttpServletRequestBuilder p = post("/control/notable/thresholds").with(as(coordinator)).with(csrf());
    t.forEach(p::param);
    mvc.perform(p).andExpect(flash().attribute("done", "THRESHOLDS"));
    assertThat(service.report(committeeId).orElseThrow().notable())
        .noneMatch(i -> i.flag().rule() == NotableRule.BLANK_VOTES);
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("NOTABLE_THRESHOLDS_CHANGED"));
    t.put("swapFactor", "1");
    MockHttpServletRequestBuilder bad = post("/control/notable/thresholds").with(as(coordinator)).with(csrf());
    t.forEach(bad::param);
    mvc.perform(bad).andExpect(flash().attribute("error", "THRESHOLDS"));
  }

  // ------------------------------------------------------------------ helpers

  private void draw(String seed) throws Exception {
    mvc.perform(post("/control/draw").param("seed", seed).param("count", "2").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("done", "DRAWN"));
  }

  private static List<CandidateView> candidates(int count) {
    List<CandidateView> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new CandidateView(i, "K.", null, null, "Kandidaat" + i, "Controledorp", null));
    }
    return out;
  }

  /** A Na 31-2 Bijlage 1 with D = H: list 1 candidates a, b, c; list 2 candidates d, e; then blank. */
  private static Map<String, String> form(long[] f) {
    long l1 = f[0] + f[1] + f[2];
    long l2 = f[3] + f[4];
    long h = l1 + l2 + f[5];
    Map<String, String> p = new LinkedHashMap<>();
    p.put("extraInvestigation.otherReason.no", "true");
    p.put("extraInvestigation.ballotsRecounted.no", "true");
    p.put("countingDifferences.explainedBySb.yes", "true");
    p.put("countingDifferences.listTotalsDiffer.no", "true");
    p.put("A", Long.toString(h));
    p.put("D", Long.toString(h));
    p.put("E.1", Long.toString(l1));
    p.put("E.2", Long.toString(l2));
    p.put("E", Long.toString(l1 + l2));
    p.put("F", Long.toString(f[5]));
    p.put("G", "0");
    p.put("H", Long.toString(h));
    p.put("compare.equal", "true");
    p.put("list.1.candidate.1", Long.toString(f[0]));
    p.put("list.1.candidate.2", Long.toString(f[1]));
    p.put("list.1.candidate.3", Long.toString(f[2]));
    p.put("list.1.total", Long.toString(l1));
    p.put("list.2.candidate.1", Long.toString(f[3]));
    p.put("list.2.candidate.2", Long.toString(f[4]));
    p.put("list.2.total", Long.toString(l2));
    return p;
  }

  private void enter(String typist, long station, int n, Map<String, String> form) throws Exception {
    mvc.perform(post("/dataentry/" + station + "/" + n + "/claim").with(as(typist)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/" + station + "/" + n));
    MockHttpServletRequestBuilder p = post("/dataentry/" + station + "/" + n).with(as(typist)).with(csrf())
        .param("action", "finalise").param("acceptWarnings", "true");
    form.forEach(p::param);
    mvc.perform(p).andExpect(redirectedUrl("/dataentry"));
  }

  private RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }
}
