package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.keystore.KeyStoreService;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.DetachedSignatures;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratorSpec;
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
 * The hoofdstembureau of kieskring 1 of a generated Tweede Kamer election (two kieskringen, five municipalities:
 * 0014, 0018 and 0022 in kieskring 1, 0016 and 0020 in kieskring 2). Its sources are the municipalities under its
 * kieskring in the 110a tree; a 510b from the other kieskring and a file of another kind are refused and leave
 * nothing; each 510b is the first entry and a typist's paper totals the second (one difference resolved); the
 * kieskring total is their sum and equals the generator's own 510c; the 510c validates against the schema, reads
 * back and is byte-stable; O 7 and 510c download byte for byte and reopening removes them. The tests share one
 * database and run in order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HsbKieskringTest {
  static final Path SET = generated();

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
  @Autowired HsbResultService hsbResults;
  @Autowired AuditLog audit;
  @Autowired KeyStoreService keys;
  @Autowired TransferPackageService packages;

  static CsbTestSupport hsb;

  static Path generated() {
    try {
      Path dir = Files.createTempDirectory("hsb-tk");
      EmlGenerator.generate(new GeneratorSpec("TK", 2029, 10, 2, 5, 10, 4, 5, 11), dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] file(String name) {
    try {
      return Files.readAllBytes(SET.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] municipality(String code) {
    return file("Telling_TK2029_gemeente_" + code + ".eml.xml");
  }

  @BeforeEach
  void theHsbOfKieskring1() {
    if (hsb == null) {
      hsb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, file("Verkiezingsdefinitie_TK2029.eml.xml"),
          file("Kandidatenlijsten_TK2029_kieskring_1.eml.xml"), "HSB", 1);
    }
  }

  private CsbService.Csb committee() {
    return service.csb(hsb.committeeId).orElseThrow();
  }

  private CsbService.Source source(String id) {
    return service.source(committee(), id);
  }

  private long rows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE committee_id = ?").param(hsb.committeeId)
        .query(Long.class).single();
  }

  /** The totals of a municipality as its paper PV has them: the same figures as its 510b. */
  private GsbResults paper(String code) {
    Count count = EmlReader.readCount(new ByteArrayInputStream(municipality(code)), code, ReadOptions.none()).count();
    return GsbTotals.fromCount(count.contests().get(0).total(), service.shape(committee()));
  }

  private void importFile(String code) throws Exception {
    MockHttpSession session = new MockHttpSession();
    byte[] bytes = municipality(code);
    hsb.upload(session, "Telling_TK2029_gemeente_" + code + ".eml.xml", bytes);
    hsb.confirm(session, bytes, true).andExpect(flash().attribute("importOutcome", "IMPORTED"));
  }

  @Test
  @Order(1)
  void theSourcesOfTheHsbAreTheMunicipalitiesUnderItsKieskringInTheTree() {
    CsbService.Csb c = committee();
    assertThat(c.kind()).isEqualTo(CsbService.Kind.HSB);
    assertThat(c.managingAuthority()).isEqualTo("HSB1");
    assertThat(c.district()).isEqualTo(1);
    assertThat(service.sources(c)).extracting(CsbService.Source::id).containsExactly("0014", "0018", "0022");
    assertThat(service.sources(c)).allMatch(s -> s.fileKind().equals("510b")
        && s.state().status() == DataEntryStatus.NOT_STARTED);
  }

  @Test
  @Order(2)
  void aCountFileOfAMunicipalityInAnotherKieskringIsRefusedAndNothingIsStored() throws Exception {
    hsb.upload(new MockHttpSession(), "Telling_TK2029_gemeente_0016.eml.xml", municipality("0016"))
        .andExpect(flash().attribute("rejection", containsString("0016")))
        .andExpect(flash().attribute("rejection", containsString("kieskring 1")));
    assertThat(rows("csb_count_file")).isZero();
    assertThat(rows("csb_source_entry")).isZero();
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("HSB_COUNT_FILE_REJECTED")
        && e.details().contains("0016"));
  }

  @Test
  @Order(3)
  void aCountFileOfAnotherKindIsRefused() throws Exception {
    hsb.upload(new MockHttpSession(), "Telling_TK2029_kieskring_1.eml.xml", file("Telling_TK2029_kieskring_1.eml.xml"))
        .andExpect(flash().attribute("rejection", containsString("510c")));
    hsb.upload(new MockHttpSession(), "Totaaltelling_TK2029.eml.xml", file("Totaaltelling_TK2029.eml.xml"))
        .andExpect(flash().attribute("rejection", containsString("510d")));
    assertThat(rows("csb_count_file")).isZero();
  }

  @Test
  @Order(4)
  void finalisingBeforeEveryMunicipalityIsDefinitiveIsRefused() throws Exception {
    hsb.asCoordinator(post("/csb/result/finalise"))
        .andExpect(flash().attribute("resultRefusal", "TOTALS_NOT_DEFINITIVE"));
    hsb.mvc.perform(get("/csb/result").with(hsb.as(hsb.coordinator)))
        .andExpect(content().string(containsString("totals-incomplete")));
    assertThat(rows("csb_document")).isZero();
  }

  @Test
  @Order(5)
  void deceasedCandidatesAndLotsAreNoBusinessOfAnHsb() throws Exception {
    hsb.asCoordinator(post("/csb/result/deceased").param("candidate", "1.1")).andExpect(status().isNotFound());
    hsb.asCoordinator(post("/csb/result/lot").param("outcome", "list 1")).andExpect(status().isNotFound());
  }

  @Test
  @Order(10)
  void eachFileIsTheFirstEntryAndThePaperTotalsTheSecondWithOneDifferenceResolved() throws Exception {
    importFile("0014");
    importFile("0018");
    importFile("0022");
    assertThat(service.sources(committee())).allMatch(s -> s.state().status() == DataEntryStatus.FIRST_ENTRY_FINISHED);
    assertThat(jdbc.sql("SELECT DISTINCT kind FROM csb_count_file WHERE committee_id = ?").param(hsb.committeeId)
        .query(String.class).list()).containsExactly("510b");

    hsb.enter(hsb.anna, "0014", 2, paper("0014")).andExpect(flash().attribute("finished", "DEFINITIVE"));
    hsb.enter(hsb.anna, "0018", 2, paper("0018")).andExpect(flash().attribute("finished", "DEFINITIVE"));

    // A typing error in the second entry of 0022: the entries differ; the coordinator keeps the file.
    GsbResults typo = paper("0022");
    var values = new java.util.ArrayList<FieldValue>();
    typo.fields().forEach(f -> values.add(f.value()));
    values.set(0, new FieldValue.Count(((FieldValue.Count) values.get(0)).value() + 1));
    hsb.enter(hsb.bert, "0022", 2, typo.withValues(values))
        .andExpect(flash().attribute("finished", "ENTRIES_DIFFERENT"));
    hsb.mvc.perform(get("/csb/0022/resolve").with(hsb.as(hsb.coordinator)))
        .andExpect(content().string(containsString("Aantal kiesgerechtigden")));
    hsb.asCoordinator(post("/csb/0022/resolve").param("action", "KEEP_FIRST_DISCARD_SECOND"))
        .andExpect(status().is3xxRedirection());
    assertThat(source("0022").state().status()).isEqualTo(DataEntryStatus.FIRST_ENTRY_FINISHED);
    hsb.enter(hsb.carla, "0022", 2, paper("0022")).andExpect(flash().attribute("finished", "DEFINITIVE"));
    assertThat(audit.events(80)).anyMatch(e -> e.eventType().equals("HSB_COUNT_FILE_IMPORTED"))
        .anyMatch(e -> e.eventType().startsWith("HSB_ENTRY_") && e.details().contains("DEFINITIVE"));
  }

  @Test
  @Order(11)
  void theKieskringTotalIsTheSumOfItsMunicipalitiesAndEqualsTheGeneratorsOwn510c() {
    var view = hsbResults.view(committee());
    assertThat(view.totalsComplete()).isTrue();
    assertThat(view.municipalities()).extracting(HsbResultService.MunicipalityTotals::code)
        .containsExactly("0014", "0018", "0022");
    var expected = GsbTotals.sum(List.of(paper("0014"), paper("0018"), paper("0022")));
    assertThat(view.total()).isEqualTo(expected);

    VoteCounts generator = EmlReader.readCount(new ByteArrayInputStream(file("Telling_TK2029_kieskring_1.eml.xml")),
        "510c", ReadOptions.none()).count().contests().get(0).total();
    assertSameTotals(GsbTotals.toCount(view.total(), view.lists()), generator);
  }

  static void assertSameTotals(VoteCounts ours, VoteCounts theirs) {
    assertThat(ours.eligibleVoters()).isEqualTo(theirs.eligibleVoters());
    assertThat(ours.totalCounted()).isEqualTo(theirs.totalCounted());
    assertThat(ours.rejected().get(RejectedReason.BLANK)).isEqualTo(theirs.rejected().get(RejectedReason.BLANK));
    assertThat(ours.rejected().get(RejectedReason.INVALID)).isEqualTo(theirs.rejected().get(RejectedReason.INVALID));
    assertThat(ours.lists()).hasSameSizeAs(theirs.lists());
    for (int i = 0; i < ours.lists().size(); i++) {
      var a = ours.lists().get(i);
      var b = theirs.lists().get(i);
      assertThat(a.listNumber()).isEqualTo(b.listNumber());
      assertThat(a.votes()).as("list %d", a.listNumber()).isEqualTo(b.votes());
      for (var cv : b.candidates()) {
        assertThat(a.candidates().get(cv.position() - 1).votes()).as("candidate %d.%d", a.listNumber(), cv.position())
            .isEqualTo(cv.votes());
      }
    }
  }

  @Test
  @Order(12)
  void the510cIsByteStableValidatesAndReadsBackLikeTheRealTk2021Files() {
    CsbService.Csb c = committee();
    var view = hsbResults.view(c);
    LocalDateTime created = LocalDateTime.of(2029, 3, 23, 14, 0);
    var a = hsbResults.documents(c, view, created);
    var b = hsbResults.documents(c, view, created);
    assertThat(a.count510c()).isEqualTo(b.count510c());
    assertThat(a.pv()).isEqualTo(b.pv());
    assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", a.count510c())).isNull();
    var doc = EmlReader.readCount(new ByteArrayInputStream(a.count510c()), "510c", ReadOptions.none());
    Count count = doc.count();
    assertThat(doc.header().kind()).isEqualTo(nl.uitslag.eml.EmlKind.E510C);
    assertThat(count.authority().id()).isEqualTo("HSB1");
    ContestCount contest = count.contests().get(0);
    assertThat(contest.contestId()).isEqualTo("1");
    assertThat(contest.units()).extracting(u -> u.id()).containsExactly("HSB1::0014", "HSB1::0018", "HSB1::0022");
    assertSameTotals(contest.total(), GsbTotals.toCount(view.total(), view.lists()));
    assertThat(new String(a.pv(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
  }

  @Test
  @Order(20)
  void finalisingStoresThe510cAndO7WhichDownloadByteForByteAndReopeningRemovesThem() throws Exception {
    hsb.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    assertThat(service.finalised(committee())).isTrue();
    byte[] stored = jdbc.sql("SELECT content FROM csb_document WHERE committee_id = ? AND kind = 'EML_510C'")
        .param(hsb.committeeId).query(byte[].class).single();
    String name = jdbc.sql("SELECT file_name FROM csb_document WHERE committee_id = ? AND kind = 'EML_510C'")
        .param(hsb.committeeId).query(String.class).single();
    assertThat(name).startsWith("Telling_TK2029_kieskring_").endsWith(".eml.xml");
    byte[] downloaded = hsb.mvc.perform(get("/csb/documents/EML_510C").with(hsb.as(hsb.coordinator)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(downloaded).isEqualTo(stored);
    byte[] pv = hsb.mvc.perform(get("/csb/documents/O7").with(hsb.as(hsb.coordinator)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(pv)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertThat(text).contains("Model O 7").contains(Fingerprint.of(stored).toString());
    }
    assertThat(audit.events(20)).anyMatch(e -> e.eventType().equals("HSB_RESULT_FINALISED")
        && e.details().contains(Fingerprint.of(stored).toString()));

    // Entries are closed while finalised.
    hsb.mvc.perform(post("/csb/0014/entry/1/claim").with(hsb.as(hsb.anna)).with(csrf()))
        .andExpect(flash().attribute("refusal", "FINALISED"));

    hsb.asCoordinator(post("/csb/result/reopen")).andExpect(status().is3xxRedirection());
    assertThat(rows("csb_document")).isZero();
    assertThat(audit.events(10)).anyMatch(e -> e.eventType().equals("HSB_RESULT_REOPENED"));
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  @Order(21)
  void theFinalised510cIsSignedWithTheHsbsKeyAndTheSignatureVerifiesWithTheCa() throws Exception {
    hsb.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    long election = committee().election().id();
    char[] ca = "ceremonie kieskring een 2029".toCharArray();
    char[] key = "wachtzin hoofdstembureau kieskring 1".toCharArray();
    Actor actor = Actor.console();
    keys.createAuthority(election, "Kiesraad als centraal stembureau", LocalDate.of(2025, 1, 1),
        LocalDate.of(2035, 12, 31), ca, actor);
    keys.issueCommittee(election, "HSB1", "Hoofdstembureau kieskring 1", ca, key, actor);
    hsb.mvc.perform(get("/csb/result").with(hsb.as(hsb.coordinator)))
        .andExpect(content().string(containsString("id=\"sign-form\"")));

    hsb.asCoordinator(post("/csb/result/sign").param("passphrase", new String(key)))
        .andExpect(flash().attribute("signedCount", 1));
    byte[] file = hsb.mvc.perform(get("/csb/documents/EML_510C").with(hsb.as(hsb.coordinator)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    byte[] p7s = hsb.mvc.perform(get("/csb/documents/EML_510C/signature").with(hsb.as(hsb.coordinator)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    var trust = ElectionTrust.of(Certificates.fromPem(
        keys.exportCertificate(election, "authority")).get(0));
    var signer = DetachedSignatures.verify(file, p7s, trust, Instant.now());
    assertThat(signer.committeeId()).isEqualTo("HSB1");
    byte[] flipped = file.clone();
    flipped[flipped.length / 2] ^= 1;
    assertThatThrownBy(() -> DetachedSignatures.verify(flipped, p7s, trust, Instant.now()))
        .isInstanceOf(RejectedException.class);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  @Order(22)
  void the510cAndO7AreSealedForTheCsbAndOpenThereAsTheHsbsFile() throws Exception {
    long election = committee().election().id();
    char[] ca = "ceremonie kieskring een 2029".toCharArray();
    char[] hsbKey = "wachtzin hoofdstembureau kieskring 1".toCharArray();
    char[] csbKey = "wachtzin kiesraad als centraal stembureau".toCharArray();
    keys.issueCommittee(election, "CSB", "Kiesraad als centraal stembureau", ca, csbKey, Actor.console());

    hsb.asCoordinator(post("/csb/result/seal").param("passphrase", "niet de goede wachtzin").param("recipient", "CSB"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("sealRejection"));
    assertThat(audit.events(5)).anyMatch(e -> e.details().contains("WRONG_PASSPHRASE"));

    byte[] sealed = hsb.mvc.perform(post("/csb/result/seal").param("passphrase", new String(hsbKey))
            .param("recipient", "CSB").with(hsb.as(hsb.coordinator)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    byte[] stored = jdbc.sql("SELECT content FROM csb_document WHERE committee_id = ? AND kind = 'EML_510C'")
        .param(hsb.committeeId).query(byte[].class).single();
    TransferPackageService.Opened opened = packages.open(election, sealed, csbKey,
        new TransferPackageService.Expectation("510c", 1), Actor.console());
    assertThat(opened.eml().bytes()).isEqualTo(stored);
    assertThat(opened.signerCommitteeId()).isEqualTo("HSB1");
    assertThat(opened.kind()).isEqualTo("510c");
    assertThat(audit.verify()).isEmpty();
  }
}
