package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hoofdstembureau of kieskring 1 of a generated TK election orders an investigation at one of its municipalities
 * and takes in the corrigendum with the same code as the CSB (docs/CSB.md §8, docs/HSB.md §4): a municipality of
 * another kieskring cannot be ordered, the corrigendum replaces the held 510b with HSB_ audit events, and the
 * re-keyed entry closes the order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HsbInvestigationTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired CsbService service;
  @Autowired CsbInvestigationService investigations;
  @Autowired AuditLog audit;

  @Test
  void theHsbOrdersAtAMunicipalityOfItsKieskringAndTakesInItsCorrigendum() throws Exception {
    CsbTestSupport hsb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc,
        HsbKieskringTest.file("Verkiezingsdefinitie_TK2029.eml.xml"),
        HsbKieskringTest.file("Kandidatenlijsten_TK2029_kieskring_1.eml.xml"), "HSB", 1);
    CsbService.Csb c = service.csb(hsb.committeeId).orElseThrow();
    byte[] first = HsbKieskringTest.municipality("0014");
    Count held = EmlReader.readCount(new ByteArrayInputStream(first), "0014", ReadOptions.none()).count();
    MockHttpSession session = new MockHttpSession();
    hsb.upload(session, "Telling_TK2029_gemeente_0014.eml.xml", first);
    hsb.confirm(session, first, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));

    hsb.asCoordinator(post("/csb/investigations").param("source", "0016").param("reason", "Hertel"))
        .andExpect(flash().attribute("orderRefusal", "UNKNOWN_SOURCE"));
    hsb.asCoordinator(post("/csb/investigations").param("source", "0014").param("stations", "1")
            .param("reason", "Hertel stembureau 1"))
        .andExpect(flash().attribute("ordered", "0014"));
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("HSB_INVESTIGATION_ORDERED"));

    Count corrected = Corrigenda.moveVotes(held, Phase.CORRIGENDUM, 1, 2, 1, 1, Corrigenda.Initials.RIGHT);
    byte[] file = Corrigenda.write(corrected, LocalDateTime.of(2029, 4, 1, 12, 0));
    hsb.upload(new MockHttpSession(), "vroeger.eml.xml", first)
        .andExpect(flash().attribute("rejection", containsString("eerste zitting")));
    MockHttpSession again = new MockHttpSession();
    hsb.upload(again, "Telling_TK2029_gemeente_0014_zitting-2.eml.xml", file);
    hsb.confirm(again, file, true).andExpect(flash().attribute("importOutcome", "REPLACED"));
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("HSB_COUNT_FILE_REPLACED"))
        .anyMatch(e -> e.eventType().equals("HSB_COUNT_FILE_REJECTED") && e.details().contains("vroeger"));

    hsb.enter(hsb.anna, "0014", 2, GsbTotals.fromCount(corrected.contests().get(0).total(), service.shape(c)))
        .andExpect(flash().attribute("finished", "DEFINITIVE"));
    assertThat(service.source(c, "0014").state().status()).isEqualTo(DataEntryStatus.DEFINITIVE);
    assertThat(investigations.orders(c)).singleElement().extracting(CsbInvestigationService.Order::outcome)
        .isEqualTo(CsbInvestigationService.Outcome.CLOSED);
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("HSB_INVESTIGATION_CLOSED"));
  }
}
