package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditEvent;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.dataentry.DataEntryService.SessionAction;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.results.ResultsRepository.StoredFile;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.session.CommitteeSessionStatus;
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
 * A GSB session from data entry to its results files: generated once at completion, stored, byte-identical on
 * every download, removed on resume and regenerated with a new fingerprint after a correction; every step
 * audited; only the coordinator reaches them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResultsFlowTest {
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
  @Autowired AuditLog audit;

  ResultsFixture fx;
  CommitteeInfo c;

  @BeforeEach
  void aSessionWithTwoDefinitiveStations() {
    fx = ResultsFixture.small(elections, users, 2);
    c = fx.committee(dataEntry);
    assertThat(dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    fx.enterTwice(dataEntry, fx.stations.get(0),
        ResultsFixture.smallResult(new int[] {40, 10, 5}, new int[] {30, 5}, 2, 1));
    fx.enterTwice(dataEntry, fx.stations.get(1),
        ResultsFixture.smallResult(new int[] {20, 20, 0}, new int[] {10, 10}, 0, 3));
  }

  private RequestPostProcessor asCoordinator() {
    return user(details.loadUserByUsername(fx.coordinator));
  }

  private void details() {
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 19, 9, 0),
        fx.coordinatorActor())).isNull();
  }

  private void complete() {
    assertThat(dataEntry.changeSession(c, SessionAction.COMPLETE, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
  }

  private List<AuditEvent> ours(String type) {
    return audit.events(500).stream()
        .filter(e -> e.eventType().equals(type) && e.details().contains("\"committee\":" + fx.committeeId + ","))
        .toList();
  }

  @Test
  void theTotalsAreTheSumOfTheDefinitiveResults() {
    ResultsService.Overview o = results.overview(c);
    assertThat(o.totalsProblem()).isNull();
    assertThat(o.totals().voters().totalAdmittedVoters()).isEqualTo(93 + 63);
    assertThat(o.totals().votes().listTotal(1)).isEqualTo(55 + 40);
    assertThat(o.totals().votes().listTotal(2)).isEqualTo(35 + 20);
    assertThat(o.totals().lists().get(0).candidateVotes()).containsExactly(60, 30, 5);
    assertThat(o.totals().votes().blankVotes()).isEqualTo(2);
    assertThat(o.totals().votes().invalidVotes()).isEqualTo(4);
    assertThat(o.totals().eligibleVoters()).isEqualTo(1000);
  }

  @Test
  void completingGeneratesTheFilesOnceAndEveryDownloadIsByteIdentical() throws Exception {
    details();
    complete();
    List<StoredFile> files = results.overview(c).files();
    assertThat(files).extracting(StoredFile::kind)
        .containsExactlyInAnyOrder(Kind.ZIP, Kind.EML_510B, Kind.PDF_REPORT, Kind.CSV);
    assertThat(ours("RESULTS_FILES_GENERATED")).hasSize(1);

    byte[] first = mvc.perform(get("/results/files/ZIP").with(asCoordinator()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
            "definitieve-documenten_gr2026_klein")))
        .andReturn().getResponse().getContentAsByteArray();
    byte[] second = mvc.perform(get("/results/files/ZIP").with(asCoordinator()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(second).isEqualTo(first);
    assertThat(ours("RESULTS_FILE_DOWNLOADED")).hasSize(2);
    assertThat(ours("RESULTS_FILES_GENERATED")).as("downloading generates nothing").hasSize(1);

    Map<String, byte[]> zip = unzip(first);
    byte[] eml = results.download(c, Kind.EML_510B, fx.coordinatorActor()).orElseThrow().bytes();
    byte[] pdf = results.download(c, Kind.PDF_REPORT, fx.coordinatorActor()).orElseThrow().bytes();
    byte[] csv = results.download(c, Kind.CSV, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(zip.keySet()).containsExactly(
        "Model_Na31-2_" + elections.findById(fx.electionId).orElseThrow().identifier() + ".pdf",
        "Telling_" + elections.findById(fx.electionId).orElseThrow().identifier() + ".eml.xml",
        "osv4-3_telling_" + elections.findById(fx.electionId).orElseThrow().identifier().toLowerCase() + ".csv");
    assertThat(zip.values()).containsExactly(pdf, eml, csv);

    // The fingerprint on the page list equals SHA-256 of the stored bytes, and so does the one in the PDF.
    String emlFingerprint = PdfChecks.sha256Groups(eml);
    assertThat(files).filteredOn(f -> f.kind() == Kind.EML_510B).singleElement()
        .extracting(StoredFile::fingerprint).isEqualTo(emlFingerprint);
    assertThat(PdfChecks.fingerprintsOnEveryPage(pdf)).containsExactly(emlFingerprint);
    PdfChecks.assertPdfA3aAndPdfUa1(pdf, "Na 31-2 of the session");

    String page = mvc.perform(get("/results").with(asCoordinator())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    for (StoredFile f : files) {
      assertThat(page).contains(f.fileName()).contains(f.fingerprint());
    }
  }

  @Test
  void resumingRemovesTheFilesAndACorrectionGivesNewFilesWithANewFingerprint() throws Exception {
    details();
    complete();
    String before = fingerprint(Kind.EML_510B);

    assertThat(dataEntry.changeSession(c, SessionAction.REOPEN, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    assertThat(results.overview(c).files()).isEmpty();
    assertThat(ours("RESULTS_FILES_REMOVED")).hasSize(1);
    mvc.perform(get("/results/files/ZIP").with(asCoordinator())).andExpect(status().isNotFound());

    // The coordinator has station 2 entered again with one vote moved from list 2 to list 1.
    mvc.perform(post("/results/reset").param("station", Long.toString(fx.stations.get(1)))
            .with(asCoordinator()).with(csrf()))
        .andExpect(redirectedUrl("/results"));
    fx.enterTwice(dataEntry, fx.stations.get(1),
        ResultsFixture.smallResult(new int[] {21, 20, 0}, new int[] {9, 10}, 0, 3));
    complete();

    String after = fingerprint(Kind.EML_510B);
    assertThat(after).isNotEqualTo(before);
    assertThat(ours("RESULTS_FILES_GENERATED")).hasSize(2);
    byte[] pdf = results.download(c, Kind.PDF_REPORT, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(PdfChecks.fingerprintsOnEveryPage(pdf)).containsExactly(after);
    assertThat(results.overview(c).totals().votes().listTotal(1)).isEqualTo(96);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void withoutSessionDetailsCompletionMakesNoFilesUntilTheDetailsAreEntered() {
    complete();
    assertThat(results.overview(c).files()).isEmpty();
    details();
    assertThat(results.overview(c).files()).hasSize(4);
    assertThat(results.saveDetails(c, "Elders", LocalDateTime.of(2026, 3, 19, 10, 0), fx.coordinatorActor()))
        .as("the details printed in the PV cannot change under existing files")
        .isEqualTo(ResultsService.DOCUMENTS_EXIST);
  }

  @Test
  void theSessionCannotBeCompletedWhileAStationIsNotDefinitive() {
    ResultsFixture other = ResultsFixture.small(elections, users, 2);
    CommitteeInfo oc = other.committee(dataEntry);
    dataEntry.changeSession(oc, SessionAction.START, other.coordinatorActor());
    other.enterTwice(dataEntry, other.stations.get(0),
        ResultsFixture.smallResult(new int[] {1, 1, 1}, new int[] {1, 1}, 0, 0));
    assertThat(dataEntry.changeSession(oc, SessionAction.COMPLETE, other.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Refused.class);
    assertThat(results.overview(oc).totals()).isNull();
    assertThat(results.overview(oc).totalsProblem()).isEqualTo("NOT_ALL_DEFINITIVE");
  }

  @Test
  void onlyTheCoordinatorReachesTheResults() throws Exception {
    details();
    complete();
    RequestPostProcessor typist = user(details.loadUserByUsername(
        users.findById(fx.typist1).orElseThrow().username()));
    mvc.perform(get("/results").with(typist)).andExpect(status().isForbidden());
    mvc.perform(get("/results/files/ZIP").with(typist)).andExpect(status().isForbidden());
    mvc.perform(get("/results/forms/N10_2").with(typist)).andExpect(status().isForbidden());
    assertThat(ours("RESULTS_FILE_DOWNLOADED")).isEmpty();
  }

  @Test
  void blankFormsComeAsOneZipWithAConformingPdfPerPollingStation() throws Exception {
    for (String form : List.of("N10_2", "NA31_2_BIJLAGE_1")) {
      byte[] zip = mvc.perform(get("/results/forms/" + form).with(asCoordinator()))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
      Map<String, byte[]> pdfs = unzip(zip);
      assertThat(pdfs).hasSize(2);
      assertThat(pdfs.keySet()).allMatch(n -> n.matches("Model_N.*_Stembureau_[12]\\.pdf"));
      for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
        PdfChecks.assertPdfA3aAndPdfUa1(e.getValue(), e.getKey());
        String text = String.join("", PdfChecks.pages(e.getValue()));
        assertThat(text).contains("Partij Een");
        if (form.equals("NA31_2_BIJLAGE_1")) {
          assertThat(text).as("Bijlage 1 has a line per candidate").contains("Kandidaat3");
        }
      }
    }
    assertThat(ours("RESULTS_BLANK_FORMS_DOWNLOADED")).hasSize(2);
    mvc.perform(get("/results/forms/NOPE").with(asCoordinator())).andExpect(status().isNotFound());
  }

  private String fingerprint(Kind kind) {
    return results.overview(c).files().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow()
        .fingerprint();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }
}
