package nl.uitslag.app.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.RegionView;
import nl.uitslag.domain.election.Committee;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.eml.EmlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The election tree of the 110a (kr:ElectionTree) is stored at election creation and reads back region for region,
 * committee for committee, for the real TK2021, PS2023 (one and two kieskringen) and AB2023 definitions; the wizard
 * makes an installation the hoofdstembureau of a kieskring of that tree, with managing authority HSB&lt;n&gt;.
 */
@SpringBootTest
class ElectionTreeTest {
  static final String TK2021 = "data/eml/TK2021/Verkiezingsdefinitie_TK2021.eml.xml";
  static final String LELYSTAD = "data/eml/TK2021/Kandidatenlijsten_TK2021_Lelystad.eml.xml";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired ElectionRepository elections;
  @Autowired ElectionImportService imports;
  @Autowired JdbcClient jdbc;

  private static ElectionDefinition definition(String path) {
    return EmlReader.readDefinition(new ByteArrayInputStream(SharedData.read(path)), path).definition();
  }

  private static List<RegionView> expected(ElectionDefinition d) {
    List<RegionView> out = new ArrayList<>();
    for (ElectionRegion r : d.regions()) {
      out.add(new RegionView(r.category(), r.number(), r.name(), r.superiorCategory(), r.superiorNumber(),
          r.committees().stream().map(Committee::category).toList()));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "data/eml/PS2023/Verkiezingsdefinitie_PS2023_Drenthe.eml.xml",
      "data/eml/PS2023/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml",
      "data/eml/PS2023/Verkiezingsdefinitie_PS2023_Limburg.eml.xml",
      "data/eml/AB2023/Verkiezingsdefinitie_AB2023_Limburg.eml.xml",
      TK2021})
  void theTreeOfARealDefinitionIsStoredAndReadBackInFileOrder(String path) {
    ElectionDefinition d = definition(path);
    var id = d.election();
    long electionId = elections.insertElection(new ElectionView(0, id.id() + "-tree", id.name(), id.category().name(),
        id.subcategory(), id.electionDate(), d.numberOfSeats(), "x", "", "CSO", null), Instant.now());
    elections.insertRegions(electionId, d.regions());
    assertThat(elections.regions(electionId)).containsExactlyElementsOf(expected(d));
  }

  @Test
  void tk2021HasTwentyKieskringenEachWithAnHsbAndWestMaasEnWaalUnderNijmegen() {
    ElectionDefinition d = definition(TK2021);
    List<ElectionRegion> districts = ElectionImportService.hsbDistricts(d);
    assertThat(districts).hasSize(20).allMatch(r -> r.category().equals("KIESKRING"));
    assertThat(districts.get(5).name()).isEqualTo("Nijmegen");
    assertThat(d.regions()).anyMatch(r -> r.category().equals("GEMEENTE") && r.number() == 668
        && r.superiorCategory().equals("KIESKRING") && r.superiorNumber() == 6);
  }

  @Test
  void theWizardMakesTheHsbOfKieskringLelystadWithManagingAuthorityHsb5() {
    var wizard = new ElectionImportService.ImportWizard();
    read(wizard, ElectionImportService.FileKind.DEFINITION_110A, TK2021);
    read(wizard, ElectionImportService.FileKind.CANDIDATE_LISTS_230B, LELYSTAD);
    assertThatThrownBy(() -> imports.create(wizard, "CSO", "HSB", 21, Actor.console()))
        .as("kieskring 21 does not exist in TK2021")
        .isInstanceOf(IllegalArgumentException.class);
    long electionId = imports.create(wizard, "CSO", "HSB", 5, Actor.console());
    assertThat(elections.committees(electionId)).singleElement()
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo("HSB");
          assertThat(c.managingAuthority()).isEqualTo("HSB5");
          assertThat(c.name()).isEqualTo("Hoofdstembureau Lelystad");
        });
    assertThat(elections.regions(electionId)).containsExactlyElementsOf(expected(wizard.definition()));
    assertThat(elections.regions(electionId).stream().filter(r -> r.isUnder("KIESKRING", 5)).map(RegionView::name))
        .contains("Almere", "Zeewolde", "Noordoostpolder", "Urk", "Dronten", "Lelystad");
  }

  private void read(ElectionImportService.ImportWizard wizard, ElectionImportService.FileKind kind, String path) {
    byte[] bytes = SharedData.read(path);
    imports.read(wizard, kind, path, bytes);
    var c = wizard.pending().challenge();
    Fingerprint fp = Fingerprint.of(bytes);
    assertThat(imports.confirm(wizard, fp.group(c.firstHidden()), fp.group(c.secondHidden()), Actor.console()))
        .isTrue();
  }
}
