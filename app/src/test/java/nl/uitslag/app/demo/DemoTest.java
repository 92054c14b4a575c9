package nl.uitslag.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.election.ElectionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo stores its election, issues a one-time password that must be replaced at the first login, and then
 * every page of the demo renders.
 */
@SpringBootTest(properties = "uitslag.demo=true")
@AutoConfigureMockMvc
class DemoTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired DemoStartup demo;
  @Autowired ElectionRepository elections;

  @Test
  void generatorIsDeterministicAndHasTheAdvertisedSize() {
    var a = DemoElectionGenerator.generate(DemoStartup.SEED);
    var b = DemoElectionGenerator.generate(DemoStartup.SEED);
    assertThat(a).isEqualTo(b);
    assertThat(a.lists()).hasSize(6).allSatisfy(l -> assertThat(l.candidates()).isNotEmpty());
    assertThat(a.pollingStations()).hasSize(10);
    assertThat(a.election().subcategory()).isEqualTo("GR1");
  }

  @Test
  void oneTimePasswordMustBeReplacedThenTheDemoElectionIsVisible() throws Exception {
    String otp = issuePasswordAsPrinted();
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", otp))
                .andExpect(redirectedUrl("/password"))
                .andReturn()
                .getRequest()
                .getSession(false);
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/password"));
    mvc.perform(get("/password").session(session)).andExpect(status().isOk());
    mvc.perform(
            post("/password")
                .with(csrf())
                .session(session)
                .param("currentPassword", otp)
                .param("newPassword", "a much better passphrase")
                .param("newPasswordRepeat", "a much better passphrase"))
        .andExpect(redirectedUrl("/?passwordChanged"));
    mvc.perform(get("/").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Gemeenteraad Demodorp 2026")));
    long id = elections.findAll().get(0).id();
    mvc.perform(get("/elections/" + id).session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Dorpshuis De Brink")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Lokaal Belang Demodorp")));
    mvc.perform(get("/elections/" + id).param("lang", "en").session(session))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Polling stations")));
    mvc.perform(get("/elections/999999").session(session)).andExpect(status().isNotFound());
  }

  @Test
  void startingTheDemoTwiceKeepsOneElection() {
    demo.onReady();
    assertThat(elections.findAll()).hasSize(1);
  }

  private String issuePasswordAsPrinted() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      demo.onReady();
    } finally {
      System.setOut(original);
    }
    Matcher m =
        Pattern.compile("one-time password: (\\S+)").matcher(captured.toString(StandardCharsets.UTF_8));
    assertThat(m.find()).as("the demo prints the one-time password").isTrue();
    return m.group(1);
  }
}
