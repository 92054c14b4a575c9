package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditEvent;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.StationStatus;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.dataentry.DataEntryService.SessionAction;
import nl.uitslag.app.dataentry.NextSessionService;
import nl.uitslag.app.dataentry.NextSessionService.Refusal;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.results.ResultsRepository.StoredFile;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.NextSessionResults;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import nl.uitslag.domain.session.SessionOutcome;
import nl.uitslag.domain.session.SessionRefusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.SAXException;

/**
 * A GSB's next session (abacus.md §2): session N+1 only after session N is completed; investigations recorded
 * by the coordinator; only stations with corrected results entered (twice); completion waits for concluded
 * investigations and definitive corrected stations; the corrigendum files are stored once, byte-identical on
 * download and removed on resume.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CorrigendumFlowTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired DataEntryService dataEntry;
  @Autowired NextSessionService nextSession;
  @Autowired ResultsService results;
  @Autowired AuditLog audit;

  static final CsoFirstSessionResults STATION_1 =
      ResultsFixture.smallResult(new int[] {40, 10, 5}, new int[] {30, 5}, 2, 1);
  static final CsoFirstSessionResults STATION_2 =
      ResultsFixture.smallResult(new int[] {20, 20, 0}, new int[] {10, 10}, 0, 3);
  // The recount moved 5 votes from candidate 2 of list 1 to candidate 1 of list 2 and found one more blank.
  static final CsoFirstSessionResults RECOUNTED_2 =
      ResultsFixture.smallResult(new int[] {20, 15, 0}, new int[] {15, 10}, 1, 3);

  ResultsFixture fx;
  CommitteeInfo c;

  @BeforeEach
  void aCompletedFirstSession() {
    fx = ResultsFixture.small(elections, users, 2);
    c = fx.committee(dataEntry);
    assertThat(dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    fx.enterTwice(dataEntry, fx.stations.get(0), STATION_1);
    fx.enterTwice(dataEntry, fx.stations.get(1), STATION_2);
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 19, 9, 0),
        fx.coordinatorActor())).isNull();
    complete();
  }

  /** The Na 14-2 Bijlage 1 as the typists enter it: the recounted figures, D = H ticked. */
  static NextSessionResults corrected(CsoFirstSessionResults r) {
    return new NextSessionResults(CountingMethod.CSO, r.voters(), r.votes(), r.differences(), r.lists());
  }

  private void complete() {
    assertThat(dataEntry.changeSession(c, SessionAction.COMPLETE, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
  }

  private SessionOutcome.Refused completeRefused() {
    SessionOutcome o = dataEntry.changeSession(c, SessionAction.COMPLETE, fx.coordinatorActor());
    assertThat(o).isInstanceOf(SessionOutcome.Refused.class);
    return (SessionOutcome.Refused) o;
  }

  private void sessionTwoWithInvestigationOfStation2(Boolean corrected) {
    assertThat(nextSession.startNextSession(c, fx.coordinatorActor())).isEmpty();
    assertThat(nextSession.add(c, fx.stations.get(1), "Onverklaard verschil bij lijst 1; hertel lijst 1 en 2",
        fx.coordinatorActor())).isEmpty();
    if (corrected != null) {
      assertThat(nextSession.update(c, fx.stations.get(1), "Onverklaard verschil bij lijst 1; hertel lijst 1 en 2",
          "Vijf stemmen op de verkeerde stapel gelegd", corrected, fx.coordinatorActor())).isEmpty();
    }
    assertThat(dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
  }

  private List<AuditEvent> ours(String type) {
    return audit.events(1000).stream()
        .filter(e -> e.eventType().equals(type) && e.details().contains("\"committee\":" + fx.committeeId + ","))
        .toList();
  }

  @Test
  void abacus2_noNextSessionWhileTheCurrentIsOpen() {
    assertThat(dataEntry.changeSession(c, SessionAction.REOPEN, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    assertThat(nextSession.startNextSession(c, fx.coordinatorActor())).contains(Refusal.PREVIOUS_NOT_COMPLETED);
    complete();

    assertThat(nextSession.startNextSession(c, fx.coordinatorActor())).isEmpty();
    assertThat(dataEntry.session(c).number()).isEqualTo(2);
    assertThat(dataEntry.session(c).status()).isEqualTo(CommitteeSessionStatus.CREATED);
    assertThat(ours("COMMITTEE_SESSION_CREATED")).last().extracting(AuditEvent::details).asString()
        .contains("\"session\":2").contains("\"previous\":1");
    assertThat(nextSession.startNextSession(c, fx.coordinatorActor()))
        .as("session 2 is open: no session 3").contains(Refusal.PREVIOUS_NOT_COMPLETED);
    assertThat(dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor()))
        .as("no investigation, nothing to enter")
        .isEqualTo(new SessionOutcome.Refused(SessionRefusal.NO_DATA_SOURCES,
            "add a polling station or investigation first"));
  }

  @Test
  void investigationsBelongToANextSessionAndAreAudited() {
    assertThat(nextSession.add(c, fx.stations.get(1), "Hertelling", fx.coordinatorActor()))
        .contains(Refusal.NOT_NEXT_SESSION);
    assertThat(nextSession.startNextSession(c, fx.coordinatorActor())).isEmpty();
    assertThat(nextSession.add(c, fx.stations.get(1), "  ", fx.coordinatorActor())).contains(Refusal.REASON_EMPTY);
    assertThat(nextSession.add(c, 999_999, "Hertelling", fx.coordinatorActor())).contains(Refusal.NO_STATION);
    assertThat(nextSession.add(c, fx.stations.get(1), "x".repeat(NextSessionService.MAX_TEXT + 1),
        fx.coordinatorActor())).contains(Refusal.TOO_LONG);
    assertThat(nextSession.add(c, fx.stations.get(1), "Hertelling", fx.coordinatorActor())).isEmpty();
    assertThat(dataEntry.session(c).status()).as("an investigation is a data source")
        .isEqualTo(CommitteeSessionStatus.IN_PREPARATION);
    assertThat(nextSession.add(c, fx.stations.get(1), "Nog eens", fx.coordinatorActor()))
        .contains(Refusal.ALREADY_INVESTIGATED);
    assertThat(nextSession.update(c, fx.stations.get(1), "Hertelling", null, true, fx.coordinatorActor()))
        .as("corrected results follow from findings").contains(Refusal.FINDINGS_REQUIRED);
    assertThat(nextSession.update(c, fx.stations.get(0), "Hertelling", "x", true, fx.coordinatorActor()))
        .contains(Refusal.NOT_FOUND);
    assertThat(nextSession.update(c, fx.stations.get(1), "Hertelling", "Klopt", false, fx.coordinatorActor()))
        .isEmpty();
    assertThat(nextSession.investigations(c)).singleElement().satisfies(i -> {
      assertThat(i.findings()).isEqualTo("Klopt");
      assertThat(i.concluded()).isTrue();
      assertThat(i.correctedResults()).isFalse();
    });
    assertThat(nextSession.delete(c, fx.stations.get(1), fx.coordinatorActor())).isEmpty();
    assertThat(dataEntry.session(c).status()).as("the last data source removed")
        .isEqualTo(CommitteeSessionStatus.CREATED);
    assertThat(ours("INVESTIGATION_CREATED")).hasSize(1);
    assertThat(ours("INVESTIGATION_UPDATED")).singleElement().extracting(AuditEvent::details).asString()
        .contains("\"findings\":\"Klopt\"").contains("\"correctedResults\":false");
    assertThat(ours("INVESTIGATION_DELETED")).hasSize(1);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void abacus2_onlyStationsWithCorrectedResultsAreEntered() {
    sessionTwoWithInvestigationOfStation2(null);
    UserId typist = new UserId(fx.typist1);
    var actor = new nl.uitslag.app.audit.Actor(fx.typist1, "t", "127.0.0.1");
    assertThat(dataEntry.claim(c, fx.stations.get(0), EntryNumber.FIRST, typist, actor).refusal())
        .as("station 1 was not investigated").isEqualTo(DataEntryService.NOT_ORDERED);
    assertThat(dataEntry.claim(c, fx.stations.get(1), EntryNumber.FIRST, typist, actor).refusal())
        .as("station 2's investigation is in progress").isEqualTo(DataEntryService.NOT_ORDERED);
    assertThat(dataEntry.overview(c, null, false)).as("typists see no station yet").isEmpty();

    assertThat(nextSession.update(c, fx.stations.get(1), "Hertel", "Verkeerde stapel", true,
        fx.coordinatorActor())).isEmpty();
    assertThat(dataEntry.overview(c, null, false)).extracting(StationStatus::number).containsExactly(2);
    assertThat(dataEntry.claim(c, fx.stations.get(1), EntryNumber.FIRST, typist, actor).accepted()).isTrue();
    var view = dataEntry.typistView(c, fx.stations.get(1), EntryNumber.FIRST, typist).orElseThrow();
    assertThat(view.results()).as("Na 14-2 Bijlage 1 starts from the first-session result")
        .isEqualTo(NextSessionResults.prefilledFrom(CountingMethod.CSO, STATION_2));
  }

  @Test
  void abacus2_completionWaitsForFindingsAndDefinitiveCorrectedStations() {
    sessionTwoWithInvestigationOfStation2(null);
    assertThat(completeRefused().reason()).isEqualTo(SessionRefusal.INVESTIGATIONS_IN_PROGRESS);
    assertThat(nextSession.update(c, fx.stations.get(1), "Hertel", "Verkeerde stapel", true,
        fx.coordinatorActor())).isEmpty();
    assertThat(completeRefused().reason()).isEqualTo(SessionRefusal.ENTRIES_NOT_DEFINITIVE);
    ResultsFixture.enter(dataEntry, c, fx.stations.get(1), EntryNumber.FIRST, fx.typist1, corrected(RECOUNTED_2));
    assertThat(completeRefused().reason()).as("one entry is not enough")
        .isEqualTo(SessionRefusal.ENTRIES_NOT_DEFINITIVE);
    assertThat(results.overview(c).totalsProblem()).isEqualTo("NOT_ALL_DEFINITIVE");
    ResultsFixture.enter(dataEntry, c, fx.stations.get(1), EntryNumber.SECOND, fx.typist2, corrected(RECOUNTED_2));
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 26, 19, 30),
        fx.coordinatorActor())).isNull();
    complete();
  }

  @Test
  void correctedResultsGiveTheCorrigendumFilesStoredOnce() throws Exception {
    sessionTwoWithInvestigationOfStation2(true);
    fx.enterTwice(dataEntry, fx.stations.get(1), corrected(RECOUNTED_2));
    ResultsService.Overview o = results.overview(c);
    assertThat(o.totals().votes().listTotal(1)).as("95 − 40 + 35").isEqualTo(90);
    assertThat(o.totals().votes().listTotal(2)).as("55 − 20 + 25").isEqualTo(60);
    assertThat(o.totals().votes().blankVotes()).isEqualTo(3);
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 26, 19, 30),
        fx.coordinatorActor())).isNull();
    complete();

    List<StoredFile> files = results.overview(c).files();
    assertThat(files).extracting(StoredFile::kind)
        .containsExactlyInAnyOrder(Kind.EML_510B, Kind.PDF_P2A, Kind.PDF_NA14, Kind.CSV, Kind.ZIP);
    assertThat(ours("RESULTS_FILES_GENERATED")).hasSize(2);

    var coordinator = user(details.loadUserByUsername(fx.coordinator));
    byte[] zip = mvc.perform(get("/results/files/ZIP").with(coordinator)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    byte[] again = mvc.perform(get("/results/files/ZIP").with(coordinator)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(again).isEqualTo(zip);
    Map<String, byte[]> entries = ResultsFlowTest.unzip(zip);
    String id = elections.findById(fx.electionId).orElseThrow().identifier();
    assertThat(entries.keySet()).containsExactly("Model_P2a_" + id + ".pdf", "Model_Na14-2_" + id + ".pdf",
        "Telling_" + id + "_zitting-2.eml.xml", "osv4-3_telling_" + id.toLowerCase() + "_zitting-2.csv");

    byte[] eml = results.download(c, Kind.EML_510B, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(entries.get("Telling_" + id + "_zitting-2.eml.xml")).isEqualTo(eml);
    String xml = new String(eml, StandardCharsets.UTF_8);
    assertThat(schemaProblem(eml)).isNull();
    assertThat(xml).contains("PhaseCode=\"corrigendum\"");
    // Station 2's corrected list 1 total (35) with the replaced 40 beside it; the totals likewise (90, was 95).
    assertThat(xml).contains("<kr:InitialValidVotes>40</kr:InitialValidVotes>\n              <ValidVotes>35</ValidVotes>");
    assertThat(xml).contains("<kr:InitialValidVotes>95</kr:InitialValidVotes>\n              <ValidVotes>90</ValidVotes>");
    assertThat(xml).contains("<kr:InitialRejectedVotes ReasonCode=\"blanco\">2</kr:InitialRejectedVotes>");

    String fingerprint = PdfChecks.sha256Groups(eml);
    assertThat(files).filteredOn(f -> f.kind() == Kind.EML_510B).singleElement()
        .extracting(StoredFile::fingerprint).isEqualTo(fingerprint);
    for (Kind pdf : List.of(Kind.PDF_P2A, Kind.PDF_NA14)) {
      byte[] bytes = results.download(c, pdf, fx.coordinatorActor()).orElseThrow().bytes();
      assertThat(PdfChecks.fingerprintsOnEveryPage(bytes)).as(pdf.name()).containsExactly(fingerprint);
      PdfChecks.assertPdfA3aAndPdfUa1(bytes, pdf.name());
    }

    // Resuming removes the files; completing again makes them anew.
    assertThat(dataEntry.changeSession(c, SessionAction.REOPEN, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);
    assertThat(results.overview(c).files()).isEmpty();
    assertThat(ours("RESULTS_FILES_REMOVED")).hasSize(1);
    complete();
    assertThat(results.overview(c).files()).hasSize(5);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void withoutCorrectedResultsOnlyTheP2aIsMadeAndTheFirstSessionResultStands() {
    sessionTwoWithInvestigationOfStation2(false);
    assertThat(results.overview(c).totals().votes().listTotal(1)).isEqualTo(95);
    assertThat(results.saveDetails(c, "Raadzaal, Kleindorp", LocalDateTime.of(2026, 3, 26, 19, 30),
        fx.coordinatorActor())).isNull();
    complete();
    assertThat(results.overview(c).files()).extracting(StoredFile::kind)
        .containsExactlyInAnyOrder(Kind.PDF_P2A, Kind.ZIP);
  }

  @Test
  void answeringNoAfterYesDiscardsTheStationsEntryOfThisSession() {
    sessionTwoWithInvestigationOfStation2(true);
    ResultsFixture.enter(dataEntry, c, fx.stations.get(1), EntryNumber.FIRST, fx.typist1, corrected(RECOUNTED_2));
    assertThat(nextSession.update(c, fx.stations.get(1), "Hertel", "Toch goed geteld", false,
        fx.coordinatorActor())).isEmpty();
    assertThat(ours("INVESTIGATION_UPDATED")).last().extracting(AuditEvent::details).asString()
        .contains("\"entryDiscarded\":true");
    assertThat(results.overview(c).totals().votes().listTotal(1)).as("the first-session result stands")
        .isEqualTo(95);
    assertThat(nextSession.update(c, fx.stations.get(1), "Hertel", "Toch fout", true, fx.coordinatorActor()))
        .isEmpty();
    assertThat(dataEntry.overview(c, null, false)).singleElement()
        .extracting(StationStatus::status).asString().isEqualTo("NOT_STARTED");
  }

  @Test
  void investigationsCannotChangeInACompletedSession() {
    sessionTwoWithInvestigationOfStation2(false);
    complete();
    assertThat(nextSession.add(c, fx.stations.get(0), "Nog een", fx.coordinatorActor()))
        .contains(Refusal.SESSION_COMPLETED);
    assertThat(nextSession.delete(c, fx.stations.get(1), fx.coordinatorActor()))
        .contains(Refusal.SESSION_COMPLETED);
  }

  @Test
  void theScreensAreTheCoordinatorsOnly() throws Exception {
    var coordinator = user(details.loadUserByUsername(fx.coordinator));
    var typist = user(details.loadUserByUsername("rtyp1_" + fx.coordinator.substring("rcoord".length())));
    mvc.perform(get("/dataentry/investigations").with(typist)).andExpect(status().isForbidden());
    mvc.perform(post("/dataentry/next-session").with(typist).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post("/dataentry/next-session").with(coordinator).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/investigations"));
    mvc.perform(post("/dataentry/investigations").param("station", Long.toString(fx.stations.get(0)))
            .param("reason", "Hertelling lijst 2").with(coordinator).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/investigations"));
    mvc.perform(post("/dataentry/investigations/" + fx.stations.get(0)).param("reason", "Hertelling lijst 2")
            .param("findings", "Geen verschil").param("corrected", "no").with(coordinator).with(csrf()))
        .andExpect(redirectedUrl("/dataentry/investigations"));
    String page = mvc.perform(get("/dataentry/investigations").with(coordinator)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Hertelling lijst 2").contains("Geen verschil");
    assertThat(nextSession.investigations(c)).singleElement()
        .satisfies(i -> assertThat(i.corrected()).isFalse());
    mvc.perform(post("/dataentry/investigations/" + fx.stations.get(0)).param("reason", "x")
            .param("corrected", "perhaps").with(coordinator).with(csrf()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void abacus7_theInvestigationFormsCarryTheReasonAndTheOriginalFigures() throws Exception {
    var coordinator = user(details.loadUserByUsername(fx.coordinator));
    mvc.perform(get("/results/investigation-forms").with(coordinator)).andExpect(status().isNotFound());
    sessionTwoWithInvestigationOfStation2(null);
    byte[] zip = mvc.perform(get("/results/investigation-forms").with(coordinator)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    Map<String, byte[]> entries = ResultsFlowTest.unzip(zip);
    String id = elections.findById(fx.electionId).orElseThrow().identifier();
    assertThat(entries.keySet()).containsExactly("Model_Na14-2_Bijlage_1_" + id + "_Stembureau_2.pdf");
    byte[] pdf = entries.values().iterator().next();
    String text = String.join(" ", PdfChecks.pages(pdf)).replaceAll("\\s+", " ");
    assertThat(text).contains("Model Na 14-2 Bijlage 1").contains("Onverklaard verschil bij lijst 1")
        .contains("Totaal toegelaten kiezers 63");
    PdfChecks.assertPdfA3aAndPdfUa1(pdf, "Na 14-2 Bijlage 1");
    assertThat(ours("RESULTS_BLANK_FORMS_DOWNLOADED")).last().extracting(AuditEvent::details).asString()
        .contains("Na 14-2 Bijlage 1");
  }

  static String schemaProblem(byte[] xml) {
    try {
      var v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(SharedData.root().resolve("data/eml-nl-xsd/xsd/510-count-kiesraad-strict.xsd").toFile())
          .newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
