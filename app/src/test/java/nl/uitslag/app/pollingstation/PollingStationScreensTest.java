package nl.uitslag.app.pollingstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrator's polling stations and election settings (abacus.md §5: only before data entry of that
 * station), with their effect on the committee session (§3: first data source, last removed) and the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PollingStationScreensTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired AuditLog audit;
  @Autowired DataEntryRepository dataEntry;
  @Autowired JdbcClient jdbc;

  long election;
  long committee;
  String admin;
  String coordinator;
  String typist;

  @BeforeEach
  void anElectionWithoutPollingStations() {
    int n = SEQ.incrementAndGet();
    Instant now = Instant.now();
    election = elections.insertElection(new ElectionView(0, "GR2026_Ps" + n, "Gemeenteraad Ps " + n, "GR", "GR1",
        LocalDate.of(2026, 3, 18), 19, "Psdorp", "9998", "CSO", null), now);
    elections.insertList(election, new ListView(1, "Partij", List.of(
        new CandidateView(1, "A.", null, null, "Een", "Psdorp", null))));
    committee = elections.insertCommittee(election, "GSB", "Gemeentelijk stembureau Psdorp " + n, "9998");
    admin = "psadmin" + n;
    coordinator = "pscoord" + n;
    typist = "pstypist" + n;
    users.insert(admin, "Beheerder", "unused", Role.ADMINISTRATOR, null, false, now);
    users.insert(coordinator, "Coördinator", "unused", Role.COORDINATOR, committee, false, now);
    users.insert(typist, "Invoerder", "unused", Role.TYPIST, committee, false, now);
  }

  @Test
  void addingTheFirstStationMakesTheSessionReadyAndRemovingTheLastUndoesIt() throws Exception {
    // The coordinator opens the overview before any station exists: the session is stored as created.
    mvc.perform(post("/dataentry/session").param("action", "START").with(as(coordinator)).with(csrf()))
        .andExpect(flash().attribute("sessionRefusal", "NO_DATA_SOURCES"));
    assertThat(sessionStatus()).isEqualTo(CommitteeSessionStatus.CREATED);

    long before = audit.count();
    add("1", "Stembureau Gemeentehuis", "1234ab", "FIXED", "1500").andExpect(flash().attribute("done", "added"));
    assertThat(sessionStatus()).isEqualTo(CommitteeSessionStatus.IN_PREPARATION);
    assertThat(audit.count()).isEqualTo(before + 2);
    assertThat(audit.events(2)).extracting(e -> e.eventType())
        .containsExactlyInAnyOrder("POLLING_STATION_CREATED", "COMMITTEE_SESSION_UPDATED");
    mvc.perform(get("/admin/elections/" + election + "/polling-stations").with(as(admin)))
        .andExpect(content().string(containsString("1234 AB")))
        .andExpect(content().string(containsString("Stembureau Gemeentehuis")));

    long id = stationId(1);
    mvc.perform(post("/admin/elections/" + election + "/polling-stations/" + id + "/delete").with(as(admin))
        .with(csrf())).andExpect(flash().attribute("done", "deleted"));
    assertThat(sessionStatus()).isEqualTo(CommitteeSessionStatus.CREATED);
  }

  @Test
  void badInputIsRefusedWithTheReasonAndWritesNothing() throws Exception {
    add("1", "Een", "", "FIXED", "").andExpect(flash().attribute("done", "added"));
    long before = audit.count();
    add("1", "Dubbel", "", "FIXED", "").andExpect(content().string(containsString("al een stembureau met dit nummer")));
    add("0", "Nul", "", "FIXED", "").andExpect(content().string(containsString("tussen 1 en 99999")));
    add("twee", "Tekst", "", "FIXED", "").andExpect(content().string(containsString("tussen 1 en 99999")));
    add("2", "  ", "", "FIXED", "").andExpect(content().string(containsString("Vul een naam in")));
    add("2", "Twee", "12345", "FIXED", "").andExpect(content().string(containsString("1234 AB")));
    add("2", "Twee", "", "BOAT", "").andExpect(content().string(containsString("Kies een soort")));
    assertThat(audit.count()).as("refusals write no audit event").isEqualTo(before);
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void aStationWhoseEntryStartedCannotBeChangedOrRemoved() throws Exception {
    add("1", "Een", "", "FIXED", "").andExpect(flash().attribute("done", "added"));
    add("2", "Twee", "", "FIXED", "").andExpect(flash().attribute("done", "added"));
    long one = stationId(1);
    long two = stationId(2);
    mvc.perform(post("/dataentry/session").param("action", "START").with(as(coordinator)).with(csrf()));
    mvc.perform(post("/dataentry/" + one + "/1/claim").with(as(typist)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/" + one + "/1"));

    long before = audit.count();
    mvc.perform(post("/admin/elections/" + election + "/polling-stations/" + one).param("number", "1")
            .param("name", "Anders").param("kind", "FIXED").with(as(admin)).with(csrf()))
        .andExpect(content().string(containsString("De invoer van dit stembureau is begonnen")));
    mvc.perform(post("/admin/elections/" + election + "/polling-stations/" + one + "/delete").with(as(admin))
        .with(csrf())).andExpect(flash().attribute("refusal", "ENTRY_STARTED"));
    assertThat(audit.count()).isEqualTo(before);

    // The other station can still be changed.
    mvc.perform(post("/admin/elections/" + election + "/polling-stations/" + two).param("number", "2")
            .param("name", "Twee (gymzaal)").param("kind", "SPECIAL").param("eligibleVoters", "800")
            .with(as(admin)).with(csrf()))
        .andExpect(flash().attribute("done", "updated"));
    assertThat(jdbc.sql("SELECT name || '/' || kind || '/' || eligible_voters FROM polling_station WHERE id = ?")
        .param(two).query(String.class).single()).isEqualTo("Twee (gymzaal)/SPECIAL/800");

    // Counting method and eligible voters are fixed once entry started.
    mvc.perform(post("/admin/elections/" + election + "/settings").param("countingMethod", "DSO")
            .param("eligibleVoters", "1000").with(as(admin)).with(csrf()))
        .andExpect(content().string(containsString("De invoer is al begonnen")));
    assertThat(jdbc.sql("SELECT counting_method FROM election WHERE id = ?").param(election)
        .query(String.class).single()).isEqualTo("CSO");
  }

  @Test
  void theAdministratorSetsCountingMethodAndEligibleVotersBeforeDataEntry() throws Exception {
    mvc.perform(post("/admin/elections/" + election + "/settings").param("countingMethod", "DSO")
            .param("eligibleVoters", "12345").with(as(admin)).with(csrf()))
        .andExpect(redirectedUrl("/elections/" + election));
    assertThat(jdbc.sql("SELECT counting_method || '/' || eligible_voters FROM election WHERE id = ?")
        .param(election).query(String.class).single()).isEqualTo("DSO/12345");
    assertThat(audit.events(1).get(0).eventType()).isEqualTo("ELECTION_UPDATED");
    long before = audit.count();
    mvc.perform(post("/admin/elections/" + election + "/settings").param("countingMethod", "XYZ")
        .with(as(admin)).with(csrf())).andExpect(content().string(containsString("Kies CSO of DSO")));
    mvc.perform(post("/admin/elections/" + election + "/settings").param("countingMethod", "CSO")
            .param("eligibleVoters", "-5").with(as(admin)).with(csrf()))
        .andExpect(content().string(containsString("heel getal")));
    assertThat(audit.count()).isEqualTo(before);
  }

  @Test
  void onlyTheAdministratorManagesPollingStations() throws Exception {
    mvc.perform(get("/admin/elections/" + election + "/polling-stations").with(as(coordinator)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/elections/" + election + "/settings").with(as(typist)))
        .andExpect(status().isForbidden());
  }

  private ResultActions add(String number, String name, String postcode, String kind, String voters)
      throws Exception {
    return mvc.perform(post("/admin/elections/" + election + "/polling-stations").param("number", number)
        .param("name", name).param("postcode", postcode).param("kind", kind).param("eligibleVoters", voters)
        .with(as(admin)).with(csrf()));
  }

  private long stationId(int number) {
    return jdbc.sql("SELECT id FROM polling_station WHERE election_id = ? AND number = ?")
        .params(election, number).query(Long.class).single();
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM polling_station WHERE election_id = ?").param(election)
        .query(Integer.class).single();
  }

  private CommitteeSessionStatus sessionStatus() {
    return dataEntry.currentSession(committee).orElseThrow().session().status();
  }

  private RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }
}
