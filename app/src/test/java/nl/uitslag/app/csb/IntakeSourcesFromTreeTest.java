package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whose count files a committee above the GSB takes in comes from the 110a election tree (product.md §2 flows 4
 * and 5): the CSB of a Tweede Kamer election takes the 510c of its hoofdstembureaus and refuses a 510b; the CSB of
 * a PS1 election takes the 510b of every municipality; and the real TK2025 510b of West Maas en Waal is accepted
 * by the HSB of kieskring 6 Nijmegen (the tree of the real TK2021 110a, the real TK2025 Nijmegen 230b) and refused
 * by the HSB of kieskring 5 Lelystad.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IntakeSourcesFromTreeTest {
  static final String WMW_510B = "data/eml/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml";
  static final String NIJMEGEN_230B = "data/eml/TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml";
  static final String TK2021_110A = "data/eml/TK2021/Verkiezingsdefinitie_TK2021.eml.xml";

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
  @Autowired CsbDistrictService districts;

  static Path generate(GeneratorSpec spec) {
    try {
      Path dir = Files.createTempDirectory("intake-" + spec.subcategory());
      EmlGenerator.generate(spec, dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CsbService.Csb committee(CsbTestSupport s) {
    return service.csb(s.committeeId).orElseThrow();
  }

  @Test
  void theCsbOfATweedeKamerElectionTakesThe510cOfItsHsbsAndRefusesA510b() {
    Path set = generate(new GeneratorSpec("TK", 2033, 10, 2, 4, 8, 3, 4, 5));
    CsbTestSupport csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc,
        read(set.resolve("Verkiezingsdefinitie_TK2033.eml.xml")),
        read(set.resolve("Kandidatenlijsten_TK2033_kieskring_1.eml.xml")), "CSB", null);
    CsbService.Csb c = committee(csb);
    assertThat(service.sources(c)).extracting(CsbService.Source::id).containsExactly("HSB1", "HSB2");
    assertThat(service.sources(c)).allMatch(s -> s.fileKind().equals("510c"));

    byte[] hsb2 = read(set.resolve("Telling_TK2033_kieskring_2.eml.xml"));
    // Kieskring 2's totals are read in the shape of its own 230b, which must be confirmed first.
    assertThatThrownBy(() -> service.readCountFile(c, "Telling_TK2033_kieskring_2.eml.xml", hsb2))
        .isInstanceOf(CsbService.CountFileRejected.class)
        .hasMessageContaining("confirm the candidate lists (230b) of kieskring 2");
    long coordinator = users.insert("tk2033coord" + csb.committeeId, "Voorzitter", "unused", Role.COORDINATOR,
        csb.committeeId, false, java.time.Instant.parse("2033-03-20T09:00:00Z"));
    String lists2 = "Kandidatenlijsten_TK2033_kieskring_2.eml.xml";
    assertThat(CsbMultiSupport.importLists(districts, c, lists2, read(set.resolve(lists2)), coordinator))
        .isEqualTo(CsbDistrictService.ListsOutcome.IMPORTED);
    CsbService.PendingImport p = service.readCountFile(c, "Telling_TK2033_kieskring_2.eml.xml", hsb2);
    assertThat(p.source()).isEqualTo("HSB2");
    assertThat(p.fileKind()).isEqualTo("510c");
    Count count = EmlReader.readCount(new ByteArrayInputStream(hsb2), "510c", ReadOptions.none()).count();
    assertThat(p.results()).isEqualTo(GsbTotals.fromCount(count.contests().get(0).total(),
        districts.shapes(c).get(2)));

    assertThatThrownBy(() -> service.readCountFile(c, "Telling_TK2033_gemeente_0014.eml.xml",
        read(set.resolve("Telling_TK2033_gemeente_0014.eml.xml"))))
        .isInstanceOf(CsbService.CountFileRejected.class)
        .hasMessageContaining("not an HSB count file (510c) but a 510b");
  }

  @Test
  void theCsbOfAPs1ElectionTakesThe510bOfEveryMunicipalityOfTheTree() {
    Path set = generate(new GeneratorSpec("PS1", 2031, 11, 1, 3, 6, 3, 4, 9));
    CsbTestSupport csb = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc,
        read(set.resolve("Verkiezingsdefinitie_PS2031_Synthese.eml.xml")),
        read(set.resolve("Kandidatenlijsten_PS2031_Synthese_kieskring_1.eml.xml")),
        "CSB", null);
    CsbService.Csb c = committee(csb);
    assertThat(service.sources(c)).extracting(CsbService.Source::id).containsExactly("0014", "0016", "0018");
    assertThat(service.sources(c)).allMatch(s -> s.fileKind().equals("510b"));
    assertThat(service.readCountFile(c, "m.eml.xml", read(set.resolve("Telling_PS2031_Synthese_gemeente_0016.eml.xml")))
        .source()).isEqualTo("0016");
  }

  /** A TK2025 110a with the election tree of the real TK2021 110a (the kieskringen and municipalities). */
  static byte[] tk2025Definition() {
    ElectionDefinition tk2021 = EmlReader.readDefinition(new ByteArrayInputStream(SharedData.read(TK2021_110A)),
        TK2021_110A).definition();
    ElectionIdentifier tk2025 = EmlReader.readCount(new ByteArrayInputStream(SharedData.read(WMW_510B)), WMW_510B,
        ReadOptions.none()).count().election();
    ElectionIdentifier id = new ElectionIdentifier(tk2025.id(), tk2025.name(), tk2025.category(),
        tk2025.subcategory(), null, tk2025.electionDate(), LocalDate.of(2025, 9, 15));
    ElectionDefinition d = new ElectionDefinition(id, "alle", "SPV", 150, 25, tk2021.regions(), List.of());
    return EmlWriter.writeDefinition(d, LocalDate.of(2025, 9, 19), LocalDateTime.of(2025, 9, 19, 12, 0));
  }

  @Test
  void theRealTk2025WestMaasEnWaal510bIsAcceptedByTheHsbOfNijmegenAndRefusedByAnother() {
    byte[] definition = tk2025Definition();
    CsbTestSupport nijmegen = CsbTestSupport.fromFiles(mvc, details, users, imports, jdbc, definition,
        SharedData.read(NIJMEGEN_230B), "HSB", 6);
    CsbService.Csb c = committee(nijmegen);
    assertThat(c.managingAuthority()).isEqualTo("HSB6");
    assertThat(service.sources(c)).extracting(CsbService.Source::id).contains("0668", "0268");
    CsbService.PendingImport p = service.readCountFile(c, "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml",
        SharedData.read(WMW_510B));
    assertThat(p.source()).isEqualTo("0668");
    assertThat(p.results().eligibleVoters()).isEqualTo(16290);
    assertThat(p.results().votes().blankVotes()).isEqualTo(57);
    assertThat(p.results().votes().invalidVotes()).isEqualTo(13);
    assertThat(p.results().voters().totalAdmittedVoters()).isEqualTo(13697);
    assertThat(p.results().lists().get(0).total()).as("PVV in West Maas en Waal").isEqualTo(3216);

    // The HSB of kieskring 5 Lelystad (same election, same lists) does not take in a municipality of Nijmegen.
    CsbService.Csb lelystad = new CsbService.Csb(c.committeeId(), "Hoofdstembureau Lelystad", c.election(),
        CsbService.Kind.HSB, "HSB5");
    assertThat(service.sources(lelystad)).extracting(CsbService.Source::id).doesNotContain("0668").contains("0034");
    assertThatThrownBy(() -> service.readCountFile(lelystad, "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml",
        SharedData.read(WMW_510B)))
        .isInstanceOf(CsbService.CountFileRejected.class)
        .hasMessageContaining("0668")
        .hasMessageContaining("not a municipality in kieskring 5 of this HSB");
  }
}
