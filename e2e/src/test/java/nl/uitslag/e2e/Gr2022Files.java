package nl.uitslag.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GR2022 West Maas en Waal election files for the browser tests. The candidate lists (230b) are the real
 * Kiesraad file, uploaded unchanged. No real 110a or 110b of this election is public (shared/data/eml/README.md),
 * so both are written here from facts of the real files: the election's identity and its parties from the 230b,
 * 17 seats from the official result (520), and the 21 polling stations (number, name, postcode) from the
 * ReportingUnitVotes of the real count (510b). Eligible voters are not public: the 110b gives 0 per polling
 * station and, for the municipality (which must be at least 1), the number of admitted voters of the real count
 * as a stand-in.
 */
final class Gr2022Files {
  static final String ELECTION_NAME = "Gemeenteraad West Maas en Waal 2022";

  private Gr2022Files() {}

  static Path shared() {
    String property = System.getProperty("uitslag.shared");
    Path dir = property != null ? Path.of(property) : Path.of("../../shared");
    return dir.resolve("data/eml/GR2022");
  }

  static Path candidateLists() {
    return shared().resolve("Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml");
  }

  /** The registered names of the lists, in list order, as the real 230b has them. */
  static List<String> listNames() throws IOException {
    String xml = Files.readString(candidateLists(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<AffiliationIdentifier Id=\"\\d+\"><RegisteredName>([^<]*)</RegisteredName>").matcher(xml);
    Set<String> names = new LinkedHashSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return new ArrayList<>(names);
  }

  /** One polling station of the real 510b. */
  record Station(int number, String name, String postcode) {}

  static List<Station> stations() throws IOException {
    String xml = Files.readString(shared().resolve("Telling_GR2022_WestMaasenWaal.eml.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile(
            "<ReportingUnitIdentifier Id=\"0668::SB(\\d+)\">Stembureau (.*?) \\(postcode: (\\d{4} [A-Z]{2})\\)<")
        .matcher(xml);
    List<Station> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Station(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
    }
    return out;
  }

  /** A 110a with the facts of GR2022 West Maas en Waal, in the form of the Kiesraad's 110a files. */
  static Path writeDefinition(Path dir) throws IOException {
    StringBuilder parties = new StringBuilder();
    for (String name : listNames()) {
      parties.append("<kr:RegisteredParty><kr:RegisteredAppellation>").append(escape(name))
          .append("</kr:RegisteredAppellation></kr:RegisteredParty>");
    }
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<EML xmlns:xnl=\"urn:oasis:names:tc:ciq:xsdschema:xNL:2.0\" xmlns=\"urn:oasis:names:tc:evs:schema:eml\""
        + " xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" xmlns:kr=\"http://www.kiesraad.nl/extensions\""
        + " Id=\"110a\" SchemaVersion=\"5\">\n"
        + "<TransactionId>1</TransactionId><IssueDate>2022-02-03</IssueDate>"
        + "<kr:CreationDateTime>2022-02-03T12:00:00.000</kr:CreationDateTime>\n"
        + "<ElectionEvent><EventIdentifier/><Election>"
        + "<ElectionIdentifier Id=\"GR2022_WestMaasenWaal\"><ElectionName>" + ELECTION_NAME + "</ElectionName>"
        + "<ElectionCategory>GR</ElectionCategory><kr:ElectionSubcategory>GR1</kr:ElectionSubcategory>"
        + "<kr:ElectionDomain Id=\"0668\">West Maas en Waal</kr:ElectionDomain>"
        + "<kr:ElectionDate>2022-03-16</kr:ElectionDate><kr:NominationDate>2022-01-31</kr:NominationDate>"
        + "</ElectionIdentifier>\n"
        + "<Contest><ContestIdentifier Id=\"geen\"/><VotingMethod>SPV</VotingMethod><MaxVotes></MaxVotes></Contest>"
        + "<kr:NumberOfSeats>17</kr:NumberOfSeats><kr:PreferenceThreshold>50</kr:PreferenceThreshold>"
        + "<kr:ElectionTree><kr:Region RegionNumber=\"668\" RegionCategory=\"GEMEENTE\">"
        + "<kr:RegionName>West Maas en Waal</kr:RegionName><kr:Committee CommitteeCategory=\"CSB\"/>"
        + "<kr:Committee CommitteeCategory=\"HSB\"/></kr:Region></kr:ElectionTree>\n"
        + "<kr:RegisteredParties>" + parties + "</kr:RegisteredParties>"
        + "</Election></ElectionEvent>\n</EML>\n";
    Path file = dir.resolve("Verkiezingsdefinitie_GR2022_WestMaasenWaal.eml.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    return file;
  }

  /** The municipality's admitted voters (toegelaten kiezers) in the real 510b: its first such count. */
  static int admittedVoters() throws IOException {
    String xml = Files.readString(shared().resolve("Telling_GR2022_WestMaasenWaal.eml.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("ReasonCode=\"toegelaten kiezers\">(\\d+)<").matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("no admitted voters in the 510b");
    }
    return Integer.parseInt(m.group(1));
  }

  /** A 110b with the polling stations of the real 510b. */
  static Path writePollingStations(Path dir) throws IOException {
    StringBuilder places = new StringBuilder();
    for (Station s : stations()) {
      places.append("<PollingPlace Channel=\"polling\"><PhysicalLocation><Address><Locality><xal:LocalityName>")
          .append(escape(s.name())).append("</xal:LocalityName><xal:PostalCode><xal:PostalCodeNumber>")
          .append(s.postcode()).append("</xal:PostalCodeNumber></xal:PostalCode></Locality></Address>")
          .append("<PollingStation Id=\"").append(s.number()).append("\">0</PollingStation>")
          .append("<kr:ReportingUnitType>FixedLocation</kr:ReportingUnitType></PhysicalLocation></PollingPlace>\n");
    }
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" xmlns:kr=\"http://www.kiesraad.nl/extensions\""
        + " xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\" Id=\"110b\" SchemaVersion=\"5\">\n"
        + "<TransactionId>1</TransactionId>"
        + "<ManagingAuthority><AuthorityIdentifier Id=\"0668\">West Maas en Waal</AuthorityIdentifier>"
        + "<AuthorityAddress/></ManagingAuthority>"
        + "<IssueDate>2022-02-03</IssueDate><kr:CreationDateTime>2022-02-03T12:00:00.000</kr:CreationDateTime>\n"
        + "<ElectionEvent><EventIdentifier/><Election>"
        + "<ElectionIdentifier Id=\"GR2022_WestMaasenWaal\"><ElectionCategory>GR</ElectionCategory>"
        + "<kr:ElectionSubcategory>GR1</kr:ElectionSubcategory><kr:ElectionDate>2022-03-16</kr:ElectionDate>"
        + "</ElectionIdentifier>\n"
        + "<Contest><ContestIdentifier Id=\"geen\"/>"
        + "<ReportingUnit><ReportingUnitIdentifier Id=\"0668\">West Maas en Waal</ReportingUnitIdentifier></ReportingUnit>"
        + "<VotingMethod>SPV</VotingMethod><MaxVotes>" + admittedVoters() + "</MaxVotes>\n"
        + places
        + "</Contest></Election></ElectionEvent>\n</EML>\n";
    Path file = dir.resolve("Stembureaus_GR2022_WestMaasenWaal.eml.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    return file;
  }

  /** Group {@code n} (1-based) of the file's fingerprint: SHA-256 of its bytes in groups of 4 hex digits. */
  static String fingerprintGroup(Path file, int n) throws IOException {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      return hex.substring((n - 1) * 4, n * 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
