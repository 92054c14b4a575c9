package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import nl.uitslag.eml.verify.CheckStatus;
import nl.uitslag.eml.verify.VerificationReport;
import nl.uitslag.eml.verify.Verifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A generated Tweede Kamer election of three kieskringen (EmlGenerator): the CSB takes in the 230b of every
 * kieskring by fingerprint and the kieskring totals of the generated 510c files as definitive, and its finalised
 * 520 holds exactly the seats and elected candidates of the generated one; its 510d and 520 are XSD-valid,
 * byte-stable, and the independent verifier run over the set with our files finds no difference.
 */
@SpringBootTest
class CsbMultiGeneratedTkTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @TempDir static Path dir;
  static GeneratedSet set;

  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired UserRepository users;
  @Autowired CsbService service;
  @Autowired CsbRepository repo;
  @Autowired CsbDistrictService districts;
  @Autowired CsbResultService results;
  @Autowired CsbMultiResult multi;

  static final GeneratorSpec SPEC = new GeneratorSpec("TK", 2029, 31, 3, 6, 30, 8, 20, 5);

  @BeforeAll
  static void generate() {
    set = EmlGenerator.generate(SPEC, dir.resolve("set"));
  }

  private static byte[] file(String name) throws IOException {
    return Files.readAllBytes(dir.resolve("set").resolve(name));
  }

  private CsbService.Csb theCsb() throws IOException {
    long committee = CsbMultiSupport.create(imports, jdbc, file("Verkiezingsdefinitie_TK2029.eml.xml"),
        file("Kandidatenlijsten_TK2029_kieskring_1.eml.xml"));
    CsbService.Csb c = service.csb(committee).orElseThrow();
    long coordinator = users.insert("tkcoord" + committee, "Voorzitter", "unused", Role.COORDINATOR, committee, false,
        java.time.Instant.parse("2029-03-20T09:00:00Z"));
    for (int d = 1; d <= SPEC.districts(); d++) {
      String name = "Kandidatenlijsten_TK2029_kieskring_" + d + ".eml.xml";
      assertThat(CsbMultiSupport.importLists(districts, c, name, file(name), coordinator))
          .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
    }
    assertThat(results.view(c).totalsComplete()).isFalse();
    Map<Integer, ResultsShape> shapes = districts.shapes(c);
    for (int d = 1; d <= SPEC.districts(); d++) {
      var doc = EmlReader.readCount(new ByteArrayInputStream(file("Telling_TK2029_kieskring_" + d + ".eml.xml")),
          "510c", ReadOptions.none());
      ContestCount contest = doc.count().contests().get(0);
      GsbResults totals = GsbTotals.fromCount(contest.total(), shapes.get(d));
      CsbMultiSupport.definitive(service, repo, c, d, shapes.get(d), totals);
    }
    for (String lot : set.lots()) {
      assertThat(results.recordLot(c, lot, coordinator, Actor.console())).isTrue();
    }
    assertThat(results.finalise(c, coordinator, Actor.console())).isEqualTo(CsbResultService.FinaliseOutcome.FINALISED);
    return c;
  }

  @Test
  void theCsbReproducesTheGenerated520AndTheVerifierAgrees() throws Exception {
    CsbService.Csb c = theCsb();
    var view = results.view(c);
    assertThat(view.multiDistrict()).isTrue();
    assertThat(view.result().seats()).isEqualTo(set.seats());

    byte[] ours520 = results.document(c, CsbResultService.DocumentKind.EML_520).orElseThrow().content();
    byte[] ours510d = results.document(c, CsbResultService.DocumentKind.EML_510D).orElseThrow().content();
    ElectionResult ours = ((EmlDocument.Result) EmlReader.read(new ByteArrayInputStream(ours520), "ours.xml",
        ReadOptions.none())).result();
    ElectionResult theirs = ((EmlDocument.Result) EmlReader.read(new ByteArrayInputStream(
        file("Resultaat_TK2029.eml.xml")), "theirs.xml", ReadOptions.none())).result();
    // Same lists, candidates (by ShortCode and name), order of election, votes and P 15 / P 17 ranking.
    assertThat(ours.contests().get(0).entries()).isEqualTo(theirs.contests().get(0).entries());

    assertThat(Schemas.problem("520-result-kiesraad-strict.xsd", ours520)).isNull();
    assertThat(Schemas.problem("510-count-kiesraad-strict.xsd", ours510d)).isNull();

    // The set with our 510d and 520 in place of the generated ones.
    Path check = Files.createDirectories(dir.resolve("check"));
    try (var files = Files.list(dir.resolve("set"))) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (!n.startsWith("Totaaltelling_") && !n.startsWith("Resultaat_")) {
          Files.copy(p, check.resolve(n));
        }
      }
    }
    Files.write(check.resolve("Totaaltelling_TK2029.eml.xml"), ours510d);
    Files.write(check.resolve("Resultaat_TK2029.eml.xml"), ours520);
    VerificationReport report = Verifier.verify(check);
    assertThat(report.checks()).filteredOn(ch -> ch.status() != CheckStatus.OK).isEmpty();
    assertThat(report.checks()).filteredOn(ch -> ch.kind().equals("seats")).isNotEmpty();
    assertThat(report.checks()).filteredOn(ch -> ch.kind().equals("elected")).isNotEmpty();

    // Byte-stable: the same state and creation time give the same bytes.
    var state = multi.state(c, repo.lots(c.committeeId()), List.of());
    LocalDateTime created = LocalDateTime.of(2029, 3, 23, 12, 0);
    var a = multi.documents(c, state, created);
    var b = multi.documents(c, state, created);
    assertThat(a.count510d()).isEqualTo(b.count510d());
    assertThat(a.result520()).isEqualTo(b.result520());
    assertThat(a.pv()).isEqualTo(b.pv());

    byte[] pv = results.document(c, CsbResultService.DocumentKind.P22_1).orElseThrow().content();
    try (var doc = Loader.loadPDF(pv)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Model P 22-1").contains(Fingerprint.of(ours510d).toString());
    }
  }
}
