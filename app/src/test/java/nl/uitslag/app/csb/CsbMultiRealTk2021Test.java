package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.verify.CheckStatus;
import nl.uitslag.eml.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real TK2021 files of kieskring 9 (Amsterdam, 33 lists) and 5 (Lelystad, 29 lists): their 230b are taken in
 * by fingerprint and the totals of their real 510c as definitive; the CSB apportions the 150 seats over these two
 * kieskringen (not the official result, which needs all twenty) with lists nominated in one kieskring only and
 * candidates known by name only (no ShortCode in 2021). The 510d and 520 are XSD-valid, and the independent
 * verifier, given the real 110a, 230b and 510c files with our 510d and 520, finds every vote, seat and elected
 * candidate in agreement, and so does every explanation row (UncountedVotes) of the 510c.
 */
@SpringBootTest
class CsbMultiRealTk2021Test {
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

  private static final String DIR = "data/eml/TK2021/";
  private static final Map<Integer, String> KIESKRINGEN = Map.of(9, "Amsterdam", 5, "Lelystad");

  @Test
  void twoRealKieskringenOfTk2021AgreeWithTheIndependentVerifier() throws Exception {
    byte[] definition = SharedData.read(DIR + "Verkiezingsdefinitie_TK2021.eml.xml");
    long committee = CsbMultiSupport.create(imports, jdbc, definition,
        SharedData.read(DIR + "Kandidatenlijsten_TK2021_Amsterdam.eml.xml"));
    CsbService.Csb c = service.csb(committee).orElseThrow();
    long coordinator = users.insert("tk2021coord", "Voorzitter", "unused", Role.COORDINATOR, committee, false,
        Instant.parse("2021-03-19T09:00:00Z"));
    for (String name : KIESKRINGEN.values()) {
      String file = "Kandidatenlijsten_TK2021_" + name + ".eml.xml";
      assertThat(CsbMultiSupport.importLists(districts, c, file, SharedData.read(DIR + file), coordinator))
          .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
    }
    assertThat(districts.districts(c)).extracting(CsbDistrictService.DistrictInfo::number).containsExactly(5, 9);
    Map<Integer, ResultsShape> shapes = districts.shapes(c);
    for (Map.Entry<Integer, String> k : KIESKRINGEN.entrySet()) {
      var count = EmlReader.readCount(new ByteArrayInputStream(SharedData.read(DIR + "Telling_TK2021_kieskring_"
          + k.getValue() + ".eml.xml")), "510c", ReadOptions.none()).count();
      GsbResults totals = GsbTotals.fromCount(count.contests().get(0).total(), shapes.get(k.getKey()));
      CsbMultiSupport.definitiveDirect(repo, c, k.getKey(), shapes.get(k.getKey()), totals);
    }
    var view = results.view(c);
    assertThat(view.error()).isNull();
    assertThat(view.lot()).as("no tie in real figures").isNull();
    assertThat(view.result().seats().values().stream().mapToInt(Integer::intValue).sum()
        + view.result().unassignedSeats()).isEqualTo(150);
    assertThat(results.finalise(c, coordinator, Actor.console()))
        .isEqualTo(CsbResultService.FinaliseOutcome.FINALISED);
    byte[] d510 = results.document(c, CsbResultService.DocumentKind.EML_510D).orElseThrow().content();
    byte[] r520 = results.document(c, CsbResultService.DocumentKind.EML_520).orElseThrow().content();
    assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", d510)).isNull();
    assertThat(Schemas.problem("520-result-kiesraad-strict.xsd", r520)).isNull();

    Path dir = Files.createDirectories(tmp.resolve("tk2021"));
    Files.write(dir.resolve("Verkiezingsdefinitie_TK2021.eml.xml"), definition);
    for (String name : KIESKRINGEN.values()) {
      for (String kind : new String[] {"Kandidatenlijsten_TK2021_", "Telling_TK2021_kieskring_"}) {
        Files.write(dir.resolve(kind + name + ".eml.xml"), SharedData.read(DIR + kind + name + ".eml.xml"));
      }
    }
    Files.write(dir.resolve("Totaaltelling_TK2021.eml.xml"), d510);
    Files.write(dir.resolve("Resultaat_TK2021.eml.xml"), r520);
    var report = Verifier.verify(dir);
    // Every vote, list, candidate, seat, elected candidate and every UncountedVotes row of the 510c (the
    // explanations of differences such as "geen verklaring") agrees: the 510d carries the rows the 510c carried.
    assertThat(report.checks()).allSatisfy(ch -> assertThat(ch.status()).as(ch.message()).isEqualTo(CheckStatus.OK));
    assertThat(report.checks()).filteredOn(ch -> ch.message().startsWith("UncountedVotes geen verklaring"))
        .isNotEmpty();
    assertThat(report.checks()).filteredOn(ch -> ch.kind().equals("level-sum")).isNotEmpty();
    assertThat(report.checks()).filteredOn(ch -> ch.kind().equals("elected")).isNotEmpty();
  }
}
