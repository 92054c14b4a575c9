package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real EML_NL file of past elections is accepted and mapped onto the domain. */
class RealFilesTest {
  static Stream<Path> realFiles() {
    return Shared.allRealFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void everyRealFileIsAccepted(Path file) {
    EmlDocument doc = Shared.read(file, ReadOptions.none());
    assertThat(doc.election().id()).isNotBlank();
  }

  @Test
  void tk2021DefinitionHas150SeatsAnd20Districts() {
    EmlDocument.Definition d = (EmlDocument.Definition) Shared.read(
        Shared.eml("TK2021/Verkiezingsdefinitie_TK2021.eml.xml"), ReadOptions.none());
    ElectionDefinition def = d.definition();
    assertThat(def.election().id()).isEqualTo("TK2021");
    assertThat(def.election().category()).isEqualTo(ElectionCategory.TK);
    assertThat(def.numberOfSeats()).isEqualTo(150);
    assertThat(def.preferenceThreshold()).isEqualTo(25);
    assertThat(def.regions().stream().filter(r -> r.category().equals("KIESKRING")).count()).isEqualTo(20);
    assertThat(def.registeredParties()).hasSize(37);
    assertThat(d.header().authority()).isNull();
  }

  @Test
  void gr2022CandidateListsOfWestMaasEnWaal() {
    EmlDocument.Lists l = (EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none());
    CandidateLists lists = l.lists();
    assertThat(lists.contests()).hasSize(1);
    assertThat(lists.contests().get(0).lists()).hasSize(8);
    assertThat(lists.contests().get(0).list(1).appellation()).isEqualTo("FD Partij Beneden-Leeuwen");
    assertThat(lists.contests().get(0).list(1).candidate(3).name().listName()).isEqualTo("van Dreumel, C.G.H.M.");
  }

  @Test
  void gr2022CountOfWestMaasEnWaalMatchesItsCandidateListsAndTotals() {
    CandidateLists lists = ((EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none())).lists();
    EmlDocument.Counts doc = (EmlDocument.Counts) Shared.read(
        Shared.eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none().withCandidateLists(lists));
    assertThat(doc.header().kind()).isEqualTo(EmlKind.E510B);
    ContestCount contest = doc.count().contests().get(0);
    VoteCounts total = contest.total();
    assertThat(total.eligibleVoters()).isEqualTo(16202);
    assertThat(total.totalCounted()).isEqualTo(9350);
    assertThat(total.blank()).isEqualTo(21);
    assertThat(total.invalid()).isEqualTo(27);
    assertThat(total.uncounted(UncountedReason.ADMITTED_VOTERS)).isEqualTo(9398);
    assertThat(total.list(1).votes()).isEqualTo(1893);
    assertThat(total.list(1).candidates().get(0).votes()).isEqualTo(581);
    assertThat(contest.units()).hasSize(21);
    ReportingUnitCount first = contest.units().get(0);
    assertThat(first.id()).isEqualTo("0668::SB1");
    assertThat(first.name()).isEqualTo("Stembureau Dorpshuis De Hucht (postcode: 6626 AC)");
  }

  @Test
  void tk2025CountMatchesTheNijmegenCandidateLists() {
    CandidateLists lists = ((EmlDocument.Lists) Shared.read(
        Shared.eml("TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml"), ReadOptions.none())).lists();
    EmlDocument.Counts doc = (EmlDocument.Counts) Shared.read(
        Shared.eml("TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"),
        ReadOptions.none().withCandidateLists(lists));
    assertThat(doc.count().contests().get(0).units()).hasSize(11);
  }

  @Test
  void tk2021DistrictCountsMatchTheirCandidateLists() {
    for (String district : List.of("Amsterdam", "Lelystad")) {
      CandidateLists lists = ((EmlDocument.Lists) Shared.read(
          Shared.eml("TK2021/Kandidatenlijsten_TK2021_" + district + ".eml.xml"), ReadOptions.none())).lists();
      EmlDocument.Counts doc = (EmlDocument.Counts) Shared.read(
          Shared.eml("TK2021/Telling_TK2021_kieskring_" + district + ".eml.xml"),
          ReadOptions.none().withCandidateLists(lists));
      assertThat(doc.header().kind()).isEqualTo(EmlKind.E510C);
    }
  }

  @Test
  void gr2022ResultOfWestMaasEnWaalElects17() {
    EmlDocument.Result r = (EmlDocument.Result) Shared.read(
        Shared.eml("GR2022/Resultaat_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none());
    var entries = r.result().contests().get(0).entries();
    assertThat(entries.stream().filter(e -> e instanceof ElectedCandidate).count()).isEqualTo(17);
    assertThat(entries.stream().filter(e -> e instanceof ElectedList).count()).isEqualTo(8);
  }
}
