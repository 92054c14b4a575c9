package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Rejections specific to 110a, 230b and 520. */
class OtherKindsRulesTest {
  static String file(String f) {
    return new String(Shared.bytes(Shared.eml(f)), StandardCharsets.UTF_8);
  }

  static void rejected(String xml, EmlRule rule) {
    assertThatThrownBy(() -> Mutations.read(xml)).isInstanceOfSatisfying(EmlException.class,
        e -> assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule));
  }

  @Test
  void definitionWithoutSeatsIsRejected() {
    String xml = file("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml")
        .replaceFirst("<kr:NumberOfSeats>23</kr:NumberOfSeats>", "");
    rejected(xml, EmlRule.UNEXPECTED_ELEMENT);
  }

  @Test
  void definitionWithZeroSeatsIsRejected() {
    String xml = file("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml")
        .replaceFirst("<kr:NumberOfSeats>23<", "<kr:NumberOfSeats>0<");
    rejected(xml, EmlRule.INVALID_VALUE);
  }

  @Test
  void definitionWithoutNominationDateIsRejected() {
    String xml = file("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml")
        .replaceFirst("<kr:NominationDate>[^<]*</kr:NominationDate>", "");
    rejected(xml, EmlRule.MISSING_ELEMENT);
  }

  @Test
  void unknownSubcategoryIsRejected() {
    String xml = file("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml")
        .replaceFirst(">GR2<", ">GR3<");
    rejected(xml, EmlRule.INVALID_VALUE);
  }

  @Test
  void impossibleDateIsRejected() {
    String xml = file("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml")
        .replaceFirst("<kr:ElectionDate>2026-03-18<", "<kr:ElectionDate>2026-02-30<");
    rejected(xml, EmlRule.INVALID_VALUE);
  }

  @Test
  void candidateListsOutOfOrderAreRejected() {
    String s = file("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml");
    String xml = Mutations.replaceAfter(s, "<AffiliationIdentifier Id=\"1\">", "<CandidateIdentifier Id=\"2\">",
        "<CandidateIdentifier Id=\"1\">", 0);
    rejected(xml, EmlRule.NOT_INCREASING);
    String lists = Mutations.replaceAfter(s, "<CandidateList>", "<AffiliationIdentifier Id=\"2\">",
        "<AffiliationIdentifier Id=\"1\">", 0);
    rejected(lists, EmlRule.NOT_INCREASING);
  }

  @Test
  void candidateListWithoutIssueDateIsRejected() {
    String xml = file("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")
        .replaceFirst("<IssueDate>[^<]*</IssueDate>", "");
    rejected(xml, EmlRule.UNEXPECTED_ELEMENT);
  }

  @Test
  void candidateListsKeepTheirIssueDate() {
    EmlDocument.Lists l = (EmlDocument.Lists) Mutations.read(
        file("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"));
    assertThat(l.lists().issueDate()).hasToString("2022-02-03");
  }

  @Test
  void resultCandidateBeforeAnyListIsRejected() {
    String s = file("GR2022/Resultaat_GR2022_Vlieland.eml.xml");
    int first = s.indexOf("<Selection>");
    int second = s.indexOf("<Selection>", first + 1);
    String xml = s.substring(0, first) + s.substring(second);
    rejected(xml, EmlRule.CANDIDATE_BEFORE_LIST);
  }

  @Test
  void resultElectedMustBeYes() {
    String xml = file("GR2022/Resultaat_GR2022_Vlieland.eml.xml").replaceFirst(">yes<", ">no<");
    rejected(xml, EmlRule.INVALID_VALUE);
  }

  @Test
  void resultRankingThreeIsRejected() {
    String xml = file("GR2022/Resultaat_GR2022_Vlieland.eml.xml").replaceFirst("<Ranking>\\d</Ranking>",
        "<Ranking>3</Ranking>");
    rejected(xml, EmlRule.INVALID_VALUE);
  }

  @Test
  void resultWithoutQualifyingAddressIsRejected() {
    String xml = file("GR2022/Resultaat_GR2022_Vlieland.eml.xml")
        .replaceFirst("<QualifyingAddress>.*?</QualifyingAddress>", "");
    rejected(xml, EmlRule.MISSING_ELEMENT);
  }
}
