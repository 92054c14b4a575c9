package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Double data entry of a polling station through the screens, as typists and the coordinator use them: equal
 * entries become definitive, a difference is resolved by the coordinator, an error (F.203) goes to the
 * coordinator, and the second entry by the first typist is refused (product.md §3).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataEntryFlowTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired DataEntryService service;
  @Autowired AuditLog audit;

  DataEntryFixture fx;
  long ps;

  @BeforeEach
  void anElectionWithAGsbInDataEntry() throws Exception {
    fx = new DataEntryFixture(elections, users, 3);
    ps = fx.stations.get(0);
    mvc.perform(post("/dataentry/session").param("action", "START").with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
  }

  @Test
  void twoEqualEntriesByTwoTypistsMakeThePollingStationDefinitive() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    assertThat(state()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    enter(fx.bert, 2, DataEntryFixture.consistentForm(), false);
    assertThat(state()).isEqualTo(DataEntryStatus.DEFINITIVE);
    assertThat(audit.events(50)).filteredOn(e -> e.eventType().equals("DATA_ENTRY_FINALISED") && ours(e.details())).hasSize(2)
        .allSatisfy(e -> assertThat(e.remoteAddress()).isNotBlank());
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void theFormLabelsEveryFieldWithItsPaperCodeInPaperOrder() throws Exception {
    mvc.perform(post("/dataentry/" + ps + "/1/claim").with(as(fx.anna)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/" + ps + "/1"));
    String html = mvc.perform(get("/dataentry/" + ps + "/1").with(as(fx.anna)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Na 31-2 Bijlage 1")))
        .andExpect(content().string(containsString("<label for=\"f-A\"><span class=\"paper-code\">A</span> <span>Stempassen</span>")))
        .andExpect(content().string(containsString("/js/dataentry.js")))
        .andReturn().getResponse().getContentAsString();
    // Paper order: B1-1, B1-2, A, B, D, E.1, E.2, E, F, G, H, differences, list pages.
    int[] positions = {
        html.indexOf("id=\"f-extraInvestigation-otherReason-yes\""), html.indexOf("id=\"f-countingDifferences-explainedBySb-yes\""),
        html.indexOf("id=\"f-A\""), html.indexOf("id=\"f-D\""), html.indexOf("id=\"f-E-1\""), html.indexOf("id=\"f-E\""),
        html.indexOf("id=\"f-H\""), html.indexOf("id=\"f-compare-equal\""), html.indexOf("id=\"f-J\""),
        html.indexOf("id=\"f-list-1-candidate-1\""), html.indexOf("id=\"f-list-2-total\"")};
    for (int i = 0; i < positions.length; i++) {
      assertThat(positions[i]).as("field %d present", i).isPositive();
      if (i > 0) {
        assertThat(positions[i]).as("field %d after field %d", i, i - 1).isGreaterThan(positions[i - 1]);
      }
    }
    assertThat(html).doesNotContain("id=\"f-C\""); // no voter cards in a municipal election
    // Every input has a label pointing at it.
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<input [^>]*id=\"(f-[^\"]+)\"").matcher(html);
    int inputs = 0;
    while (ids.find()) {
      inputs++;
      assertThat(html).contains("for=\"" + ids.group(1) + "\"");
    }
    assertThat(inputs).isEqualTo(31); // 5 yes/no questions × 2, 16 counts on page 1, 3 boxes, 7 on the list pages
  }

  @Test
  void aDifferenceGoesToTheCoordinatorWhoKeepsTheFirstAndDiscardsTheSecond() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    Map<String, String> other = DataEntryFixture.consistentForm();
    other.put("F", "1");
    other.put("G", "3");
    // The second entry differs (W.001) and G is 3 % of H (W.202): warnings that must be accepted.
    claim(fx.bert, 2);
    submit(fx.bert, 2, other, "finalise", false)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Controleer de waarschuwingen")))
        .andExpect(content().string(containsString("W.001")));
    assertThat(state()).isEqualTo(DataEntryStatus.SECOND_ENTRY_IN_PROGRESS);
    submit(fx.bert, 2, other, "finalise", true).andExpect(redirectedUrl("/dataentry"));
    assertThat(state()).isEqualTo(DataEntryStatus.ENTRIES_DIFFERENT);

    // Only the coordinator sees both values.
    mvc.perform(get("/dataentry/" + ps + "/resolve").with(as(fx.anna))).andExpect(status().isForbidden());
    mvc.perform(get("/dataentry/" + ps + "/resolve").with(as(fx.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("2 velden verschillen")))
        .andExpect(content().string(containsString("Blanco stemmen")))
        .andExpect(content().string(containsString("<td class=\"num\">2</td>")))
        .andExpect(content().string(containsString("<td class=\"num\">3</td>")));
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", "KEEP_FIRST_DISCARD_SECOND")
            .with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
    assertThat(state()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("DATA_ENTRY_KEPT_FIRST")
        && e.details().contains("KEEP_FIRST_DISCARD_SECOND"));
    // A new second entry by another typist makes it definitive.
    enter(fx.carla, 2, DataEntryFixture.consistentForm(), false);
    assertThat(state()).isEqualTo(DataEntryStatus.DEFINITIVE);
  }

  @Test
  void keepFirstCorrectSecondReopensOnlyTheDifferingFieldsForTheSecondTypist() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    Map<String, String> other = DataEntryFixture.consistentForm();
    other.put("F", "1");
    other.put("G", "3");
    enter(fx.bert, 2, other, true);
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", "KEEP_FIRST_CORRECT_SECOND")
            .with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
    assertThat(state()).isEqualTo(DataEntryStatus.CORRECTION_IN_PROGRESS);
    // Bert finds it among his own entries; Anna, whose entry is kept, does not.
    mvc.perform(get("/dataentry").with(as(fx.bert)))
        .andExpect(content().string(containsString("/dataentry/" + ps + "/2/claim")));
    mvc.perform(get("/dataentry").with(as(fx.anna)))
        .andExpect(content().string(not(containsString("/dataentry/" + ps + "/"))));
    claim(fx.bert, 2);
    mvc.perform(get("/dataentry/" + ps + "/2").with(as(fx.bert)))
        .andExpect(content().string(containsString("W.002")))
        .andExpect(content().string(containsString("id=\"f-A\" name=\"A\" value=\"100\" aria-invalid=\"false\" data-code=\"A\" readonly=\"readonly\"")))
        .andExpect(content().string(containsString("id=\"f-F\" name=\"F\" value=\"\" aria-invalid=\"true\" aria-describedby=\"f-F-msg\" data-code=\"F\">")));
    Map<String, String> corrected = DataEntryFixture.consistentForm();
    corrected.put("A", "999"); // a closed field: what is posted for it is ignored
    submit(fx.bert, 2, corrected, "finalise", true).andExpect(redirectedUrl("/dataentry"))
        .andExpect(flash().attribute("done", "finalised.DEFINITIVE"));
    assertThat(state()).isEqualTo(DataEntryStatus.DEFINITIVE);
  }

  @Test
  void anF203ErrorIsShownBesideTheFieldsAndTheFinishedEntryGoesToTheCoordinator() throws Exception {
    Map<String, String> wrong = DataEntryFixture.consistentForm();
    wrong.put("G", "3"); // E + F + G = 101, H = 100: F.203
    claim(fx.anna, 1);
    submit(fx.anna, 1, wrong, "save", false)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(containsString("F.203")))
        .andExpect(content().string(containsString("id=\"f-H-msg\"")))
        .andExpect(content().string(containsString("aria-describedby=\"f-H-msg\"")));
    submit(fx.anna, 1, wrong, "finalise", true).andExpect(redirectedUrl("/dataentry"))
        .andExpect(flash().attribute("done", "finalised.ERRORS_IN_REPORT"));
    assertThat(state()).isEqualTo(DataEntryStatus.ERRORS_IN_REPORT);
    mvc.perform(get("/dataentry/" + ps + "/resolve").with(as(fx.coordinator)))
        .andExpect(content().string(containsString("F.203")));
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", "RESUME_FIRST_ENTRY")
            .with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
    assertThat(state()).isEqualTo(DataEntryStatus.FIRST_ENTRY_IN_PROGRESS);
  }

  @Test
  void theSecondEntryByTheFirstTypistIsRefused() throws Exception {
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    mvc.perform(post("/dataentry/" + ps + "/2/claim").with(as(fx.anna)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry"))
        .andExpect(flash().attribute("refusal", "NEEDS_DIFFERENT_USER"));
    assertThat(state()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    // And the list does not offer it to her.
    mvc.perform(get("/dataentry").with(as(fx.anna)))
        .andExpect(content().string(not(containsString("/dataentry/" + ps + "/2/claim"))));
  }

  @Test
  void typistsCannotEnterWhileTheSessionIsPausedNorManageTheSession() throws Exception {
    mvc.perform(post("/dataentry/session").param("action", "PAUSE").with(as(fx.anna)).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/dataentry/session").param("action", "PAUSE").with(as(fx.coordinator)).with(csrf()));
    mvc.perform(post("/dataentry/" + ps + "/1/claim").with(as(fx.anna)).with(csrf()))
        .andExpect(flash().attribute("refusal", "SESSION_NOT_OPEN"));
    assertThat(state()).isEqualTo(DataEntryStatus.NOT_STARTED);
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("COMMITTEE_SESSION_PAUSE"));
    mvc.perform(get("/dataentry/status").with(as(fx.coordinator)))
        .andExpect(content().string(containsString("Status: Invoer gepauzeerd")))
        .andExpect(content().string(containsString("value=\"UNPAUSE\"")));
    mvc.perform(get("/dataentry").with(as(fx.anna)))
        .andExpect(content().string(containsString("Invoeren kan nu niet")));
    mvc.perform(get("/dataentry/status").param("lang", "en").with(as(fx.coordinator)))
        .andExpect(content().string(containsString("Status: Data entry paused")));
  }

  @Test
  void aCountThatIsNotANumberIsRefusedAndNothingIsSaved() throws Exception {
    claim(fx.anna, 1);
    Map<String, String> form = DataEntryFixture.consistentForm();
    form.put("A", "1O0");
    submit(fx.anna, 1, form, "save", false)
        .andExpect(content().string(containsString("Vul een heel getal in")))
        .andExpect(content().string(containsString("value=\"1O0\"")));
    var view = service.typistView(service.committee(fx.committeeId).orElseThrow(), ps,
        nl.uitslag.domain.dataentry.EntryNumber.FIRST, new nl.uitslag.domain.dataentry.UserId(id(fx.anna)));
    assertThat(view.orElseThrow().results().voters().pollCards()).isZero();
  }

  @Test
  void theAdministratorCreatesATypistWithAOneTimePasswordForTheGsb() throws Exception {
    String name = "dirk" + fx.committeeId;
    String html = mvc.perform(post("/admin/users").param("username", name).param("fullName", "Dirk Invoer")
            .param("role", "TYPIST").param("committeeId", Long.toString(fx.committeeId))
            .with(user("beheer").roles("ADMINISTRATOR")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Gebruiker " + name + " (Dirk Invoer) is aangemaakt.")))
        .andReturn().getResponse().getContentAsString();
    var created = users.findByUsername(name).orElseThrow();
    assertThat(created.role()).isEqualTo(nl.uitslag.app.users.Role.TYPIST);
    assertThat(created.committeeId()).isEqualTo(fx.committeeId);
    assertThat(created.mustChangePassword()).isTrue();
    java.util.regex.Matcher otp = java.util.regex.Pattern.compile("id=\"one-time-password\">([A-Za-z2-9]{16})<")
        .matcher(html);
    assertThat(otp.find()).isTrue();
    assertThat(created.passwordHash()).doesNotContain(otp.group(1));
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("USER_CREATED") && e.details().contains(name));
    // Only administrators manage users.
    mvc.perform(get("/admin/users").with(as(fx.coordinator))).andExpect(status().isForbidden());
    mvc.perform(post("/admin/users").param("username", name).param("fullName", "Dirk Invoer")
            .param("role", "TYPIST").param("committeeId", Long.toString(fx.committeeId))
            .with(user("beheer").roles("ADMINISTRATOR")).with(csrf()))
        .andExpect(content().string(containsString("Deze gebruikersnaam bestaat al.")));
  }

  // ---------------------------------------------------------------- helpers

  private DataEntryStatus state() {
    DataEntryState s = service.state(service.committee(fx.committeeId).orElseThrow(), ps);
    return s.status();
  }

  private boolean ours(String auditDetails) {
    return auditDetails.contains("\"committee\":" + fx.committeeId + ",");
  }

  private long id(String username) {
    return users.findByUsername(username).orElseThrow().id();
  }

  private RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }

  private void claim(String typist, int n) throws Exception {
    mvc.perform(post("/dataentry/" + ps + "/" + n + "/claim").with(as(typist)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/" + ps + "/" + n));
  }

  private void enter(String typist, int n, Map<String, String> form, boolean acceptWarnings) throws Exception {
    claim(typist, n);
    submit(typist, n, form, "finalise", acceptWarnings).andExpect(redirectedUrl("/dataentry"));
  }

  private ResultActions submit(String typist, int n, Map<String, String> form, String action, boolean accept)
      throws Exception {
    MockHttpServletRequestBuilder post = post("/dataentry/" + ps + "/" + n).with(as(typist)).with(csrf())
        .param("action", action);
    form.forEach(post::param);
    if (accept) {
      post.param("acceptWarnings", "true");
    }
    return mvc.perform(post);
  }
}
