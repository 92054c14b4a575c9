package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.backup.BackupService;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.DataEntryStatus;
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
 * Before a completed session is reopened, or a polling station's entries are thrown away (both entries after a
 * difference, or a first entry with errors), a checked backup is made that still holds what is about to change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataEntryBackupTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired BackupService backups;
  @Autowired AuditLog audit;
  @Autowired DataEntryService service;

  DataEntryFixture fx;
  long ps;

  @BeforeEach
  void oneStationInDataEntry() throws Exception {
    fx = new DataEntryFixture(elections, users, 1);
    ps = fx.stations.get(0);
    session("START");
  }

  @Test
  void reopeningACompletedSessionIsPrecededByABackupOfTheCompletedState() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm());
    enter(fx.bert, 2, DataEntryFixture.consistentForm());
    session("COMPLETE");
    List<Path> before = risky();

    session("REOPEN");

    Path copy = newRiskyCopy(before);
    assertThat(BackupService.integrityCheck(copy)).isEmpty();
    assertThat(query(copy, "SELECT status FROM committee_session WHERE committee_id = " + fx.committeeId))
        .isEqualTo("COMPLETED");
    assertThat(audit.events(5)).anyMatch(e -> e.eventType().equals("BACKUP_CREATED")
        && e.details().contains("BEFORE_RISKY_OPERATION") && e.details().contains(copy.getFileName().toString()));
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void discardingBothEntriesIsPrecededByABackupThatStillHoldsThem() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm());
    Map<String, String> other = new java.util.LinkedHashMap<>(DataEntryFixture.consistentForm());
    other.put("list.1.candidate.1", "40");
    other.put("list.1.candidate.2", "16");
    enter(fx.bert, 2, other);
    assertThat(stationStatusNow()).isEqualTo(DataEntryStatus.ENTRIES_DIFFERENT.name());
    List<Path> before = risky();

    resolve("DISCARD_BOTH");

    assertThat(stationStatusNow()).isEqualTo(DataEntryStatus.NOT_STARTED.name());
    Path copy = newRiskyCopy(before);
    assertThat(query(copy, "SELECT status FROM polling_station_entry WHERE polling_station_id = " + ps))
        .isEqualTo(DataEntryStatus.ENTRIES_DIFFERENT.name());
  }

  @Test
  void discardingAFirstEntryWithErrorsIsPrecededByABackup() throws Exception {
    Map<String, String> wrong = new java.util.LinkedHashMap<>(DataEntryFixture.consistentForm());
    wrong.put("G", "3"); // E + F + G = 101, H = 100: F.203
    claim(fx.anna, 1);
    submit(fx.anna, 1, wrong, "finalise").andExpect(redirectedUrl("/dataentry"));
    assertThat(stationStatusNow()).isEqualTo(DataEntryStatus.ERRORS_IN_REPORT.name());
    List<Path> before = risky();

    resolve("DISCARD_FIRST_ENTRY");

    Path copy = newRiskyCopy(before);
    assertThat(query(copy, "SELECT status FROM polling_station_entry WHERE polling_station_id = " + ps))
        .isEqualTo(DataEntryStatus.ERRORS_IN_REPORT.name());
  }

  @Test
  void resettingADefinitiveResultIsPrecededByABackupThatStillHoldsIt() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm());
    enter(fx.bert, 2, DataEntryFixture.consistentForm());
    assertThat(stationStatusNow()).isEqualTo(DataEntryStatus.DEFINITIVE.name());
    List<Path> before = risky();

    var step = service.reset(service.committee(fx.committeeId).orElseThrow(), ps, new nl.uitslag.domain.dataentry.UserId(
        users.findByUsername(fx.coordinator).orElseThrow().id()), nl.uitslag.app.audit.Actor.console());

    assertThat(step.accepted()).isTrue();
    Path copy = newRiskyCopy(before);
    assertThat(query(copy, "SELECT status FROM polling_station_entry WHERE polling_station_id = " + ps))
        .isEqualTo(DataEntryStatus.DEFINITIVE.name());
  }

  @Test
  void aRefusedDiscardMakesNoCopy() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm());
    List<Path> before = risky();
    // Nothing differs yet: the coordinator's DISCARD_BOTH is refused by the machine, so nothing is backed up.
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", "DISCARD_BOTH")
        .with(as(fx.coordinator)).with(csrf()));
    assertThat(risky()).isEqualTo(before);
  }

  @Test
  void ordinaryResolutionsAndSessionActionsMakeNoExtraCopy() throws Exception {
    List<Path> before = risky();
    session("PAUSE");
    session("UNPAUSE");
    enter(fx.anna, 1, DataEntryFixture.consistentForm());
    assertThat(risky()).isEqualTo(before);
  }

  private List<Path> risky() {
    return backups.list().stream()
        .filter(p -> p.getFileName().toString().endsWith("-before_risky_operation.db"))
        .toList();
  }

  private Path newRiskyCopy(List<Path> before) {
    List<Path> now = new java.util.ArrayList<>(risky());
    now.removeAll(before);
    assertThat(now).as("exactly one new before_risky_operation copy").hasSize(1);
    return now.get(0);
  }

  private String stationStatusNow() {
    return service.state(service.committee(fx.committeeId).orElseThrow(), ps).status().name();
  }

  private static String query(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private void session(String action) throws Exception {
    mvc.perform(post("/dataentry/session").param("action", action).with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
  }

  private void resolve(String action) throws Exception {
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", action).with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
  }

  private RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }

  private void claim(String typist, int n) throws Exception {
    mvc.perform(post("/dataentry/" + ps + "/" + n + "/claim").with(as(typist)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/" + ps + "/" + n));
  }

  private void enter(String typist, int n, Map<String, String> form) throws Exception {
    claim(typist, n);
    submit(typist, n, form, "finalise").andExpect(redirectedUrl("/dataentry"));
  }

  private org.springframework.test.web.servlet.ResultActions submit(
      String typist, int n, Map<String, String> form, String action) throws Exception {
    // Warnings (such as W.001, a second entry that differs) are accepted, as the typist would after checking.
    MockHttpServletRequestBuilder post = post("/dataentry/" + ps + "/" + n).with(as(typist)).with(csrf())
        .param("action", action).param("acceptWarnings", "true");
    form.forEach(post::param);
    return mvc.perform(post);
  }
}
