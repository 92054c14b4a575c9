package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.uitslag.domain.election.PollingStation;
import nl.uitslag.domain.election.PollingStations;
import org.junit.jupiter.api.Test;

/**
 * 110b (polling stations). No genuine 110b is public (data/eml/README.md), so the sample is made here and first
 * checked against the published schema.
 */
class PollingStationsReaderTest {
  static String sample(String stationTwoId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" xmlns:kr=\"http://www.kiesraad.nl/extensions\""
        + " xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" Id=\"110b\" SchemaVersion=\"5\">\n"
        + "  <TransactionId>1</TransactionId>\n"
        + "  <ManagingAuthority><AuthorityIdentifier Id=\"0668\">West Maas en Waal</AuthorityIdentifier>"
        + "<AuthorityAddress/></ManagingAuthority>\n"
        + "  <IssueDate>2026-02-01</IssueDate>\n"
        + "  <kr:CreationDateTime>2026-02-01T10:00:00.000</kr:CreationDateTime>\n"
        + "  <ElectionEvent><EventIdentifier/><Election>\n"
        + "    <ElectionIdentifier Id=\"GR2026_WestMaasenWaal\"><ElectionCategory>GR</ElectionCategory>"
        + "<kr:ElectionSubcategory>GR1</kr:ElectionSubcategory><kr:ElectionDate>2026-03-18</kr:ElectionDate>"
        + "</ElectionIdentifier>\n"
        + "    <Contest><ContestIdentifier Id=\"geen\"/>\n"
        + "      <ReportingUnit><ReportingUnitIdentifier Id=\"0668\">West Maas en Waal</ReportingUnitIdentifier>"
        + "</ReportingUnit>\n"
        + "      <VotingMethod>SPV</VotingMethod><MaxVotes>16202</MaxVotes>\n"
        + "      <PollingPlace Channel=\"polling\"><PhysicalLocation><Address><Locality>"
        + "<xal:LocalityName>Gemeentehuis</xal:LocalityName><xal:PostalCode><xal:PostalCodeNumber>6658 AG"
        + "</xal:PostalCodeNumber></xal:PostalCode></Locality></Address>"
        + "<PollingStation Id=\"1\">1415</PollingStation><kr:ReportingUnitType>FixedLocation</kr:ReportingUnitType>"
        + "</PhysicalLocation></PollingPlace>\n"
        + "      <PollingPlace Channel=\"polling\"><PhysicalLocation><Address><Locality>"
        + "<xal:LocalityName>Mobiel</xal:LocalityName></Locality></Address>"
        + "<PollingStation Id=\"" + stationTwoId + "\">0</PollingStation><kr:ReportingUnitType>Mobile"
        + "</kr:ReportingUnitType><kr:SharedLocation>false</kr:SharedLocation></PhysicalLocation></PollingPlace>\n"
        + "    </Contest>\n"
        + "  </Election></ElectionEvent>\n"
        + "</EML>\n";
  }

  @Test
  void sampleIsValidAndReadsIntoPollingStations() {
    byte[] xml = sample("2").getBytes(StandardCharsets.UTF_8);
    assertThat(Schemas.problem("110b", xml)).isNull();
    PollingStations s = ((EmlDocument.Stations) Mutations.read(sample("2"))).stations();
    assertThat(s.eligibleVoters()).isEqualTo(16202);
    assertThat(s.reportingUnitId()).isEqualTo("0668");
    assertThat(s.stations()).containsExactly(
        new PollingStation(1, "Gemeentehuis", "6658 AG", "FixedLocation", null, 1415L),
        new PollingStation(2, "Mobiel", null, "Mobile", false, 0L));
  }

  @Test
  void duplicatePollingStationIsRejected() {
    assertThatThrownBy(() -> Mutations.read(sample("1"))).isInstanceOfSatisfying(EmlException.class,
        e -> assertThat(e.rule()).isEqualTo(EmlRule.DUPLICATE_REPORTING_UNIT));
  }

  @Test
  void electionOfAnotherDefinitionIsRejected() {
    EmlDocument.Definition def = (EmlDocument.Definition) Shared.read(
        Shared.eml("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"), ReadOptions.none());
    assertThatThrownBy(() -> Mutations.read(sample("2"),
        ReadOptions.none().withExpectedElection(def.definition().election())))
        .isInstanceOfSatisfying(EmlException.class,
            e -> assertThat(e.rule()).isEqualTo(EmlRule.ELECTION_MISMATCH));
  }
}
