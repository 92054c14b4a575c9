package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.dataentry.DataEntryService.SessionAction;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.keystore.KeyStoreService;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.app.keystore.TransferPackageService.Expectation;
import nl.uitslag.app.keystore.TransferPackageService.Opened;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.session.SessionOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The GSB seals its completed session's 510b and PV for the receiving committee from the results page
 * (product.md §4: sign first, then encrypt): the package opens at the receiver to exactly the stored files,
 * signed by this GSB; a wrong passphrase or an ambiguous recipient gives its reason and no package.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResultsSealTest {
  private static final char[] CA = "ceremonie kleindorp centraal stembureau".toCharArray();
  private static final char[] GSB = "wachtzin gemeentelijk stembureau kleindorp".toCharArray();
  private static final char[] CSB = "wachtzin centraal stembureau kleindorp".toCharArray();
  private static final Actor ACTOR = new Actor(null, "test", "127.0.0.1");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired DataEntryService dataEntry;
  @Autowired ResultsService results;
  @Autowired KeyStoreService keys;
  @Autowired TransferPackageService packages;

  ResultsFixture fx;
  CommitteeInfo c;
  String authority;

  @BeforeEach
  void aCompletedSessionAndKeys() {
    fx = ResultsFixture.small(elections, users, 2);
    c = fx.committee(dataEntry);
    assertThat(dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    fx.enterTwice(dataEntry, fx.stations.get(0),
        ResultsFixture.smallResult(new int[] {40, 10, 5}, new int[] {30, 5}, 2, 1));
    fx.enterTwice(dataEntry, fx.stations.get(1),
        ResultsFixture.smallResult(new int[] {20, 20, 0}, new int[] {10, 10}, 0, 3));
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 19, 9, 0),
        fx.coordinatorActor())).isNull();
    assertThat(dataEntry.changeSession(c, SessionAction.COMPLETE, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    authority = elections.findById(fx.electionId).orElseThrow().domainId();
    keys.createAuthority(fx.electionId, "Centraal stembureau Kleindorp", LocalDate.of(2026, 1, 1),
        LocalDate.of(2035, 12, 31), CA, ACTOR);
    keys.issueCommittee(fx.electionId, authority, "Gemeentelijk stembureau Kleindorp", CA, GSB, ACTOR);
    keys.issueCommittee(fx.electionId, "CSB", "Centraal stembureau Kleindorp", CA, CSB, ACTOR);
  }

  private RequestPostProcessor asCoordinator() {
    return user(details.loadUserByUsername(fx.coordinator));
  }

  @Test
  void theSealedPackageOpensAtTheReceiverToTheStoredCountFileAndReport() throws Exception {
    byte[] sealed = mvc.perform(post("/results/seal").param("passphrase", new String(GSB)).param("recipient", "CSB")
            .with(asCoordinator()).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".eml.xml.p7m")))
        .andReturn().getResponse().getContentAsByteArray();

    Opened opened = packages.open(fx.electionId, sealed, CSB, new Expectation("510b", 1), ACTOR);
    byte[] eml = results.download(c, Kind.EML_510B, fx.coordinatorActor()).orElseThrow().bytes();
    byte[] pdf = results.download(c, Kind.PDF_REPORT, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(opened.eml().bytes()).isEqualTo(eml);
    assertThat(opened.pdf()).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(pdf));
    assertThat(opened.signerCommitteeId()).isEqualTo(authority);
    assertThat(opened.sequence()).as("the session number is the phase").isEqualTo(1);
  }

  @Test
  void aWrongPassphraseGivesItsReasonAndNoPackage() throws Exception {
    mvc.perform(post("/results/seal").param("passphrase", "niet de wachtzin van dit stembureau")
            .param("recipient", "CSB").with(asCoordinator()).with(csrf()))
        .andExpect(redirectedUrl("/results"))
        .andExpect(flash().attributeExists("sealRejection"));
  }

  @Test
  void aRecipientAndAPasswordTogetherAreRefused() throws Exception {
    mvc.perform(post("/results/seal").param("passphrase", new String(GSB)).param("recipient", "CSB")
            .param("password", "een wachtwoord op papier afgesproken").with(asCoordinator()).with(csrf()))
        .andExpect(redirectedUrl("/results"))
        .andExpect(flash().attribute("refusal", "SEAL_RECIPIENT"));
  }
}
