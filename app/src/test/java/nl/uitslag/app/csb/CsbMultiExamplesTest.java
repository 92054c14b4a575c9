package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.domain.apportionment.Stemwaarde;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.Committee;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.verify.CheckStatus;
import nl.uitslag.eml.verify.Verifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.domain.fingerprint.Fingerprint;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The multi-district worked examples of apportionment.md §6.5 through the CSB of the app, from definitive kieskring
 * totals to the finalised 520: a lijstengroep (tk_group, Kieswet P 12), a preferential candidate on a list without
 * a free seat (tk_p16, P 16 lid 2), one person heading two lists (tk_p18, P 18), and the Eerste Kamer with
 * stemwaarden per province (ek_weights, U 2, U 3, U 10) with its U 16; plus the refusals of the kieskring page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CsbMultiExamplesTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @TempDir Path tmp;

  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired UserRepository users;
  @Autowired CsbService service;
  @Autowired CsbRepository repo;
  @Autowired CsbDistrictService districts;
  @Autowired CsbResultService results;
  @Autowired MockMvc mvc;
  @Autowired UitslagUserDetailsService details;

  private static final LocalDate DAY = LocalDate.of(2031, 3, 19);

  /** One list of a kieskring: its number, appellation and candidates (ShortCode = name). */
  record L(int number, String name, String... candidates) {}

  /** The files of an example election and the CSB made from them. */
  final class Example {
    final ElectionIdentifier id;
    final byte[] definition;
    final Map<String, byte[]> lists = new LinkedHashMap<>();
    CsbService.Csb csb;
    long coordinator;

    Example(String electionId, String subcategory, int seats, int districtCount, List<List<L>> perContest,
        boolean all) {
      ElectionCategory category = ElectionCategory.fromCode(subcategory.substring(0, 2));
      id = new ElectionIdentifier(electionId, "Voorbeeld " + electionId, category, subcategory, null, DAY,
          DAY.minusDays(44));
      List<ElectionRegion> regions = new ArrayList<>();
      regions.add(new ElectionRegion("STAAT", 1, "Nederland", null, null, List.of(new Committee("CSB", "De Kiesraad"))));
      for (int d = 1; d <= districtCount; d++) {
        regions.add(new ElectionRegion(all ? "PROVINCIE" : "KIESKRING", d, "Kring " + d, "STAAT", 1,
            all ? List.of() : List.of(new Committee("HSB", null))));
      }
      definition = EmlWriter.writeDefinition(new ElectionDefinition(id, "alle", "SPV", seats, 0, regions,
          List.of("A", "B", "C")), DAY.minusDays(80), DAY.minusDays(80).atTime(10, 0));
      for (int k = 0; k < perContest.size(); k++) {
        String contest = all ? "alle" : String.valueOf(k + 1);
        List<CandidateList> cl = new ArrayList<>();
        for (L l : perContest.get(k)) {
          List<Candidate> cs = new ArrayList<>();
          for (int i = 0; i < l.candidates().length; i++) {
            cs.add(new Candidate(i + 1, l.candidates()[i], new PersonName("X.", null, null, l.candidates()[i]), null,
                "Ergens", null));
          }
          cl.add(new CandidateList(l.number(), l.name(), "lijstengroep", null, true, cs));
        }
        lists.put("Kandidatenlijsten_" + electionId + "_" + contest + ".eml.xml", EmlWriter.writeCandidateLists(
            new CandidateLists(id, DAY.minusDays(40), List.of(new ContestLists(contest, all ? null : "Kring "
                + contest, cl))), new ManagingAuthority("CSB", "De Kiesraad"), DAY.minusDays(40).atTime(16, 0)));
      }
    }

    CsbService.Csb create() {
      long committee = CsbMultiSupport.create(imports, jdbc, definition, lists.values().iterator().next());
      csb = service.csb(committee).orElseThrow();
      coordinator = users.insert("excoord" + committee, "Voorzitter", "unused", Role.COORDINATOR, committee, false,
          Instant.parse("2031-03-20T09:00:00Z"));
      for (Map.Entry<String, byte[]> f : lists.entrySet()) {
        assertThat(CsbMultiSupport.importLists(districts, csb, f.getKey(), f.getValue(), coordinator))
            .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
      }
      return csb;
    }

    void totals(int district, VoteCounts count) {
      var shape = districts.shapes(csb).get(district);
      CsbMultiSupport.definitive(service, repo, csb, district, shape, GsbTotals.fromCount(count, shape));
    }

    ElectionResult finalise() {
      assertThat(results.finalise(csb, coordinator, Actor.console()))
          .isEqualTo(CsbResultService.FinaliseOutcome.FINALISED);
      byte[] b = results.document(csb, CsbResultService.DocumentKind.EML_520).orElseThrow().content();
      assertThat(Schemas.problem("520-result-kiesraad-strict.xsd", b)).isNull();
      assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", results.document(csb,
          CsbResultService.DocumentKind.EML_510D).orElseThrow().content())).isNull();
      return ((EmlDocument.Result) EmlReader.read(new ByteArrayInputStream(b), "520", ReadOptions.none())).result();
    }

    /** Every published file and ours together in a directory, for the independent verifier. */
    Path published() throws Exception {
      Path dir = Files.createDirectories(tmp.resolve(id.id()));
      Files.write(dir.resolve("Verkiezingsdefinitie.eml.xml"), definition);
      for (Map.Entry<String, byte[]> f : lists.entrySet()) {
        Files.write(dir.resolve(f.getKey()), f.getValue());
      }
      Files.write(dir.resolve("Totaaltelling.eml.xml"), results.document(csb, CsbResultService.DocumentKind.EML_510D)
          .orElseThrow().content());
      Files.write(dir.resolve("Resultaat.eml.xml"), results.document(csb, CsbResultService.DocumentKind.EML_520)
          .orElseThrow().content());
      return dir;
    }
  }

  /** The elected of each list in the 520, by ShortCode in the order printed, with "*" for P 15 (Ranking 1). */
  static Map<Integer, List<String>> elected(ElectionResult r) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    int current = 0;
    for (ResultEntry e : r.contests().get(0).entries()) {
      if (e instanceof ElectedList l) {
        current = l.listNumber();
        out.put(current, new ArrayList<>());
      } else {
        ElectedCandidate c = (ElectedCandidate) e;
        out.get(current).add(c.shortCode() + (c.ranking() == 1 ? "*" : ""));
      }
    }
    return out;
  }

  static long[] v(long... x) {
    return x;
  }

  @Test
  void tkGroup_listGroupSeatsP12AndTheCandidateOnTwoListsP16() throws Exception {
    L x = new L(1, "A", "A1", "A2", "A3", "A4");
    L y = new L(1, "A", "A1", "A5", "A6", "A7");
    L b = new L(2, "B", "B1", "B2", "B3", "B4");
    L c = new L(3, "C", "C1", "C2");
    Example ex = new Example("TK2031", "TK", 10, 3, List.of(List.of(x, b, c), List.of(x, b), List.of(y, b)), false);
    ex.create();
    ex.totals(1, CsbMultiSupport.count(v(300, 50, 20, 10), v(200, 30, 10, 5), v(90, 10)));
    ex.totals(2, CsbMultiSupport.count(v(200, 40, 30, 10), v(150, 20, 5, 5)));
    ex.totals(3, CsbMultiSupport.count(v(150, 100, 20, 10), v(100, 20, 10, 5)));
    var view = results.view(ex.csb);
    assertThat(view.result().seats()).containsExactly(Map.entry(1, 6), Map.entry(2, 4), Map.entry(3, 0));
    assertThat(view.groupLists()).containsOnlyKeys("1.1", "1.2");
    assertThat(view.groupLists().get("1.1").seats()).isEqualTo(4);
    assertThat(view.groupLists().get("1.2").seats()).isEqualTo(2);
    assertThat(view.listVotes()).containsEntry(1, 940L).containsEntry(2, 560L).containsEntry(3, 100L);
    // A1 stands on both lists of the group: one person with 650 votes (P 15 lid 1).
    assertThat(view.candidates().get("1.A1").votes()).isEqualTo(650);

    Map<Integer, List<String>> elected = elected(ex.finalise());
    assertThat(elected.get(1)).containsExactly("A1*", "A2*", "A3*", "A4", "A5*", "A6");
    assertThat(elected.get(2)).containsExactly("B1*", "B2*", "B3", "B4");
    assertThat(elected).doesNotContainKey(3);
    byte[] pv = results.document(ex.csb, CsbResultService.DocumentKind.P22_1).orElseThrow().content();
    try (var doc = Loader.loadPDF(pv)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Model P 22-1")
          .contains("Verdeling binnen lijstengroepen").contains("1.2 3 280 2");
    }
    var report = Verifier.verify(ex.published());
    assertThat(report.checks()).filteredOn(ch -> ch.status() != CheckStatus.OK).isEmpty();
  }

  @Test
  void tkP16_aPreferentialCandidateOnAListWithoutFreeSeatTakesTheLastGroupSeat_P16lid2() {
    L x = new L(1, "A", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8");
    L y = new L(1, "A", "A9");
    L b = new L(2, "B", "B1", "B2", "B3", "B4");
    Example ex = new Example("TK2032", "TK", 10, 3, List.of(List.of(x, b), List.of(x, b), List.of(y, b)), false);
    ex.create();
    ex.totals(1, CsbMultiSupport.count(v(1000, 10, 10, 10, 10, 10, 10, 10), v(480, 0, 0, 0)));
    ex.totals(2, CsbMultiSupport.count(v(5, 0, 0, 0, 0, 0, 0, 0), v(0, 0, 0, 0)));
    ex.totals(3, CsbMultiSupport.count(v(45), v(0, 0, 0, 0)));
    var view = results.view(ex.csb);
    assertThat(view.groupLists().get("1.1").seats()).isEqualTo(6);
    assertThat(view.groupLists().get("1.2").seats()).isEqualTo(1);
    Map<Integer, List<String>> elected = elected(ex.finalise());
    assertThat(elected.get(1)).containsExactly("A1*", "A2", "A3", "A4", "A5", "A6", "A9*");
  }

  @Test
  void tkP18_onePersonElectedOnTwoListsKeepsTheListWithMostVotes_P18() {
    String[] xs = {"A1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X10"};
    String[] ys = {"A1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10"};
    L b = new L(2, "B", "B1", "B2", "B3", "B4", "B5", "B6", "B7");
    Example ex = new Example("TK2033", "TK", 10, 2, List.of(List.of(new L(1, "A", xs), b),
        List.of(new L(1, "A", ys), b)), false);
    ex.create();
    ex.totals(1, CsbMultiSupport.count(v(20, 45, 45, 45, 45, 45, 45, 45, 45, 20), v(1200, 0, 0, 0, 0, 0, 0)));
    ex.totals(2, CsbMultiSupport.count(v(15, 45, 45, 45, 45, 45, 45, 45, 45, 25), v(0, 0, 0, 0, 0, 0, 0)));
    Map<Integer, List<String>> elected = elected(ex.finalise());
    assertThat(elected.get(1)).containsExactly("A1", "X2", "Y2", "Y3");
    assertThat(elected.get(2)).hasSize(6);
  }

  @Test
  void ekWeights_stemwaardeEnteredPerProvinceAndPrintedOnU16_U2U3() throws Exception {
    L a = new L(1, "A", "A1", "A2", "A3");
    L b = new L(2, "B", "B1", "B2");
    L c = new L(3, "C", "C1");
    Example ex = new Example("EK2031", "EK", 5, 2, List.of(List.of(a, b, c)), true);
    ex.create();
    // Without voting bodies and their stemwaarde nothing can be computed.
    assertThat(results.view(ex.csb).error()).contains("stemwaarde");
    // Body 1 with the optional U 2 lid 1 check: 410 000 / (100 × 41) = 100.
    assertThat(districts.setVoteWeight(ex.csb, 1, "Provinciale Staten van Een", 100,
        new CsbDistrictService.WeightBasis(Stemwaarde.BodyKind.PROVINCE, 410_000, 41), ex.coordinator,
        Actor.console())).isEqualTo(new CsbDistrictService.WeightSaved(new Stemwaarde.Agrees(100)));
    assertThat(districts.setVoteWeight(ex.csb, 2, "Provinciale Staten van Twee", 300, ex.coordinator,
        Actor.console())).isTrue();
    assertThat(districts.setVoteWeight(ex.csb, 3, "Nergens", 0, ex.coordinator, Actor.console())).isFalse();
    assertThat(districts.districts(ex.csb)).extracting(CsbDistrictService.DistrictInfo::voteWeight)
        .containsExactly(100L, 300L);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'CSB_VOTE_WEIGHT_RECORDED'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    ex.totals(1, CsbMultiSupport.count(v(6, 1, 1), v(4, 0), v(3)));
    ex.totals(2, CsbMultiSupport.count(v(2, 1, 0), v(5, 1), v(1)));
    var view = results.view(ex.csb);
    assertThat(view.result().totalVotes()).isEqualTo(4500);
    assertThat(view.result().seats()).containsExactly(Map.entry(1, 2), Map.entry(2, 2), Map.entry(3, 1));
    Map<Integer, List<String>> elected = elected(ex.finalise());
    assertThat(elected.get(1)).startsWith("A1*").hasSize(2);
    assertThat(elected.get(2)).containsExactly("B1*", "B2");
    assertThat(elected.get(3)).containsExactly("C1");
    assertThat(results.document(ex.csb, CsbResultService.DocumentKind.P22_1)).isEmpty();
    byte[] pv = results.document(ex.csb, CsbResultService.DocumentKind.U16).orElseThrow().content();
    try (var doc = Loader.loadPDF(pv)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Model U 16")
          .contains("2 Provinciale Staten van Twee 300 0 0 10 3000")
          .contains("Stemwaarde volgens Kieswet U 2 lid 1")
          .contains("1 Provinciale Staten van Een 410000 41 100 100 gelijk aan de berekening");
    }
    // The 510d carries the stemcijfers (ballots × stemwaarde), which is what the verifier recomputes from.
    var report = Verifier.verify(ex.published());
    assertThat(report.checks()).filteredOn(ch -> ch.status() != CheckStatus.OK).isEmpty();
    assertThat(report.checks()).filteredOn(ch -> ch.kind().equals("seats")).isNotEmpty();
    // Finalised: the stemwaarde can no longer change.
    assertThat(districts.setVoteWeight(ex.csb, 1, "Provinciale Staten van Een", 101, ex.coordinator,
        Actor.console())).isFalse();
  }

  @Test
  void ekStemwaardeDifferingFromU2lid1IsRefusedAndAuditedAndTheUnconfirmedRuleIsAcceptedAsEntered()
      throws Exception {
    L a = new L(1, "A", "A1");
    Example ex = new Example("EK2035", "EK", 5, 2, List.of(List.of(a)), true);
    long committee = CsbMultiSupport.create(imports, jdbc, ex.definition, ex.lists.values().iterator().next());
    CsbTestSupport web = CsbTestSupport.forCommittee(mvc, details, users, committee);
    ex.csb = service.csb(committee).orElseThrow();
    long user = users.insert("ekcoordu2" + committee, "Voorzitter", "unused", Role.COORDINATOR, committee, false,
        Instant.parse("2035-03-20T09:00:00Z"));
    // Flevoland 2023: 444 850 / (100 × 41) = 108.5 → 109; a published 108 is refused and nothing is stored.
    var flevoland = new CsbDistrictService.WeightBasis(Stemwaarde.BodyKind.PROVINCE, 444_850, 41);
    assertThat(districts.setVoteWeight(ex.csb, 9, "Provinciale Staten van Flevoland", 108, flevoland,
        user, Actor.console())).isEqualTo(
            new CsbDistrictService.WeightDiffersFromU2(new Stemwaarde.Differs(109, 108), flevoland));
    assertThat(districts.districts(ex.csb)).isEmpty();
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'CSB_VOTE_WEIGHT_REFUSED'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    // Through the screen: the message names the computed value.
    web.asCoordinator(post("/csb/districts/weight").param("number", "9").param("name", "Flevoland")
        .param("weight", "108").param("kind", "PROVINCE").param("inhabitants", "444850").param("members", "41"))
        .andExpect(flash().attribute("weightDiffers", List.of(108L, 109L, 444_850L, 41)));
    web.asCoordinator(post("/csb/districts/weight").param("number", "9").param("name", "Flevoland")
        .param("weight", "109").param("kind", "PROVINCE").param("inhabitants", "444850").param("members", "41"))
        .andExpect(flash().attributeCount(0));
    // Kiescollege niet-ingezetenen 2023: published 20, where the formula gives 15: accepted, the screen says so.
    web.asCoordinator(post("/csb/districts/weight").param("number", "16").param("name", "Kiescollege niet-ingezetenen")
        .param("weight", "20").param("kind", "NON_RESIDENTS_KIESCOLLEGE").param("inhabitants", "37455")
        .param("members", "25")).andExpect(flash().attribute("weightUnconfirmed", List.of(20L, 15L)));
    // Half a basis is refused rather than guessed.
    web.asCoordinator(post("/csb/districts/weight").param("number", "1").param("name", "Groningen")
        .param("weight", "100").param("kind", "PROVINCE").param("inhabitants", "586000"))
        .andExpect(flash().attribute("weightRefused", true));
    assertThat(districts.districts(ex.csb)).extracting(CsbDistrictService.DistrictInfo::voteWeight)
        .containsExactly(109L, 20L);
    assertThat(districts.districts(ex.csb).get(1).weightCheck()).isEqualTo(new Stemwaarde.RuleUnconfirmed(15, 20));
    mvc.perform(get("/csb/districts").with(web.as(web.coordinator))).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-u2=\"Agrees\"")))
        .andExpect(content().string(containsString("data-u2=\"RuleUnconfirmed\"")));
  }

  @Test
  void theKieskringPageRefusesAWrongFingerprintAnotherElectionAndWeightsOutsideTheEk() {
    L a = new L(1, "A", "A1");
    Example ex = new Example("TK2034", "TK", 3, 2, List.of(List.of(a), List.of(a)), false);
    long committee = CsbMultiSupport.create(imports, jdbc, ex.definition, ex.lists.values().iterator().next());
    CsbService.Csb c = service.csb(committee).orElseThrow();
    long user = users.insert("excoordx" + committee, "Voorzitter", "unused", Role.COORDINATOR, committee, false,
        Instant.parse("2031-03-20T09:00:00Z"));
    byte[] file = ex.lists.values().iterator().next();
    var pending = districts.readListsFile(c, "k1.xml", file);
    assertThat(districts.confirmLists(c, pending, "0000", "0000", user, Actor.console()))
        .isIn(CsbDistrictService.ListsOutcome.FINGERPRINT_MISMATCH);
    assertThat(districts.districts(c)).isEmpty();

    Example other = new Example("TK2035", "TK", 3, 1, List.of(List.of(a)), false);
    assertThatThrownBy(() -> districts.readListsFile(c, "other.xml", other.lists.values().iterator().next()))
        .isInstanceOf(CsbDistrictService.ListsFileRejected.class).hasMessageContaining("TK2035");
    assertThatThrownBy(() -> districts.readListsFile(c, "junk.xml", "<EML/>".getBytes()))
        .isInstanceOf(CsbDistrictService.ListsFileRejected.class);
    assertThat(districts.setVoteWeight(c, 1, "Kring 1", 100, user, Actor.console())).isFalse();

    // The same kieskring twice replaces its file.
    assertThat(CsbMultiSupport.importLists(districts, c, "k1.xml", file, user))
        .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
    assertThat(CsbMultiSupport.importLists(districts, c, "k1-again.xml", file, user))
        .isEqualTo(CsbDistrictService.ListsOutcome.REPLACED);
    assertThat(districts.districts(c)).singleElement().satisfies(d -> {
      assertThat(d.number()).isEqualTo(1);
      assertThat(d.listsFileName()).contains("k1-again.xml");
    });
    // Kieskring 2 has no candidate lists yet: the result says so.
    assertThat(results.view(c).totalsComplete()).isFalse();
  }

  @Test
  void theScreens_kieskringPageImportsByFingerprintAndTheResultShowsGroupsAndTakesADeceasedCandidate_P19a()
      throws Exception {
    L x = new L(1, "A", "A1", "A2", "A3", "A4");
    L y = new L(1, "A", "A1", "A5", "A6", "A7");
    L b = new L(2, "B", "B1", "B2", "B3", "B4");
    L c = new L(3, "C", "C1", "C2");
    Example ex = new Example("TK2036", "TK", 10, 3, List.of(List.of(x, b, c), List.of(x, b), List.of(y, b)), false);
    long committee = CsbMultiSupport.create(imports, jdbc, ex.definition, ex.lists.values().iterator().next());
    CsbTestSupport web = CsbTestSupport.forCommittee(mvc, details, users, committee);
    ex.csb = service.csb(committee).orElseThrow();
    mvc.perform(get("/csb/districts").with(web.as(web.coordinator))).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"districts\"")))
        .andExpect(content().string(containsString("action=\"/csb/districts/import\"")));
    for (Map.Entry<String, byte[]> f : ex.lists.entrySet()) {
      MockHttpSession session = new MockHttpSession();
      mvc.perform(multipart("/csb/districts/import").file(new MockMultipartFile("file", f.getKey(), "text/xml",
          f.getValue())).with(web.as(web.coordinator)).with(csrf()).session(session))
          .andExpect(status().is3xxRedirection());
      var pending = (CsbDistrictService.PendingLists) session.getAttribute("csbPendingDistrictLists");
      Fingerprint fp = Fingerprint.of(f.getValue());
      mvc.perform(post("/csb/districts/import/confirm").param("first", fp.group(pending.challenge().firstHidden()))
          .param("second", fp.group(pending.challenge().secondHidden())).with(web.as(web.coordinator)).with(csrf())
          .session(session)).andExpect(flash().attribute("listsOutcome", "IMPORTED"));
    }
    // The sources of this CSB are hoofdstembureaus: its overview says so, not "gemeentelijke stembureaus".
    mvc.perform(get("/csb").with(web.as(web.coordinator))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Totalen van de hoofdstembureaus")))
        .andExpect(content().string(not(containsString("gemeentelijke stembureaus"))));
    mvc.perform(get("/csb/districts").with(web.as(web.anna))).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-district=\"3\"")))
        .andExpect(content().string(not(containsString("action=\"/csb/districts/import\""))));
    mvc.perform(multipart("/csb/districts/import").file(new MockMultipartFile("file", "x.xml", "text/xml",
        new byte[] {1})).with(web.as(web.anna)).with(csrf())).andExpect(status().isForbidden());

    ex.totals(1, CsbMultiSupport.count(v(300, 50, 20, 10), v(200, 30, 10, 5), v(90, 10)));
    ex.totals(2, CsbMultiSupport.count(v(200, 40, 30, 10), v(150, 20, 5, 5)));
    ex.totals(3, CsbMultiSupport.count(v(150, 100, 20, 10), v(100, 20, 10, 5)));
    mvc.perform(get("/csb/result").with(web.as(web.coordinator))).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"group-lists\"")))
        .andExpect(content().string(containsString("data-list=\"1.2\"")))
        .andExpect(content().string(containsString("action=\"/csb/districts/deceased\"")))
        // A TK result is laid down in a P 22-1, not the P 22-2 of a single kieskring.
        .andExpect(content().string(containsString("Uitslag vaststellen (P 22-1, 510d en 520 maken)")));

    // A5 died (P 19a): list 1.2 keeps its two seats and fills them with the next candidates in list order.
    web.asCoordinator(post("/csb/districts/deceased").param("candidate", "1.A5"))
        .andExpect(status().is3xxRedirection());
    var view = results.view(ex.csb);
    assertThat(view.deceased()).containsExactly("1.A5");
    assertThat(view.result().lists().get("1.2").elected()).containsExactly("1.A6", "1.A7");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'CSB_DECEASED_RECORDED'"
        + " AND details LIKE '%1.A5%'").query(Long.class).single()).isEqualTo(1);
    web.asCoordinator(post("/csb/districts/deceased").param("candidate", "9.Niemand"))
        .andExpect(flash().attribute("resultRefusal", "deceased"));
    web.asCoordinator(post("/csb/result/finalise")).andExpect(status().is3xxRedirection());
    assertThat(results.document(ex.csb, CsbResultService.DocumentKind.P22_1)).isPresent();
    mvc.perform(get("/csb/documents/P22_1").with(web.as(web.coordinator))).andExpect(status().isOk());
    web.asCoordinator(post("/csb/districts/deceased").param("candidate", "1.A5").param("remove", "true"))
        .andExpect(flash().attribute("resultRefusal", "deceased"));
  }
}
