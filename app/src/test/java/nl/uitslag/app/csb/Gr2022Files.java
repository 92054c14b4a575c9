package nl.uitslag.app.csb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nl.uitslag.app.SharedData;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;

/**
 * The GR2022 files of West Maas en Waal (510b, 230b, 520) and Vlieland (510b, 520) from ../shared. No 110a of
 * either municipality is public, and no 230b of Vlieland: those are made here from the identifiers, appellations
 * and seat counts in the real files. The Vlieland candidates get placeholder names, so Vlieland's elected
 * candidates are compared by how they were elected (preference or list order), not by name.
 */
final class Gr2022Files {
  static final String WMW_510B = "data/eml/GR2022/Telling_GR2022_WestMaasenWaal.eml.xml";
  static final String WMW_230B = "data/eml/GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
  static final String WMW_520 = "data/eml/GR2022/Resultaat_GR2022_WestMaasenWaal.eml.xml";
  static final String VLIELAND_510B = "data/eml/GR2022/Telling_GR2022_Vlieland.eml.xml";
  static final String VLIELAND_520 = "data/eml/GR2022/Resultaat_GR2022_Vlieland.eml.xml";

  private Gr2022Files() {}

  static byte[] read(String path) {
    return SharedData.read(path);
  }

  static Count count(String path) {
    return EmlReader.readCount(new ByteArrayInputStream(read(path)), path, ReadOptions.none()).count();
  }

  /** A 110a for the election of the count file, with the given seats and the GR preference threshold. */
  static byte[] definition(String countPath, int seats) {
    Count count = count(countPath);
    ElectionIdentifier id = count.election();
    StringBuilder parties = new StringBuilder("<kr:RegisteredParties>");
    for (ListVotes l : count.contests().get(0).total().lists()) {
      if (!l.appellation().isEmpty()) {
        parties.append("<kr:RegisteredParty><kr:RegisteredAppellation>").append(l.appellation())
            .append("</kr:RegisteredAppellation></kr:RegisteredParty>");
      }
    }
    parties.append("</kr:RegisteredParties>");
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" xmlns:kr=\"http://www.kiesraad.nl/extensions\" Id=\"110a\""
        + " SchemaVersion=\"5\"><TransactionId>1</TransactionId><IssueDate>2022-02-01</IssueDate>"
        + "<kr:CreationDateTime>2022-02-01T10:00:00.000</kr:CreationDateTime><ElectionEvent><EventIdentifier/>"
        + "<Election><ElectionIdentifier Id=\"" + id.id() + "\"><ElectionName>" + id.name() + "</ElectionName>"
        + "<ElectionCategory>GR</ElectionCategory><kr:ElectionSubcategory>" + id.subcategory()
        + "</kr:ElectionSubcategory><kr:ElectionDomain Id=\"" + id.domain().id() + "\">" + id.domain().name()
        + "</kr:ElectionDomain><kr:ElectionDate>" + id.electionDate() + "</kr:ElectionDate>"
        + "<kr:NominationDate>2022-01-31</kr:NominationDate></ElectionIdentifier>"
        + "<Contest><ContestIdentifier Id=\"geen\"/><VotingMethod>SPV</VotingMethod><MaxVotes></MaxVotes></Contest>"
        + "<kr:NumberOfSeats>" + seats + "</kr:NumberOfSeats>"
        + "<kr:PreferenceThreshold>" + (seats < 19 ? 50 : 25) + "</kr:PreferenceThreshold>"
        + "<kr:ElectionTree><kr:Region RegionNumber=\"" + Integer.parseInt(id.domain().id())
        + "\" RegionCategory=\"GEMEENTE\"><kr:RegionName>" + id.domain().name() + "</kr:RegionName>"
        + "<kr:Committee CommitteeCategory=\"CSB\"/></kr:Region></kr:ElectionTree>"
        + parties + "</Election></ElectionEvent></EML>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** A 230b with the lists and numbers of candidates of the count file; candidates get placeholder names. */
  static byte[] candidateLists(String countPath) {
    Count count = count(countPath);
    ElectionIdentifier id = count.election();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" xmlns:kr=\"http://www.kiesraad.nl/extensions\""
        + " xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" xmlns:xnl=\"urn:oasis:names:tc:ciq:xsdschema:xNL:2.0\""
        + " Id=\"230b\" SchemaVersion=\"5\"><TransactionId>1</TransactionId><ManagingAuthority>"
        + "<AuthorityIdentifier Id=\"CSB\">Centraal stembureau " + id.domain().name() + "</AuthorityIdentifier>"
        + "<AuthorityAddress></AuthorityAddress></ManagingAuthority><IssueDate>2022-02-03</IssueDate>"
        + "<kr:CreationDateTime>2022-02-03T12:00:00.000</kr:CreationDateTime><CandidateList><Election>"
        + "<ElectionIdentifier Id=\"" + id.id() + "\"><ElectionName>" + id.name() + "</ElectionName>"
        + "<ElectionCategory>GR</ElectionCategory><kr:ElectionSubcategory>" + id.subcategory()
        + "</kr:ElectionSubcategory><kr:ElectionDomain Id=\"" + id.domain().id() + "\">" + id.domain().name()
        + "</kr:ElectionDomain><kr:ElectionDate>" + id.electionDate() + "</kr:ElectionDate>"
        + "<kr:NominationDate>2022-01-31</kr:NominationDate></ElectionIdentifier><Contest>"
        + "<ContestIdentifier Id=\"geen\"></ContestIdentifier>");
    for (ListVotes l : count.contests().get(0).total().lists()) {
      b.append("<Affiliation><AffiliationIdentifier Id=\"").append(l.listNumber()).append("\"><RegisteredName>")
          .append(l.appellation()).append("</RegisteredName></AffiliationIdentifier><Type>op zichzelf staande lijst"
          + "</Type><kr:ListData PublicationLanguage=\"nl\" PublishGender=\"false\"></kr:ListData>");
      for (int p = 1; p <= l.candidates().size(); p++) {
        b.append("<Candidate><CandidateIdentifier Id=\"").append(p).append("\"></CandidateIdentifier>"
            + "<CandidateFullName><xnl:PersonName><xnl:NameLine NameType=\"Initials\">K.</xnl:NameLine>"
            + "<xnl:LastName>Kandidaat").append(l.listNumber()).append('-').append(p).append("</xnl:LastName>"
            + "</xnl:PersonName></CandidateFullName><QualifyingAddress><xal:Locality><xal:LocalityName>")
            .append(id.domain().name()).append("</xal:LocalityName></xal:Locality></QualifyingAddress></Candidate>");
      }
      b.append("</Affiliation>");
    }
    b.append("</Contest></Election></CandidateList></EML>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
