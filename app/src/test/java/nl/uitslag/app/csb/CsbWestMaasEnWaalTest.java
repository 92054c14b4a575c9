package nl.uitslag.app.csb;

import static nl.uitslag.app.csb.Gr2022Files.WMW_230B;
import static nl.uitslag.app.csb.Gr2022Files.WMW_510B;
import static nl.uitslag.app.csb.Gr2022Files.WMW_520;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
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
 * The CSB of GR2022 West Maas en Waal (17 seats, GR1) with the real files: the GSB's 510b is imported as the first
 * entry after the fingerprint challenge, a typist re-keys the paper totals, the apportionment runs, and the 520 we
 * write agrees with the official 520 on seats and elected candidates (by name, in order of election) and validates
 * against the schema. Refused files (damaged, another election, wrong fingerprint, a second import) leave nothing.
 * The tests share one database and run in order: refusals first, then the happy path.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsbWestMaasEnWaalTest {
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
  @Autowired AuditLog audit;

  static CsbTestSupport csb;

  @BeforeEach
  void theCsbOfWestMaasEnWaal() {
    if (csb == null) {
      csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, Gr2022Files.definition(WMW_510B, 17),
          Gr2022Files.read(WMW_230B));
    }
  }

  private CsbService.Source source() {
    return service.sources(service.csb(csb.committeeId).orElseThrow()).get(0);
  }

  private long rows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE committee_id = ?").param(csb.committeeId)
        .query(Long.class).single();
  }

  @Test
  @Order(1)
  void theImportWizardCreatesACsbCommitteeWithManagingAuthorityCsb() {
    var row = jdbc.sql("SELECT kind, name, managing_authority FROM committee WHERE id = ?").param(csb.committeeId)
        .query().singleRow();
    assertThat(row).containsEntry("kind", "CSB").containsEntry("managing_authority", "CSB")
        .containsEntry("name", "Centraal stembureau West Maas en Waal");
    assertThat(source().id()).isEqualTo("0668");
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.NOT_STARTED);
  }

  @Test
  @Order(2)
  void aDamagedFileIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
    byte[] bad = "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" Id=\"510b\"><Broken>".getBytes(StandardCharsets.UTF_8);
    csb.upload(new MockHttpSession(), "kapot.eml.xml", bad)
        .andExpect(flash().attribute("rejection", containsString("EML-0")));
    assertThat(rows("csb_count_file")).isZero();
    assertThat(rows("csb_source_entry")).isZero();
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("CSB_COUNT_FILE_REJECTED")
        && e.details().contains("kapot.eml.xml"));
  }

  @Test
  @Order(3)
  void aCountFileOfAnotherElectionIsRefused() throws Exception {
    csb.upload(new MockHttpSession(), "Telling_GR2022_Vlieland.eml.xml", Gr2022Files.read(Gr2022Files.VLIELAND_510B))
        .andExpect(flash().attribute("rejection", containsString("GR2022_Vlieland")));
    assertThat(rows("csb_count_file")).isZero();
    assertThat(rows("csb_source_entry")).isZero();
  }

  @Test
  @Order(4)
  void wrongFingerprintGroupsRefuseTheFileAndStoreNothing() throws Exception {
    MockHttpSession session = new MockHttpSession();
    byte[] file = Gr2022Files.read(WMW_510B);
    csb.upload(session, "Telling_GR2022_WestMaasenWaal.eml.xml", file);
    csb.mvc.perform(get("/csb").with(csb.as(csb.coordinator)).session(session))
        .andExpect(content().string(containsString("____")));
    csb.confirm(session, file, false).andExpect(flash().attribute("importOutcome", "FINGERPRINT_MISMATCH"));
    assertThat(rows("csb_count_file")).isZero();
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.NOT_STARTED);
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("CSB_COUNT_FILE_REJECTED")
        && e.details().contains("do not match"));
  }

  @Test
  @Order(5)
  void aTypistCannotImportAndCannotReachTheResultActions() throws Exception {
    csb.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/csb/import")
            .file("file", Gr2022Files.read(WMW_510B)).with(csb.as(csb.anna))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden());
    csb.mvc.perform(post("/csb/result/finalise").with(csb.as(csb.anna))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  @Order(10)
  void theImportedFileIsTheFirstEntryAndTheTypedPaperTotalsTheSecond() throws Exception {
    MockHttpSession session = new MockHttpSession();
    byte[] file = Gr2022Files.read(WMW_510B);
    csb.upload(session, "Telling_GR2022_WestMaasenWaal.eml.xml", file);
    csb.confirm(session, file, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    assertThat(source().countFileFingerprint()).contains(Fingerprint.of(file).toString());
    byte[] stored = jdbc.sql("SELECT content FROM csb_count_file WHERE committee_id = ?").param(csb.committeeId)
        .query(byte[].class).single();
    assertThat(stored).isEqualTo(file);

    // A second import of the same GSB is refused on reading, before any challenge: its totals are already being
    // entered and no investigation has been ordered (a corrected file comes only under an order, docs/CSB.md §8).
    MockHttpSession again = new MockHttpSession();
    csb.upload(again, "Telling_GR2022_WestMaasenWaal.eml.xml", file)
        .andExpect(flash().attribute("rejection", containsString("onderzoek")));
    assertThat(again.getAttribute("csbPendingImport")).isNull();
    assertThat(rows("csb_count_file")).isEqualTo(1);

    // The coordinator who imported the file cannot also make the second entry (product.md §3).
    GsbResults paper = paperTotals();
    csb.mvc.perform(post("/csb/0668/entry/2/claim").with(csb.as(csb.coordinator))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(flash().attribute("refusal", "NEEDS_DIFFERENT_USER"));

    csb.mvc.perform(post("/csb/0668/entry/2/claim").with(csb.as(csb.anna))
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
    csb.mvc.perform(get("/csb/0668/entry/2").with(csb.as(csb.anna)))
        .andExpect(content().string(containsString("Reuvers, R.A.N. (Rob)")))
        .andExpect(content().string(containsString("Aantal kiesgerechtigden")));
    csb.enter(csb.anna, "0668", 2, paper).andExpect(flash().attribute("finished", "DEFINITIVE"));
    assertThat(source().state().status()).isEqualTo(DataEntryStatus.DEFINITIVE);
    assertThat(audit.events(50)).anyMatch(e -> e.eventType().equals("CSB_COUNT_FILE_IMPORTED"))
        .anyMatch(e -> e.eventType().equals("CSB_ENTRY_FINALISED") && e.details().contains("DEFINITIVE"));
    assertThat(audit.verify()).isEmpty();
  }

  /** The totals of the paper Na 31-2 (the official figures: 16202 eligible, 9350 valid, 21 blank, 27 invalid). */
  private GsbResults paperTotals() {
    var c = service.csb(csb.committeeId).orElseThrow();
    GsbResults r = GsbTotals.fromCount(Gr2022Files.count(WMW_510B).contests().get(0).total(), service.shape(c));
    assertThat(r.eligibleVoters()).isEqualTo(16202);
    assertThat(r.votes().totalVotesCandidates()).isEqualTo(9350);
    assertThat(r.votes().blankVotes()).isEqualTo(21);
    assertThat(r.votes().invalidVotes()).isEqualTo(27);
    assertThat(r.voters().totalAdmittedVoters()).isEqualTo(9398);
    return r;
  }

  @Test
  @Order(20)
  void theResultReproducesTheOfficialSeatsAndElectedCandidatesAndThe520ValidatesAgainstTheSchema()
      throws Exception {
    csb.mvc.perform(get("/csb/result").with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"steps\"")))
        .andExpect(content().string(containsString("P 8 lid 1")))
        .andExpect(content().string(containsString("Uitslag vaststellen (P 22-2, 510d en 520 maken)")));
    csb.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    assertThat(rows("csb_document")).isEqualTo(3);

    byte[] ours = download("EML_520", "application/xml");
    assertThat(Schemas.problem("520-result-kiesraad-strict.xsd", ours)).isNull();
    assertThat(electedByList(result(ours))).isEqualTo(electedByList(result(Gr2022Files.read(WMW_520))));
    assertThat(electedByList(result(ours)).values().stream().mapToInt(List::size).sum()).isEqualTo(17);

    byte[] count = download("EML_510D", "application/xml");
    assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", count)).isNull();
    var total = EmlReader.readCount(new ByteArrayInputStream(count), "510d", ReadOptions.none()).count()
        .contests().get(0).total();
    assertThat(total.totalCounted()).isEqualTo(9350);
    assertThat(total.eligibleVoters()).isEqualTo(16202);

    byte[] pdf = download("P22_2", "application/pdf");
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("CSB_RESULT_FINALISED")
        && e.details().contains(Fingerprint.of(ours).toString()));
  }

  @Test
  @Order(21)
  void downloadsAreByteIdenticalAndTheFinalisedResultClosesEntry() throws Exception {
    assertThat(download("EML_520", "application/xml")).isEqualTo(download("EML_520", "application/xml"));
    assertThat(download("P22_2", "application/pdf")).isEqualTo(download("P22_2", "application/pdf"));
    csb.asCoordinator(post("/csb/result/deceased").param("candidate", "1.1"))
        .andExpect(flash().attribute("resultRefusal", "deceased"));
    csb.asCoordinator(post("/csb/result/finalise")).andExpect(flash().attribute("resultRefusal", "ALREADY_FINALISED"));
  }

  private byte[] download(String kind, String type) throws Exception {
    return csb.mvc.perform(get("/csb/documents/" + kind).with(csb.as(csb.coordinator)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString(type)))
        .andExpect(header().string("Content-Disposition", containsString("GR2022_WestMaasenWaal")))
        .andReturn().getResponse().getContentAsByteArray();
  }

  static ElectionResult result(byte[] xml) {
    return EmlReader.readResult(new ByteArrayInputStream(xml), "520", ReadOptions.none()).result();
  }

  /** Per list: its elected candidates in order of election, as "name (ranking)". */
  static Map<Integer, List<String>> electedByList(ElectionResult r) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    Integer current = null;
    for (ResultEntry e : r.contests().get(0).entries()) {
      if (e instanceof ElectedList l) {
        current = l.listNumber();
        out.put(current, new ArrayList<>());
      } else if (e instanceof ElectedCandidate c) {
        out.get(current).add(c.electionOrder() + " " + c.name().listName() + " (" + c.ranking() + ")");
      }
    }
    return out;
  }
}
