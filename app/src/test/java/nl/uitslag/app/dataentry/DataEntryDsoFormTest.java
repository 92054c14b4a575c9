package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The form follows the model of the counting method: a decentrally counting GSB (DSO) gets N 10-1 with the
 * questions about the report and the checks-and-corrections page before the counts, every field labelled.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataEntryDsoFormTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;

  @Test
  void aDsoElectionGetsTheN101FormInPaperOrder() throws Exception {
    DataEntryFixture fx = new DataEntryFixture(elections, users, 1, "DSO");
    long ps = fx.stations.get(0);
    mvc.perform(post("/dataentry/session").param("action", "START").with(csrf())
        .with(user(details.loadUserByUsername(fx.coordinator))));
    mvc.perform(post("/dataentry/" + ps + "/1/claim").with(csrf()).with(user(details.loadUserByUsername(fx.anna))))
        .andExpect(redirectedUrl("/dataentry/" + ps + "/1"));
    String html = mvc.perform(get("/dataentry/" + ps + "/1").with(user(details.loadUserByUsername(fx.anna))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Model N 10-1")))
        .andExpect(content().string(containsString("Is de pagina controles en correcties aanwezig?")))
        .andReturn().getResponse().getContentAsString();
    assertThat(html).doesNotContain("extraInvestigation");
    assertThat(html.indexOf("f-aboutReport-corrigendumPresent-yes")).isPositive()
        .isLessThan(html.indexOf("f-checks-reasonUnexplainedDifference"));
    assertThat(html.indexOf("f-checks-correctedOnCsbRequest-no")).isLessThan(html.indexOf("id=\"f-A\""));
  }
}
