package nl.uitslag.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * Test-only view models built from the real, published GR2022 files of West Maas en Waal (21 polling
 * stations, 8 lists): the 510b count file and the 230b candidate lists, read with a tiny StAX helper.
 */
final class Gr2022WestMaasEnWaal {

  static final String COUNT_FILE = "Telling_GR2022_WestMaasenWaal.eml.xml";
  static final ZonedDateTime CREATED =
      ZonedDateTime.of(2022, 3, 17, 10, 15, 0, 0, ZoneId.of("Europe/Amsterdam"));
  static final ElectionHeading ELECTION =
      new ElectionHeading(
          "Gemeenteraadsverkiezing 2022", LocalDate.of(2022, 3, 16), "West Maas en Waal", "0668",
          false);
  /** Not in the 510b; a plausible figure for the municipality, for the test only. */
  static final long ELIGIBLE_VOTERS = 15_391;

  private Gr2022WestMaasEnWaal() {}

  static Path dir() {
    String shared = System.getProperty("uitslag.shared");
    Path base = shared != null ? Paths.get(shared) : Paths.get("../../shared");
    if (!Files.isDirectory(base)) {
      base = Paths.get("../shared");
    }
    return base.resolve("data/eml/GR2022");
  }

  static byte[] countFileBytes() {
    try {
      return Files.readAllBytes(dir().resolve(COUNT_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fingerprint countFileFingerprint() {
    try {
      return Fingerprint.ofDigest(MessageDigest.getInstance("SHA-256").digest(countFileBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CandidateList> lists() {
    return parseCandidateLists(dir().resolve("Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"));
  }

  /** The Na 31-2 as the GSB would have made it, from the real counts. */
  static GsbReport report(CountingMethod method) {
    List<CandidateList> lists = lists();
    List<Block> blocks = parseCount(dir().resolve(COUNT_FILE));
    Block total = blocks.get(0);
    List<PollingStationResult> stations = new ArrayList<>();
    for (Block b : blocks.subList(1, blocks.size())) {
      int number = Integer.parseInt(b.id.substring(b.id.indexOf("::SB") + 4));
      String name = b.name.replaceFirst("^Stembureau ", "");
      Investigation investigation =
          b.uncounted("meer getelde stembiljetten") + b.uncounted("minder getelde stembiljetten") > 0
              ? new Investigation(true, false, false)
              : Investigation.NONE;
      stations.add(
          new PollingStationResult(
              new PollingStation(number, name), b.voters(), b.votes(), b.differences(),
              investigation, b.listVotes()));
    }
    List<WarningNote> warnings =
        List.of(
            new WarningNote("W.203", "Stembureau 5",
                "Het verschil tussen het aantal toegelaten kiezers en het aantal uitgebrachte stemmen is groot.",
                "Kiezers hebben hun stembiljet meegenomen; zie het proces-verbaal van het stembureau."),
            new WarningNote("W.201", "Stembureau 118",
                "Het aantal blanco stemmen is 3 % of meer van het aantal uitgebrachte stemmen.", ""));
    return new GsbReport(
        method,
        ELECTION,
        new SessionDetails("Gemeentehuis, Beneden-Leeuwen", LocalDateTime.of(2022, 3, 17, 9, 0)),
        ELIGIBLE_VOTERS,
        lists,
        total.voters(),
        total.votes(),
        total.differences(),
        total.listVotes(),
        stations,
        warnings,
        Optional.empty(),
        new CountFile(COUNT_FILE, countFileFingerprint()),
        CREATED);
  }

  /**
   * The same report limited to its first {@code count} polling stations, with the municipal totals
   * added up again; smaller documents keep the slower veraPDF checks quick.
   */
  static GsbReport firstStations(GsbReport full, int count, CountingMethod method) {
    return withStations(full, full.pollingStations().subList(0, count), method);
  }

  /** The report with other polling stations and the municipal totals added up from them. */
  static GsbReport withStations(
      GsbReport full, List<PollingStationResult> stations, CountingMethod method) {
    VoterCounts voters = VoterCounts.ZERO;
    VoteCounts votes = VoteCounts.ZERO;
    DifferenceCounts differences = DifferenceCounts.ZERO;
    List<ListVotes> lists = stations.get(0).lists();
    for (int i = 0; i < stations.size(); i++) {
      PollingStationResult s = stations.get(i);
      voters = voters.plus(s.voters());
      votes = votes.plus(s.votes());
      differences = differences.plus(s.differences());
      if (i > 0) {
        List<ListVotes> previous = lists;
        lists = java.util.stream.IntStream.range(0, previous.size())
            .mapToObj(l -> previous.get(l).plus(s.lists().get(l))).toList();
      }
    }
    return new GsbReport(method, full.election(), full.session(), full.eligibleVoters(),
        full.lists(), voters, votes, differences, lists, stations, full.warnings(),
        full.controlProtocol(), full.countFile(), full.createdAt());
  }

  /** One TotalVotes or ReportingUnitVotes element of a 510b. */
  static final class Block {
    String id;
    String name;
    final Map<Integer, Long> listTotals = new LinkedHashMap<>();
    final Map<Integer, List<Long>> candidateVotes = new LinkedHashMap<>();
    long totalCounted;
    final Map<String, Long> rejected = new HashMap<>();
    final Map<String, Long> uncounted = new HashMap<>();

    long uncounted(String reason) {
      Long value = uncounted.get(reason);
      if (value == null) {
        throw new IllegalStateException("no UncountedVotes " + reason + " in " + id);
      }
      return value;
    }

    VoterCounts voters() {
      return new VoterCounts(
          uncounted("geldige stempassen"), uncounted("geldige volmachtbewijzen"),
          uncounted("geldige kiezerspassen"), uncounted("toegelaten kiezers"));
    }

    VoteCounts votes() {
      long blank = rejected.get("blanco");
      long invalid = rejected.get("ongeldig");
      return new VoteCounts(totalCounted, blank, invalid, totalCounted + blank + invalid);
    }

    DifferenceCounts differences() {
      return new DifferenceCounts(
          uncounted("meer getelde stembiljetten"), uncounted("minder getelde stembiljetten"));
    }

    List<ListVotes> listVotes() {
      List<ListVotes> out = new ArrayList<>();
      listTotals.forEach((list, total) -> out.add(new ListVotes(list, candidateVotes.get(list), total)));
      return out;
    }
  }

  private static XMLStreamReader open(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(in);
  }

  static List<Block> parseCount(Path file) {
    List<Block> blocks = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = open(in);
      Block current = null;
      Integer list = null;
      boolean candidate = false;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "TotalVotes", "ReportingUnitVotes" -> {
            current = new Block();
            blocks.add(current);
          }
          case "ReportingUnitIdentifier" -> {
            current.id = r.getAttributeValue(null, "Id");
            current.name = r.getElementText();
          }
          case "AffiliationIdentifier" -> {
            if (current != null) {
              list = Integer.valueOf(r.getAttributeValue(null, "Id"));
              current.candidateVotes.put(list, new ArrayList<>());
              candidate = false;
            }
          }
          case "CandidateIdentifier" -> candidate = true;
          case "ValidVotes" -> {
            long votes = Long.parseLong(r.getElementText());
            if (candidate) {
              current.candidateVotes.get(list).add(votes);
            } else {
              current.listTotals.put(list, votes);
            }
          }
          case "TotalCounted" -> current.totalCounted = Long.parseLong(r.getElementText());
          case "RejectedVotes" ->
              current.rejected.put(
                  r.getAttributeValue(null, "ReasonCode"), Long.parseLong(r.getElementText()));
          case "UncountedVotes" ->
              current.uncounted.put(
                  r.getAttributeValue(null, "ReasonCode"), Long.parseLong(r.getElementText()));
          default -> { }
        }
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CandidateList> parseCandidateLists(Path file) {
    List<CandidateList> lists = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = open(in);
      int listNumber = 0;
      String listName = null;
      List<Candidate> candidates = null;
      Map<String, String> person = new HashMap<>();
      int candidateNumber = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "Affiliation" -> candidates = new ArrayList<>();
            case "AffiliationIdentifier" ->
                listNumber = Integer.parseInt(r.getAttributeValue(null, "Id"));
            case "RegisteredName" -> listName = r.getElementText();
            case "Candidate" -> person.clear();
            case "CandidateIdentifier" ->
                candidateNumber = Integer.parseInt(r.getAttributeValue(null, "Id"));
            case "NameLine" -> person.put("initials", r.getElementText());
            case "FirstName", "NamePrefix", "LastName", "LocalityName" ->
                person.put(r.getLocalName(), r.getElementText());
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (r.getLocalName().equals("Candidate") && candidates != null) {
            String prefix = person.containsKey("NamePrefix") ? " " + person.get("NamePrefix") : "";
            String first = person.containsKey("FirstName") ? " (" + person.get("FirstName") + ")" : "";
            candidates.add(new Candidate(candidateNumber,
                person.get("LastName") + ", " + person.get("initials") + prefix + first,
                person.getOrDefault("LocalityName", "")));
          } else if (r.getLocalName().equals("Affiliation")) {
            lists.add(new CandidateList(listNumber, listName, candidates));
            candidates = null;
          }
        }
      }
      return lists;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }
}
