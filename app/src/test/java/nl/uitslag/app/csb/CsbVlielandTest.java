package nl.uitslag.app.csb;

import static nl.uitslag.app.csb.Gr2022Files.VLIELAND_510B;
import static nl.uitslag.app.csb.Gr2022Files.VLIELAND_520;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.results.GsbResults;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CSB of GR2022 Vlieland (9 seats: largest remainders with the 75 % threshold, Kieswet P 8) from its real 510b:
 * the official seats and, per list, the order of election with preference (P 15) or list order (P 17) are
 * reproduced. No 230b of Vlieland is public, so names are not compared (see {@link Gr2022Files}). Then a deceased
 * elected candidate (P 19a) gives the seat to the next on the list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsbVlielandTest {
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
  @Autowired CsbResultService results;
  @Autowired AuditLog audit;

  static CsbTestSupport csb;

  @BeforeEach
  void theCsbOfVlieland() throws Exception {
    if (csb == null) {
      csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(VLIELAND_510B, 9),
          Gr2022Files.candidateLists(VLIELAND_510B));
      MockHttpSession session = new MockHttpSession();
      byte[] file = Gr2022Files.read(VLIELAND_510B);
      csb.upload(session, "Telling_GR2022_Vlieland.eml.xml", file);
      csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));
      var c = service.csb(csb.committeeId).orElseThrow();
      GsbResults paper = GsbTotals.fromCount(Gr2022Files.count(VLIELAND_510B).contests().get(0).total(),
          service.shape(c));
      csb.enter(csb.bert, "0096", 2, paper).andExpect(flash().attribute("finished", "DEFINITIVE"));
    }
  }

  private ApportionmentResult result() {
    return results.view(service.csb(csb.committeeId).orElseThrow()).result();
  }

  @Test
  @Order(1)
  void theOfficialSeatsAndOrderOfElectionAreReproduced() throws Exception {
    Map<Integer, List<String>> official = withoutNames(
        CsbWestMaasEnWaalTest.electedByList(CsbWestMaasEnWaalTest.result(Gr2022Files.read(VLIELAND_520))));
    Map<Integer, List<String>> ours = new LinkedHashMap<>();
    ApportionmentResult r = result();
    r.lists().forEach((list, lr) -> {
      if (!lr.elected().isEmpty()) {
        ours.put(Integer.parseInt(list), lr.elected().stream()
            .map(id -> (lr.elected().indexOf(id) + 1) + " (" + (lr.preferenceElected().contains(id) ? 1 : 2) + ")")
            .toList());
      }
    });
    assertThat(ours).isEqualTo(official);
    assertThat(r.seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
    csb.mvc.perform(get("/csb/result").with(csb.as(csb.coordinator)))
        .andExpect(content().string(containsString("P 8 lid 1")));
  }

  private static Map<Integer, List<String>> withoutNames(Map<Integer, List<String>> byList) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    byList.forEach((k, v) -> out.put(k, v.stream().map(s -> s.substring(0, s.indexOf(' ')) + " "
        + s.substring(s.lastIndexOf('('))).toList()));
    return out;
  }

  @Test
  @Order(2)
  void aDeceasedElectedCandidateIsPassedOverAndPrintedInTheP22_2() throws Exception {
    List<String> before = result().lists().get("1").elected();
    String first = before.get(0);
    csb.asCoordinator(post("/csb/result/deceased").param("candidate", first));
    List<String> after = result().lists().get("1").elected();
    assertThat(after).doesNotContain(first).hasSameSizeAs(before);
    assertThat(result().lists().get("1").rankingChanged()).isTrue();
    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("CSB_DECEASED_RECORDED")
        && e.details().contains(first));

    csb.asCoordinator(post("/csb/result/deceased").param("candidate", "99.1"))
        .andExpect(flash().attribute("resultRefusal", "deceased"));

    csb.asCoordinator(post("/csb/result/finalise"));
    byte[] pdf = csb.mvc.perform(get("/csb/documents/P22_2").with(csb.as(csb.coordinator))).andReturn()
        .getResponse().getContentAsByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("Model P 22-2").contains("Overleden kandidaten")
          .contains("Lijst 1, kandidaat " + first.substring(2) + ": Kandidaat1-" + first.substring(2))
          .contains("grootste overschotten (Kieswet P 8)");
    }
  }
}
