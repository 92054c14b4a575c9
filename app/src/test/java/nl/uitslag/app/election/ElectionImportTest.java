package nl.uitslag.app.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Creating an election from the real TK2021 definition (110a) and the Lelystad candidate lists (230b), each
 * confirmed with two fingerprint groups; wrong groups and hostile files are refused and nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElectionImportTest {
  static final String DEF = "data/eml/TK2021/Verkiezingsdefinitie_TK2021.eml.xml";
  static final String LISTS = "data/eml/TK2021/Kandidatenlijsten_TK2021_Lelystad.eml.xml";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired AuditLog audit;
  @Autowired nl.uitslag.app.backup.BackupService backups;

  @Autowired nl.uitslag.app.users.UserService users;

  RequestPostProcessor admin = user("beheer").roles("ADMINISTRATOR");

  @org.junit.jupiter.api.BeforeEach
  void anAdministratorExists() {
    // Without any user every page leads to the first-run set-up.
    if (users.setupRequired()) {
      users.createAdministrator("beheer", "B. Heerder", "correct horse battery".toCharArray(), "test");
    }
  }

  @Test
  void anElectionIsCreatedFromConfirmedRealFiles() throws Exception {
    MockHttpSession session = new MockHttpSession();
    upload(session, "DEFINITION_110A", DEF)
        .andExpect(content().string(Matchers.containsString("Vingerafdruk controleren")));
    confirm(session, SharedData.read(DEF), true);
    upload(session, "CANDIDATE_LISTS_230B", LISTS);
    confirm(session, SharedData.read(LISTS), true)
        .andExpect(content().string(Matchers.containsString("Verkiezing aanmaken")));
    mvc.perform(post("/admin/elections/import/create").with(admin).with(csrf()).session(session).param("countingMethod", "CSO"))
        .andExpect(status().is3xxRedirection());

    var election = elections.findAll().stream().filter(e -> e.identifier().equals("TK2021")).findFirst().orElseThrow();
    assertThat(backups.list())
        .as("a checked copy is made before the import changes the database")
        .anyMatch(p -> p.getFileName().toString().endsWith("-before_risky_operation.db"));
    assertThat(election.numberOfSeats()).isEqualTo(150);
    assertThat(elections.lists(election.id())).hasSize(29);
    assertThat(audit.events(100))
        .anyMatch(e -> e.eventType().equals("ELECTION_CREATED") && e.details().contains(Fingerprint.of(SharedData.read(DEF)).toString()));
  }

  @Test
  void wrongFingerprintGroupsRejectTheFileAndStoreNothing() throws Exception {
    MockHttpSession session = new MockHttpSession();
    upload(session, "DEFINITION_110A", DEF);
    confirm(session, SharedData.read(DEF), false)
        .andExpect(content().string(Matchers.containsString("komen niet overeen")));
    mvc.perform(get("/admin/elections/import").with(admin).session(session))
        .andExpect(content().string(Matchers.containsString("Verkiezingsdefinitie inlezen")));
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("EML_IMPORT_REJECTED"));
  }

  @Test
  void aFileWithAnExternalEntityIsRejectedWithTheReason() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" Id=\"110a\">&e;</EML>";
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            multipart("/admin/elections/import/upload")
                .file(new MockMultipartFile("file", "evil.eml.xml", "text/xml", xxe.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "DEFINITION_110A")
                .with(admin)
                .with(csrf())
                .session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Het bestand is geweigerd en niet opgeslagen")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("root:"))));
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("EML_IMPORT_REJECTED") && e.details().contains("evil.eml.xml"));
  }

  @Test
  void onlyAnAdministratorMayImport() throws Exception {
    mvc.perform(get("/admin/elections/import").with(user("typist").roles("TYPIST"))).andExpect(status().isForbidden());
  }

  private org.springframework.test.web.servlet.ResultActions upload(MockHttpSession session, String kind, String path)
      throws Exception {
    return mvc.perform(
            multipart("/admin/elections/import/upload")
                .file(new MockMultipartFile("file", path.substring(path.lastIndexOf('/') + 1), "text/xml", SharedData.read(path)))
                .param("kind", kind)
                .with(admin)
                .with(csrf())
                .session(session))
        .andExpect(status().isOk());
  }

  private org.springframework.test.web.servlet.ResultActions confirm(MockHttpSession session, byte[] file, boolean right)
      throws Exception {
    var wizard = (ElectionImportService.ImportWizard) session.getAttribute("electionImportWizard");
    var challenge = wizard.pending().challenge();
    Fingerprint fp = Fingerprint.of(file);
    String first = fp.group(challenge.firstHidden());
    String second = right ? fp.group(challenge.secondHidden()) : flip(fp.group(challenge.secondHidden()));
    return mvc.perform(
            post("/admin/elections/import/confirm")
                .param("first", first)
                .param("second", second)
                .with(admin)
                .with(csrf())
                .session(session))
        .andExpect(status().isOk());
  }

  private static String flip(String group) {
    char c = group.charAt(0);
    return (c == '0' ? '1' : '0') + group.substring(1);
  }
}
