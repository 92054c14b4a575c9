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

import java.time.Instant;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
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
 * The screens of issue 5 beyond the entry form: the observer's self-refreshing progress (role OBSERVER only, no
 * figures, stops polling when the session does not run), activity per typist, the coordinator's explanation of an
 * accepted warning (W.201) kept for the report, and refused operations that leave no audit event.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GsbScreensTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired AuditLog audit;
  @Autowired DataEntryRepository repo;
  @Autowired WarningExplanationRepository explanations;

  DataEntryFixture fx;
  String observer;
  long ps;

  @BeforeEach
  void anElectionWithAGsbAndAnObserver() {
    fx = new DataEntryFixture(elections, users, 3);
    ps = fx.stations.get(0);
    observer = "olga" + fx.committeeId;
    users.insert(observer, "Olga Waarnemer", "unused", Role.OBSERVER, fx.committeeId, false, Instant.now());
  }

  @Test
  void observerSeesProgressThatPollsWhileTheSessionRunsAndStopsOtherwise() throws Exception {
    // Not started: the fragment answers 286 (htmx stops polling) and carries no polling attributes.
    mvc.perform(get("/observer").with(as(observer)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("hx-trigger"))));
    mvc.perform(get("/observer/progress").with(as(observer)))
        .andExpect(status().is(ObserverController.HTMX_STOP_POLLING));

    start();
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    String page = mvc.perform(get("/observer").with(as(observer)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hx-trigger=\"every 10s\"")))
        .andExpect(content().string(containsString("id=\"observer-count-FIRST_ENTRY_FINISHED\">1<")))
        .andReturn().getResponse().getContentAsString();
    // No figures of results, no typists' names, no actions in the page's content (the header has the logout).
    String main = page.substring(page.indexOf("<main"));
    assertThat(main).doesNotContain("Anna Invoer", "<form", "<button", "<input", ">41<", ">61<");
    mvc.perform(get("/observer/progress").with(as(observer)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hx-get=\"/observer/progress\"")));

    mvc.perform(post("/dataentry/session").param("action", "PAUSE").with(as(fx.coordinator)).with(csrf()));
    // Paused still counts as running: the projector keeps showing the progress.
    mvc.perform(get("/observer/progress").with(as(observer))).andExpect(status().isOk());
  }

  @Test
  void onlyTheObserverRoleGetsTheObserverViewAndTheObserverNothingElse() throws Exception {
    start();
    mvc.perform(get("/observer").with(as(fx.coordinator))).andExpect(status().isForbidden());
    mvc.perform(get("/observer/progress").with(as(fx.anna))).andExpect(status().isForbidden());
    mvc.perform(get("/dataentry").with(as(observer))).andExpect(status().isForbidden());
    mvc.perform(get("/dataentry/status").with(as(observer))).andExpect(status().isForbidden());
    mvc.perform(post("/dataentry/" + ps + "/1/claim").with(as(observer)).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void theOverviewShowsActivityPerTypist() throws Exception {
    start();
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    claim(fx.bert, 2);
    String html = mvc.perform(get("/dataentry/status").with(as(fx.coordinator)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    String table = html.substring(html.indexOf("id=\"typist-activity\""), html.indexOf("</table>",
        html.indexOf("id=\"typist-activity\"")));
    // Anna finished one entry, Bert is typing one, Carla did nothing yet.
    assertThat(row(table, "Anna Invoer")).contains(">0<", ">1<").doesNotContain("nog geen");
    assertThat(row(table, "Bert Invoer")).contains(">1<", ">0<");
    assertThat(row(table, "Carla Invoer")).contains("nog geen");
  }

  @Test
  void w201AcceptedByBothTypistsIsExplainedByTheCoordinatorAndKeptForTheReport() throws Exception {
    start();
    Map<String, String> blank = DataEntryFixture.consistentForm();
    // 4 blank votes of 100 cast: 100·F ≥ 3·H (W.201); E + F + G still equals H.
    blank.put("F", "4");
    blank.put("G", "0");
    enter(fx.anna, 1, blank, true);
    mvc.perform(get("/dataentry/status").with(as(fx.coordinator)))
        .andExpect(content().string(containsString("/dataentry/" + ps + "/warnings")));
    mvc.perform(get("/dataentry/" + ps + "/warnings").with(as(fx.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("W.201")))
        .andExpect(content().string(not(containsString("W.202"))));
    mvc.perform(get("/dataentry/" + ps + "/warnings").with(as(fx.anna))).andExpect(status().isForbidden());

    long before = audit.count();
    explain("W.202", "not a warning of this entry").andExpect(flash().attribute("refusal",
        "EXPLANATION_NOT_A_WARNING_OF_THIS_ENTRY"));
    explain("W.201", "   ").andExpect(flash().attribute("refusal", "EXPLANATION_EMPTY"));
    explain("W.201", "x".repeat(WarningExplanationService.MAX_LENGTH + 1))
        .andExpect(flash().attribute("refusal", "EXPLANATION_TOO_LONG"));
    assertThat(audit.count()).as("refusals write no audit event").isEqualTo(before);

    explain("W.201", "Veel blanco stemmen; nageteld.").andExpect(flash().attribute("done", "explained"));
    explain("W.201", "Veel blanco stemmen uit protest; nageteld.").andExpect(flash().attribute("done", "explained"));
    assertThat(audit.count()).isEqualTo(before + 2);
    assertThat(audit.events(5)).anySatisfy(e -> {
      assertThat(e.eventType()).isEqualTo("WARNING_EXPLANATION_RECORDED");
      assertThat(e.details()).contains("W.201");
    });

    enter(fx.bert, 2, blank, true);
    long session = repo.currentSession(fx.committeeId).orElseThrow().id();
    var kept = explanations.forSession(session);
    assertThat(kept).singleElement().satisfies(w -> {
      assertThat(w.pollingStationId()).isEqualTo(ps);
      assertThat(w.code()).isEqualTo("W.201");
      assertThat(w.explanation()).isEqualTo("Veel blanco stemmen uit protest; nageteld.");
      assertThat(w.recordedByName()).isEqualTo("Coby Coördinator");
    });
    // Still explainable on the definitive result, for the report.
    mvc.perform(get("/dataentry/" + ps + "/warnings").with(as(fx.coordinator)))
        .andExpect(content().string(containsString("Veel blanco stemmen uit protest; nageteld.")));
  }

  @Test
  void refusedOperationsWriteNoAuditEventAndAllowedOnesDo() throws Exception {
    start();
    enter(fx.anna, 1, DataEntryFixture.consistentForm(), false);
    long before = audit.count();
    // The first typist may not do the second entry (product.md §3).
    mvc.perform(post("/dataentry/" + ps + "/2/claim").with(as(fx.anna)).with(csrf()))
        .andExpect(flash().attribute("refusal", "NEEDS_DIFFERENT_USER"));
    // Completing with polling stations not definitive is refused.
    mvc.perform(post("/dataentry/session").param("action", "COMPLETE").with(as(fx.coordinator)).with(csrf()))
        .andExpect(flash().attribute("sessionRefusal", "ENTRIES_NOT_DEFINITIVE"));
    // A resolution in the wrong state is refused.
    mvc.perform(post("/dataentry/" + ps + "/resolve").param("action", "DISCARD_BOTH")
        .with(as(fx.coordinator)).with(csrf())).andExpect(flash().attribute("refusal", "WRONG_STATE"));
    // An unreadable number saves nothing.
    claim(fx.bert, 2);
    long afterClaim = audit.count();
    assertThat(afterClaim).as("the accepted claim is audited").isEqualTo(before + 1);
    Map<String, String> bad = DataEntryFixture.consistentForm();
    bad.put("A", "honderd");
    MockHttpServletRequestBuilder save = post("/dataentry/" + ps + "/2").with(as(fx.bert)).with(csrf())
        .param("action", "save");
    bad.forEach(save::param);
    mvc.perform(save).andExpect(content().string(containsString("Vul een heel getal in")));
    assertThat(audit.count()).isEqualTo(afterClaim);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void autosaveStoresTypedValuesIntoTheEntryInProgressAndNothingWhenUnchangedOrUnreadable() throws Exception {
    start();
    claim(fx.anna, 1);
    long before = audit.count();
    autosave(fx.anna, Map.of("A", "100", "D", "100"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Automatisch opgeslagen om")));
    assertThat(audit.count()).isEqualTo(before + 1);
    // What a crashed browser would show again after logging in: the saved values.
    mvc.perform(get("/dataentry/" + ps + "/1").with(as(fx.anna)))
        .andExpect(content().string(containsString("name=\"A\" value=\"100\"")));
    autosave(fx.anna, Map.of("A", "100", "D", "100"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("HX-Reswap", "none"));
    autosave(fx.anna, Map.of("A", "honderd", "D", "100"))
        .andExpect(content().string(containsString("geen heel getal")));
    assertThat(audit.count()).as("unchanged or unreadable: nothing stored, no event").isEqualTo(before + 1);
    // Someone else's entry is never autosaved into.
    autosave(fx.bert, Map.of("A", "5")).andExpect(content().string(containsString("Niet automatisch opgeslagen")));
    assertThat(audit.count()).isEqualTo(before + 1);
  }

  @Test
  void aMissingChecksPageOnN101ClearsItsQuestionsInsteadOfRefusingTheEntry() throws Exception {
    fx = new DataEntryFixture(elections, users, 1, "DSO");
    ps = fx.stations.get(0);
    start();
    claim(fx.anna, 1);
    MockHttpServletRequestBuilder save = post("/dataentry/" + ps + "/1").with(as(fx.anna)).with(csrf())
        .param("action", "save")
        .param("aboutReport.corrigendumPresent.no", "true")
        .param("aboutReport.checksPagePresent.no", "true")
        // Ticked before the typist saw that the page is missing: skipped, so cleared (abacus.md §3.1).
        .param("checks.reasonOtherError", "true")
        .param("checks.correctedOwnInitiative.yes", "true");
    mvc.perform(save)
        .andExpect(content().string(containsString("Opgeslagen.")))
        .andExpect(content().string(not(containsString("passen niet bij deze verkiezing"))));
    String form = mvc.perform(get("/dataentry/" + ps + "/1").with(as(fx.anna)))
        .andReturn().getResponse().getContentAsString();
    assertThat(form).containsPattern("name=\"aboutReport.checksPagePresent.no\"[^>]*checked");
    assertThat(form).doesNotContainPattern("name=\"checks.reasonOtherError\"[^>]*checked");
    assertThat(form).doesNotContainPattern("name=\"checks.correctedOwnInitiative.yes\"[^>]*checked");
  }

  // ---------------------------------------------------------------- helpers

  private org.springframework.test.web.servlet.ResultActions autosave(String typist, Map<String, String> values)
      throws Exception {
    MockHttpServletRequestBuilder post = post("/dataentry/" + ps + "/1/autosave").with(as(typist)).with(csrf());
    values.forEach(post::param);
    return mvc.perform(post);
  }

  private static String row(String table, String name) {
    int at = table.indexOf(name);
    assertThat(at).as("a row for " + name).isPositive();
    return table.substring(at, table.indexOf("</tr>", at));
  }

  private org.springframework.test.web.servlet.ResultActions explain(String code, String text) throws Exception {
    return mvc.perform(post("/dataentry/" + ps + "/warnings").param("code", code).param("explanation", text)
        .with(as(fx.coordinator)).with(csrf()));
  }

  private void start() throws Exception {
    mvc.perform(post("/dataentry/session").param("action", "START").with(as(fx.coordinator)).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/status"));
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
    MockHttpServletRequestBuilder post = post("/dataentry/" + ps + "/" + n).with(as(typist)).with(csrf())
        .param("action", "finalise");
    form.forEach(post::param);
    if (acceptWarnings) {
      post.param("acceptWarnings", "true");
    }
    mvc.perform(post).andExpect(redirectedUrl("/dataentry"));
  }
}
