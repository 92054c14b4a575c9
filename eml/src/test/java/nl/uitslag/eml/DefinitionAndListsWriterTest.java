package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ManagingAuthority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The 110a and 230b writers: real files read, written, read again give the same data, and are schema-valid. */
class DefinitionAndListsWriterTest {
  static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

  @ParameterizedTest
  @ValueSource(strings = {"TK2021/Verkiezingsdefinitie_TK2021.eml.xml",
      "PS2023/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml", "AB2023/Verkiezingsdefinitie_AB2023_Limburg.eml.xml",
      "GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"})
  void realDefinitionsRoundTrip(String file) {
    EmlDocument.Definition d = (EmlDocument.Definition) Shared.read(Shared.eml(file), ReadOptions.none());
    byte[] out = EmlWriter.writeDefinition(d.definition(), LocalDate.of(2026, 1, 1), CREATED);
    assertThat(Schemas.problem("110a", out)).isNull();
    ElectionDefinition again = ((EmlDocument.Definition) EmlReader.read(new ByteArrayInputStream(out), file,
        ReadOptions.none())).definition();
    assertThat(again).isEqualTo(d.definition());
    assertThat(EmlWriter.writeDefinition(again, LocalDate.of(2026, 1, 1), CREATED)).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TK2021/Kandidatenlijsten_TK2021_Lelystad.eml.xml",
      "TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml", "GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"})
  void realCandidateListsRoundTrip(String file) {
    EmlDocument.Lists l = (EmlDocument.Lists) Shared.read(Shared.eml(file), ReadOptions.none());
    ManagingAuthority csb = l.header().authority();
    byte[] out = EmlWriter.writeCandidateLists(l.lists(), csb, CREATED);
    assertThat(Schemas.problem("230b", out)).isNull();
    CandidateLists again = ((EmlDocument.Lists) EmlReader.read(new ByteArrayInputStream(out), file,
        ReadOptions.none())).lists();
    assertThat(again).isEqualTo(l.lists());
  }

  @Test
  void a230bWithoutNominationDateIsRefused() {
    EmlDocument.Lists l = (EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none());
    CandidateLists noDate = new CandidateLists(l.lists().election().withoutNominationDate(), l.lists().issueDate(),
        l.lists().contests());
    assertThatThrownBy(() -> EmlWriter.writeCandidateLists(noDate, new ManagingAuthority("CSB", "x"), CREATED))
        .hasMessageContaining("nomination date");
  }
}
