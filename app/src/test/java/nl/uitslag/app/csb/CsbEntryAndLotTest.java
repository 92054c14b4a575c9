package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.apportionment.Lot;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small GR1 election whose CSB totals are typed twice by hand: differences are resolved by the coordinator as in
 * data entry, an entry with errors goes to the coordinator, and a tie for the last seat stops the computation for a
 * physical lot (Kieswet P 8 lid 3); the result cannot be finalised until its outcome is recorded.
 *
 * <p>Votes: list 1 = 10 + 5 = 15, list 2 = 15, list 3 = 10; 1 seat; kiesdeler 40. No list reaches a full seat
 * (P 6) nor ¾ of the kiesdeler (P 8 lid 1), so the seat goes by largest average with one seat per list
 * (P 8 lid 3): lists 1 and 2 tie at 15 for one seat.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CsbEntryAndLotTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ElectionRepository elections;
  @Autowired CsbService service;
  @Autowired CsbResultService results;
  @Autowired AuditLog audit;

  CsbTestSupport csb;
  String source;

  @BeforeEach
  void aCsbWithOneMunicipality() {
    int n = SEQ.incrementAndGet();
    source = String.format("%04d", 9000 + n);
    long electionId = elections.insertElection(new ElectionView(0, "GR2026_Lot" + n, "Gemeenteraad Lot " + n, "GR",
        "GR1", LocalDate.of(2026, 3, 18), 1, "Lotdorp", source, "CSO", null), Instant.parse("2026-03-01T10:00:00Z"));
    elections.insertList(electionId, new ListView(1, "Een", candidates(2)));
    elections.insertList(electionId, new ListView(2, "Twee", candidates(1)));
    elections.insertList(electionId, new ListView(3, "Drie", candidates(1)));
    long committee = elections.insertCommittee(electionId, "CSB", "Centraal stembureau Lotdorp " + n, "CSB");
    csb = CsbTestSupport.forCommittee(mvc, details, users, committee);
  }

  private static List<CandidateView> candidates(int count) {
    List<CandidateView> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new CandidateView(i, "K.", null, null, "Kandidaat" + i, "Lotdorp", null));
    }
    return out;
  }

  /** Consistent GSB totals: D = H = 43, E = 40 (15 + 15 + 10), F = 2, G = 1. */
  static GsbResults totals(int firstCandidateOfList1) {
    int list1 = firstCandidateOfList1 + 5;
    int e = list1 + 25;
    return new GsbResults(100, new VoterCounts(e + 3, 0, null, e + 3),
        new VotesCounts(List.of(new ListTotal(1, list1), new ListTotal(2, 15), new ListTotal(3, 10)), e, 2, 1, e + 3),
        0, 0, List.of(new ListVotes(1, List.of(firstCandidateOfList1, 5), list1), new ListVotes(2, List.of(15), 15),
            new ListVotes(3, List.of(10), 10)));
  }

  private DataEntryStatus status() {
    return service.source(service.csb(csb.committeeId).orElseThrow(), source).state().status();
  }

  @Test
  void differentEntriesAreResolvedByTheCoordinatorAndAThirdTypistMakesThemDefinitive() throws Exception {
    csb.enter(csb.anna, source, 1, totals(10)).andExpect(flash().attribute("finished", "FIRST_ENTRY_FINISHED"));
    csb.enter(csb.bert, source, 2, totals(11)).andExpect(flash().attribute("finished", "ENTRIES_DIFFERENT"));
    csb.mvc.perform(get("/csb/" + source + "/resolve").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("Kandidaat1")))
        .andExpect(content().string(containsString("KEEP_SECOND_CORRECT_FIRST")));
    csb.asCoordinator(post("/csb/" + source + "/resolve").param("action", "KEEP_FIRST_DISCARD_SECOND"));
    assertThat(status()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    csb.enter(csb.carla, source, 2, totals(10)).andExpect(flash().attribute("finished", "DEFINITIVE"));
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("CSB_ENTRY_DIFFERENCES_RESOLVED")
        || e.details().contains("KEEP_FIRST_DISCARD_SECOND"));
  }

  @Test
  void anEntryWithErrorsGoesToTheCoordinatorWhoReturnsItToTheTypist() throws Exception {
    GsbResults good = totals(10);
    // E (total votes on candidates) no longer equals the sum of the list totals.
    GsbResults bad = new GsbResults(100, good.voters(), new VotesCounts(good.votes().listTotals(), 41, 2, 1, 43), 0,
        0, good.lists());
    csb.enter(csb.anna, source, 1, bad).andExpect(flash().attribute("finished", "ERRORS_IN_REPORT"));
    csb.mvc.perform(get("/csb/" + source + "/resolve").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("RESUME_FIRST_ENTRY")));
    csb.asCoordinator(post("/csb/" + source + "/resolve").param("action", "RESUME_FIRST_ENTRY"));
    assertThat(status()).isEqualTo(DataEntryStatus.FIRST_ENTRY_IN_PROGRESS);
    csb.enter(csb.anna, source, 1, good).andExpect(flash().attribute("finished", "FIRST_ENTRY_FINISHED"));
  }

  @Test
  void aLotStopsTheResultUntilTheCoordinatorRecordsTheOutcomeOfThePhysicalDraw() throws Exception {
    csb.enter(csb.anna, source, 1, totals(10));
    csb.enter(csb.bert, source, 2, totals(10)).andExpect(flash().attribute("finished", "DEFINITIVE"));
    var c = service.csb(csb.committeeId).orElseThrow();
    Lot lot = results.view(c).lot();
    assertThat(lot).isNotNull();
    assertThat(lot.options()).containsExactly("list 1", "list 2");
    assertThat(lot.article()).isEqualTo("P 8 lid 3");
    assertThat(lot.value().toString()).isEqualTo("15");
    csb.mvc.perform(get("/csb/result").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("Loting nodig")))
        .andExpect(content().string(containsString("Lijst 2 – Twee")));

    csb.asCoordinator(post("/csb/result/finalise")).andExpect(flash().attribute("resultRefusal", "LOT_PENDING"));
    csb.asCoordinator(post("/csb/result/lot").param("outcome", "list 3"))
        .andExpect(flash().attribute("resultRefusal", "lot"));
    assertThat(results.view(c).lots()).isEmpty();

    csb.asCoordinator(post("/csb/result/lot").param("outcome", "list 2"));
    var r = results.view(c).result();
    assertThat(r).isNotNull();
    assertThat(r.seats()).containsEntry(1, 0).containsEntry(2, 1).containsEntry(3, 0);
    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("CSB_LOT_RECORDED")
        && e.details().contains("list 2"));

    csb.asCoordinator(post("/csb/result/finalise"));
    assertThat(service.finalised(c)).isTrue();
    byte[] pdf = csb.mvc.perform(get("/csb/documents/P22_2").with(csb.as(csb.coordinator))).andReturn()
        .getResponse().getContentAsByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Lijst 2 – Twee")
          .contains("Uitkomst van de loting");
    }
    // The lots of a finalised result cannot be changed; reopening lets the coordinator start over.
    csb.asCoordinator(post("/csb/result/lots/clear"));
    assertThat(results.view(c).lots()).containsExactly("list 2");
    csb.asCoordinator(post("/csb/result/reopen"));
    assertThat(service.finalised(c)).isFalse();
  }

  @Test
  void aUserOfAnotherCommitteeGetsNotFound() throws Exception {
    long gsb = elections.insertCommittee(elections.findAll().get(0).id(), "GSB", "GSB elders", "0001");
    users.insert("gsbuser" + SEQ.incrementAndGet(), "Elders", "unused", nl.uitslag.app.users.Role.COORDINATOR, gsb,
        false, Instant.now());
    String name = "gsbuser" + SEQ.get();
    csb.mvc.perform(get("/csb").with(csb.as(name)))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
  }
}
