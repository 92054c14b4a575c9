package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole way in at the CSB of a generated Tweede Kamer election of three kieskringen, as product.md §2 flow 5
 * describes it: the 230b of every kieskring confirmed by fingerprint, the 510c of every HSB imported by fingerprint
 * as the first entry (read in the shape of its own kieskring's lists), the paper totals re-keyed by a typist as the
 * second entry, and the finalised 520 holding exactly the seats and elected candidates of the generated one. A
 * kieskring's 510c whose second entry differs is not definitive, and the result waits for it.
 */
@SpringBootTest
class CsbMultiIntakeTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @TempDir static Path dir;
  static GeneratedSet set;
  static final GeneratorSpec SPEC = new GeneratorSpec("TK", 2031, 31, 3, 6, 30, 8, 20, 5);

  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;
  @Autowired UserRepository users;
  @Autowired CsbService service;
  @Autowired CsbDistrictService districts;
  @Autowired CsbResultService results;

  @BeforeAll
  static void generate() {
    set = EmlGenerator.generate(SPEC, dir.resolve("set"));
  }

  private static byte[] file(String name) throws IOException {
    return Files.readAllBytes(dir.resolve("set").resolve(name));
  }

  private static List<Integer> typed(CsbService.PendingImport p) {
    List<Integer> values = new ArrayList<>();
    for (ResultsField f : p.results().fields()) {
      values.add(((FieldValue.Count) f.value()).value());
    }
    return values;
  }

  @Test
  void everyKieskringImportedAndRekeyedGivesTheGenerated520() throws Exception {
    long committee = CsbMultiSupport.create(imports, jdbc, file("Verkiezingsdefinitie_TK2031.eml.xml"),
        file("Kandidatenlijsten_TK2031_kieskring_1.eml.xml"));
    CsbService.Csb c = service.csb(committee).orElseThrow();
    Instant t = Instant.parse("2031-03-20T09:00:00Z");
    long coordinator = users.insert("intakecoord", "Voorzitter", "unused", Role.COORDINATOR, committee, false, t);
    long typist = users.insert("intaketypist", "Invoerder", "unused", Role.TYPIST, committee, false, t);
    for (int d = 1; d <= SPEC.districts(); d++) {
      String name = "Kandidatenlijsten_TK2031_kieskring_" + d + ".eml.xml";
      assertThat(CsbMultiSupport.importLists(districts, c, name, file(name), coordinator))
          .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
    }
    assertThat(service.sources(c)).extracting(CsbService.Source::id).containsExactly("HSB1", "HSB2", "HSB3");

    CsbService.PendingImport hsb2File = null;
    for (int d = 1; d <= SPEC.districts(); d++) {
      String name = "Telling_TK2031_kieskring_" + d + ".eml.xml";
      byte[] bytes = file(name);
      CsbService.PendingImport p = service.readCountFile(c, name, bytes);
      if (d == 2) {
        hsb2File = p;
      }
      assertThat(p.results().fields()).hasSameSizeAs(service.shape(c, "HSB" + d)
          .emptyResults(nl.uitslag.domain.results.ModelVariant.GSB_TOTALS).fields());
      Fingerprint fp = Fingerprint.of(bytes);
      assertThat(service.confirmImport(c, p, fp.group(p.challenge().firstHidden()),
          fp.group(p.challenge().secondHidden()), new UserId(coordinator), Actor.console()))
          .isEqualTo(CsbService.ImportOutcome.IMPORTED);
      String source = "HSB" + d;
      assertThat(service.claim(c, source, EntryNumber.SECOND, new UserId(typist), Actor.console()).accepted())
          .isTrue();
      List<Integer> values = typed(p);
      if (d == 2) {
        // A typing slip in the second entry of kieskring 2: the entries differ and the result must wait.
        values.set(values.size() - 1, values.get(values.size() - 1) + 1);
      }
      assertThat(service.submit(c, source, EntryNumber.SECOND, new UserId(typist), values, Actor.console())
          .accepted()).isTrue();
    }
    assertThat(service.source(c, "HSB2").state()).isInstanceOf(DataEntryState.EntriesDifferent.class);
    assertThat(results.view(c).totalsComplete()).isFalse();

    // The coordinator keeps the imported file's figures (the paper was checked); a new second entry is typed.
    assertThat(service.resolveDifferences(c, "HSB2",
        nl.uitslag.domain.dataentry.DifferenceResolution.KEEP_FIRST_DISCARD_SECOND, new UserId(coordinator),
        Actor.console()).accepted()).isTrue();
    // The paper figures are the file's (read before the import: a second read of an entered source is refused
    // without an investigation order, docs/CSB.md §8).
    List<Integer> again = typed(hsb2File);
    long typist2 = users.insert("intaketypist2", "Invoerder 2", "unused", Role.TYPIST, committee, false, t);
    assertThat(service.claim(c, "HSB2", EntryNumber.SECOND, new UserId(typist2), Actor.console()).accepted())
        .isTrue();
    assertThat(service.submit(c, "HSB2", EntryNumber.SECOND, new UserId(typist2), again, Actor.console())
        .accepted()).isTrue();
    assertThat(service.sources(c)).allMatch(s -> s.state() instanceof DataEntryState.Definitive);

    for (String lot : set.lots()) {
      assertThat(results.recordLot(c, lot, coordinator, Actor.console())).isTrue();
    }
    assertThat(results.finalise(c, coordinator, Actor.console()))
        .isEqualTo(CsbResultService.FinaliseOutcome.FINALISED);
    byte[] ours520 = results.document(c, CsbResultService.DocumentKind.EML_520).orElseThrow().content();
    ElectionResult ours = ((EmlDocument.Result) EmlReader.read(new ByteArrayInputStream(ours520), "ours.xml",
        ReadOptions.none())).result();
    ElectionResult theirs = ((EmlDocument.Result) EmlReader.read(new ByteArrayInputStream(
        file("Resultaat_TK2031.eml.xml")), "theirs.xml", ReadOptions.none())).result();
    assertThat(ours.contests().get(0).entries()).isEqualTo(theirs.contests().get(0).entries());
    assertThat(results.view(c).result().seats()).isEqualTo(set.seats());
  }
}
