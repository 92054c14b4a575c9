package nl.uitslag.eml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.CountingMethod;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.Investigation;
import nl.uitslag.domain.count.InvestigationReason;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.Committee;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.domain.election.PollingStation;
import nl.uitslag.domain.election.PollingStations;

/**
 * Reads EML_NL 110a, 110b, 230b, 510a-d and 520 files strictly, in one streaming pass, and fails closed with an
 * {@link EmlException} naming file, line, element path and rule. It does not use the XSDs at run time; instead it
 * accepts only a subset of what the schemas accept (checked by the differential test) and adds arithmetic and
 * cross-file checks the schemas cannot express.
 */
public final class EmlReader {
  private static final String E = Ns.EML;
  private static final String KR = Ns.KR;

  private static final Pattern AUTHORITY_ID = Pattern.compile("CSB|((HSB|SB)\\d+)|(\\d{4})");
  private static final Pattern ELECTION_ID =
      Pattern.compile("(EP|EK|TK|GR|BC|GC|ER|PS|AB|NR|PR|LR|IR)2\\d\\d\\d(\\d\\d\\d\\d)?(_[\\w_-]*)?");
  private static final Pattern CONTEST_ID =
      Pattern.compile("[1-9]\\d*|geen|alle|M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
  private static final Pattern POSITIVE = Pattern.compile("[1-9]\\d{0,8}");
  private static final Pattern DOMAIN_ID = Pattern.compile("\\d{4}|([12]?[0-9])");
  private static final Pattern SHORT_CODE = Pattern.compile("\\p{L}*\\d{0,7}");
  private static final Pattern NMTOKEN = Pattern.compile("[\\p{L}\\p{N}._:-]+");
  private static final Pattern REPORTING_UNIT_ID =
      Pattern.compile("(HSB\\d+)|((HSB\\d+::)?\\d{4})|(((HSB\\d+::)?\\d{4}::)?SB\\d+)|(HSB\\d+::SB\\d+)");
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?");
  private static final Set<String> SUBCATEGORIES = Set.of("PS1", "PS2", "AB1", "AB2", "GR1", "GR2", "BC", "GC",
      "ER1", "TK", "EK", "EP", "NR", "PR", "LR", "IR");
  private static final Set<String> REGION_CATEGORIES = Set.of("DEELGEMEENTE", "GEMEENTE", "KIESKRING", "PROVINCIE",
      "PROVINCIAAL_KIESKRING", "PROVINCIAAL_STEMBUREAU", "STAAT", "STEMBUREAU", "WATERSCHAP",
      "WATERSCHAP_KIESKRING", "WATERSCHAP_GEMEENTE");
  private static final Set<String> COMMITTEE_CATEGORIES = Set.of("CSB", "HSB", "PROV_SB", "PSB");
  private static final Set<String> AFFILIATION_TYPES =
      Set.of("lijstengroep", "stel gelijkluidende lijsten", "op zichzelf staande lijst");
  private static final Set<String> VOTING_METHODS = Set.of("AMS", "FPP", "IRV", "NOR", "OPV", "RCV", "SPV", "STV",
      "cumulative", "approval", "block", "supporterlist", "partisan", "supplementaryvote", "other");

  private EmlReader() {}

  // --- entry points -------------------------------------------------------------------------------------------

  /** Reads any supported EML_NL file. The stream is not closed, so a caller can read what follows the root. */
  public static EmlDocument read(InputStream in, String fileName, ReadOptions options) {
    try (EmlCursor c = new EmlCursor(new NonClosing(in), fileName)) {
      return new EmlReader.Run(c, options == null ? ReadOptions.none() : options).document(null);
    }
  }

  /** Reads any supported EML_NL file from disk. */
  public static EmlDocument read(Path file, ReadOptions options) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString(), options);
    } catch (IOException e) {
      throw new EmlException(file.getFileName().toString(), 0, "/", EmlRule.IO_ERROR, e.toString());
    }
  }

  /** Reads a file that must be of one of the given kinds. */
  public static EmlDocument read(InputStream in, String fileName, ReadOptions options, Set<EmlKind> kinds) {
    try (EmlCursor c = new EmlCursor(new NonClosing(in), fileName)) {
      return new EmlReader.Run(c, options == null ? ReadOptions.none() : options).document(kinds);
    }
  }

  /** Reads an election definition (110a). */
  public static EmlDocument.Definition readDefinition(InputStream in, String fileName) {
    return (EmlDocument.Definition) read(in, fileName, ReadOptions.none(), Set.of(EmlKind.E110A));
  }

  /** Reads polling stations (110b). */
  public static EmlDocument.Stations readPollingStations(InputStream in, String fileName, ReadOptions options) {
    return (EmlDocument.Stations) read(in, fileName, options, Set.of(EmlKind.E110B));
  }

  /** Reads candidate lists (230b). */
  public static EmlDocument.Lists readCandidateLists(InputStream in, String fileName, ReadOptions options) {
    return (EmlDocument.Lists) read(in, fileName, options, Set.of(EmlKind.E230B));
  }

  /** Reads a count (510a/b/c/d). */
  public static EmlDocument.Counts readCount(InputStream in, String fileName, ReadOptions options) {
    return (EmlDocument.Counts) read(in, fileName, options,
        Set.of(EmlKind.E510A, EmlKind.E510B, EmlKind.E510C, EmlKind.E510D));
  }

  /** Reads a result (520). */
  public static EmlDocument.Result readResult(InputStream in, String fileName, ReadOptions options) {
    return (EmlDocument.Result) read(in, fileName, options, Set.of(EmlKind.E520));
  }

  // --- one reading pass ---------------------------------------------------------------------------------------

  private static final class Run {
    private final EmlCursor c;
    private final ReadOptions options;
    // The ShortCode out-parameter of candidateIdentifier in the count loop, reused for every candidate.
    private final String[] shortCodeOut = new String[1];

    Run(EmlCursor c, ReadOptions options) {
      this.c = c;
      this.options = options;
    }

    EmlDocument document(Set<EmlKind> kinds) {
      if (!c.at(E, "EML")) {
        if (c.atEnd()) {
          throw c.fail(EmlRule.MALFORMED_XML, "no root element");
        }
        throw c.fail(EmlRule.NOT_EML, c.currentNamespace().isEmpty() ? "(no namespace)" : c.currentNamespace(), E);
      }
      c.start(E, "EML", "Id", "SchemaVersion");
      String id = c.requiredAttr("Id");
      c.attr("SchemaVersion", NMTOKEN, true, "NMTOKEN");
      EmlKind kind = EmlKind.fromId(id);
      if (kind == null) {
        throw c.fail(EmlRule.UNSUPPORTED_MESSAGE, id, "110a, 110b, 230b, 510a, 510b, 510c, 510d, 520");
      }
      if (kinds != null && !kinds.contains(kind)) {
        throw c.fail(EmlRule.WRONG_MESSAGE, id, describe(kinds));
      }
      c.open();
      EmlHeader header = header(kind);
      EmlDocument doc;
      switch (kind) {
        case E110A:
          doc = new EmlDocument.Definition(header, definition());
          break;
        case E110B:
          doc = new EmlDocument.Stations(header, pollingStations());
          break;
        case E230B:
          doc = new EmlDocument.Lists(header, candidateLists(header));
          break;
        case E520:
          doc = new EmlDocument.Result(header, result(header));
          break;
        default:
          doc = new EmlDocument.Counts(header, count(header));
      }
      c.end();
      c.finish();
      return doc;
    }

    private String describe(Set<EmlKind> kinds) {
      List<String> ids = new ArrayList<>();
      for (EmlKind k : EmlKind.values()) {
        if (kinds.contains(k)) {
          ids.add(k.id());
        }
      }
      return String.join("/", ids);
    }

    // --- header -----------------------------------------------------------------------------------------------

    private EmlHeader header(EmlKind kind) {
      c.start(E, "TransactionId");
      String transactionId = c.text();
      if (transactionId.isEmpty()) {
        throw c.fail(EmlRule.INVALID_VALUE, "", "TransactionId is empty");
      }
      ManagingAuthority authority = null;
      if (c.at(E, "ManagingAuthority")) {
        authority = managingAuthority();
      } else if (kind != EmlKind.E110A) {
        throw c.unexpected("ManagingAuthority");
      }
      LocalDate issueDate = null;
      if (c.at(E, "IssueDate")) {
        if (kind.isCount() || kind == EmlKind.E520) {
          throw c.unexpected("kr:Schema, kr:CreationDateTime or ds:CanonicalizationMethod");
        }
        c.start(E, "IssueDate");
        issueDate = date();
      } else if (kind == EmlKind.E230B) {
        throw c.unexpected("IssueDate");
      }
      String schema = null;
      String created = null;
      String canonicalization = null;
      int items = 0;
      while (true) {
        if (c.at(KR, "Schema")) {
          if (schema != null) {
            throw c.fail(EmlRule.HEADER_ITEMS, "kr:Schema");
          }
          c.start(KR, "Schema", "Version");
          schema = c.attr("Version", NMTOKEN, true, "NMTOKEN");
          c.empty();
        } else if (c.at(KR, "CreationDateTime")) {
          if (created != null) {
            throw c.fail(EmlRule.HEADER_ITEMS, "kr:CreationDateTime");
          }
          c.start(KR, "CreationDateTime");
          created = c.text();
          if (!isDateTime(created)) {
            throw c.fail(EmlRule.INVALID_VALUE, created, "not an xs:dateTime");
          }
        } else if (c.at(Ns.DS, "CanonicalizationMethod")) {
          if (canonicalization != null) {
            throw c.fail(EmlRule.HEADER_ITEMS, "ds:CanonicalizationMethod");
          }
          c.start(Ns.DS, "CanonicalizationMethod", "Algorithm");
          canonicalization = c.requiredAttr("Algorithm");
          c.empty();
        } else {
          break;
        }
        items++;
      }
      // The schemas' choice (2..3 with an optional ds:CanonicalizationMethod) is met by one item; real 110a files
      // carry only kr:CreationDateTime.
      if (items < 1) {
        throw c.unexpected("kr:Schema, kr:CreationDateTime or ds:CanonicalizationMethod");
      }
      return new EmlHeader(kind, transactionId, authority, issueDate, schema, created, canonicalization);
    }

    private boolean isDateTime(String t) {
      if (!DATE_TIME.matcher(t).matches()) {
        return false;
      }
      try {
        java.time.LocalDateTime.parse(t.substring(0, 19));
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    private ManagingAuthority managingAuthority() {
      c.start(E, "ManagingAuthority");
      c.open();
      c.start(E, "AuthorityIdentifier", "Id");
      String id = c.attr("Id", AUTHORITY_ID, true, "CSB, HSB<n>, SB<n> or a four-digit municipality code");
      String name = c.text();
      c.start(E, "AuthorityAddress");
      c.empty();
      String byId = null;
      String byName = null;
      if (c.at(KR, "CreatedByAuthority")) {
        c.start(KR, "CreatedByAuthority", "Id");
        byId = c.attr("Id", AUTHORITY_ID, true, "CSB, HSB<n>, SB<n> or a four-digit municipality code");
        if (byId.length() < 3) {
          throw c.fail(EmlRule.INVALID_VALUE, byId, "at least three characters");
        }
        byName = c.text();
      }
      c.end();
      return new ManagingAuthority(id, name, byId, byName);
    }

    private LocalDate date() {
      EmlCursor.Mark m = c.mark();
      String t = c.text();
      try {
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
          throw new DateTimeParseException("pattern", t, 0);
        }
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw c.fail(m, EmlRule.INVALID_VALUE, t, "not a date (yyyy-mm-dd)");
      }
    }

    /** ElectionIdentifier; which optional parts are required or allowed differs per message. */
    private ElectionIdentifier electionIdentifier(boolean nameRequired, boolean subcategoryRequired,
        boolean nominationDate, boolean nominationRequired) {
      c.start(E, "ElectionIdentifier", "Id");
      String id = c.attr("Id", ELECTION_ID, true, "election category, year and optional suffix");
      c.open();
      String name = null;
      if (c.at(E, "ElectionName")) {
        c.start(E, "ElectionName");
        name = c.text();
      } else if (nameRequired) {
        throw c.unexpected("ElectionName");
      }
      c.start(E, "ElectionCategory");
      EmlCursor.Mark cm = c.mark();
      String categoryCode = c.text();
      ElectionCategory category = ElectionCategory.fromCode(categoryCode);
      if (category == null) {
        throw c.fail(cm, EmlRule.INVALID_VALUE, categoryCode, "unknown election category");
      }
      String subcategory = null;
      ElectionDomain domain = null;
      LocalDate date = null;
      LocalDate nomination = null;
      boolean seenSub = false;
      boolean seenDomain = false;
      boolean seenDate = false;
      boolean seenNomination = false;
      while (!c.atEnd()) {
        if (c.at(KR, "ElectionSubcategory") && !seenSub) {
          seenSub = true;
          c.start(KR, "ElectionSubcategory");
          EmlCursor.Mark m = c.mark();
          subcategory = c.text();
          if (!SUBCATEGORIES.contains(subcategory)) {
            throw c.fail(m, EmlRule.INVALID_VALUE, subcategory, "unknown election subcategory");
          }
        } else if (c.at(KR, "ElectionDomain") && !seenDomain) {
          seenDomain = true;
          c.start(KR, "ElectionDomain", "Id");
          String domainId = c.attr("Id", DOMAIN_ID, false, "four digits or a number below 30");
          domain = new ElectionDomain(domainId, c.text());
        } else if (c.at(KR, "ElectionDate") && !seenDate) {
          seenDate = true;
          c.start(KR, "ElectionDate");
          date = date();
        } else if (c.at(KR, "NominationDate") && !seenNomination && nominationDate) {
          seenNomination = true;
          c.start(KR, "NominationDate");
          nomination = date();
        } else {
          throw c.unexpected("kr:ElectionSubcategory, kr:ElectionDomain, kr:ElectionDate"
              + (nominationDate ? " or kr:NominationDate" : "") + ", each at most once");
        }
      }
      if (!seenDate) {
        throw c.fail(EmlRule.MISSING_ELEMENT, "kr:ElectionDate");
      }
      if (subcategoryRequired && !seenSub) {
        throw c.fail(EmlRule.MISSING_ELEMENT, "kr:ElectionSubcategory");
      }
      if (nominationRequired && !seenNomination) {
        throw c.fail(EmlRule.MISSING_ELEMENT, "kr:NominationDate");
      }
      c.end();
      ElectionIdentifier election =
          new ElectionIdentifier(id, name, category, subcategory, domain, date, nomination);
      checkElection(election);
      return election;
    }

    private void checkElection(ElectionIdentifier found) {
      ElectionIdentifier expected = options.expectedElection();
      if (expected == null && options.candidateLists() != null) {
        expected = options.candidateLists().election();
      }
      if (expected == null) {
        return;
      }
      String what = null;
      if (!expected.id().equals(found.id())) {
        what = "id";
      } else if (!expected.electionDate().equals(found.electionDate())) {
        what = "election date " + found.electionDate() + " / " + expected.electionDate();
      } else if (expected.category() != found.category()) {
        what = "category";
      } else if (expected.domain() != null && found.domain() != null
          && expected.domain().id() != null && !expected.domain().id().equals(found.domain().id())) {
        what = "domain " + found.domain().id() + " / " + expected.domain().id();
      }
      if (what != null) {
        throw c.fail(EmlRule.ELECTION_MISMATCH, found.id(), expected.id(), what);
      }
    }

    private String contestIdentifier(String[] nameOut) {
      c.start(E, "ContestIdentifier", "Id");
      String id = c.attr("Id", CONTEST_ID, true, "a number, a Roman numeral, geen or alle");
      if (id.isEmpty()) {
        throw c.fail(EmlRule.INVALID_VALUE, id, "empty contest id");
      }
      c.open();
      if (c.at(E, "ContestName")) {
        c.start(E, "ContestName");
        nameOut[0] = c.text();
      }
      c.end();
      return id;
    }

    // --- 110a -------------------------------------------------------------------------------------------------

    private ElectionDefinition definition() {
      c.start(E, "ElectionEvent");
      c.open();
      c.start(E, "EventIdentifier");
      c.empty();
      c.start(E, "Election");
      c.open();
      ElectionIdentifier election = electionIdentifier(true, true, true, true);
      c.start(E, "Contest");
      c.open();
      String[] name = new String[1];
      String contestId = contestIdentifier(name);
      c.start(E, "VotingMethod");
      EmlCursor.Mark vm = c.mark();
      String votingMethod = c.text();
      if (!VOTING_METHODS.contains(votingMethod)) {
        throw c.fail(vm, EmlRule.INVALID_VALUE, votingMethod, "unknown voting method");
      }
      c.start(E, "MaxVotes");
      EmlCursor.Mark mv = c.mark();
      String maxVotes = c.text();
      if (!maxVotes.isEmpty()) {
        long v = c.parseCount(maxVotes, mv.line(), mv.path());
        if (v < 1) {
          throw c.fail(mv, EmlRule.INVALID_VALUE, maxVotes, "must be at least 1");
        }
      }
      c.end();
      c.start(KR, "NumberOfSeats");
      int seats = c.positive();
      c.start(KR, "PreferenceThreshold");
      long threshold = c.count();
      c.start(KR, "ElectionTree");
      c.open();
      List<ElectionRegion> regions = new ArrayList<>();
      do {
        regions.add(region());
      } while (c.at(KR, "Region"));
      c.end();
      c.start(KR, "RegisteredParties");
      c.open();
      List<String> parties = new ArrayList<>();
      while (c.at(KR, "RegisteredParty")) {
        c.start(KR, "RegisteredParty");
        c.open();
        c.start(KR, "RegisteredAppellation");
        parties.add(c.text());
        if (c.at(KR, "RegisteredBy")) {
          c.start(KR, "RegisteredBy");
          c.text();
        }
        c.end();
      }
      c.end();
      c.end();
      c.end();
      return new ElectionDefinition(election, contestId, votingMethod, seats, (int) threshold, regions, parties);
    }

    private ElectionRegion region() {
      c.start(KR, "Region", "RegionNumber", "RegionCategory", "RomanNumerals", "FrysianExportAllowed",
          "SuperiorRegionNumber", "SuperiorRegionCategory");
      String category = c.requiredAttr("RegionCategory");
      if (!REGION_CATEGORIES.contains(category)) {
        throw c.fail(EmlRule.INVALID_VALUE, category, "unknown region category");
      }
      Integer number = shortAttr("RegionNumber");
      String superiorCategory = c.attr("SuperiorRegionCategory");
      if (superiorCategory != null && !REGION_CATEGORIES.contains(superiorCategory)) {
        throw c.fail(EmlRule.INVALID_VALUE, superiorCategory, "unknown region category");
      }
      Integer superiorNumber = shortAttr("SuperiorRegionNumber");
      booleanAttr("RomanNumerals");
      booleanAttr("FrysianExportAllowed");
      c.open();
      c.start(KR, "RegionName");
      String name = c.text();
      List<Committee> committees = new ArrayList<>();
      while (c.at(KR, "Committee")) {
        if (committees.size() == 3) {
          throw c.unexpected("at most three kr:Committee");
        }
        c.start(KR, "Committee", "CommitteeCategory", "CommitteeName", "AcceptCentralSubmissions");
        String cat = c.requiredAttr("CommitteeCategory");
        if (!COMMITTEE_CATEGORIES.contains(cat)) {
          throw c.fail(EmlRule.INVALID_VALUE, cat, "unknown committee category");
        }
        booleanAttr("AcceptCentralSubmissions");
        committees.add(new Committee(cat, c.attr("CommitteeName")));
        c.empty();
      }
      c.end();
      return new ElectionRegion(category, number, name, superiorCategory, superiorNumber, committees);
    }

    private Integer shortAttr(String name) {
      String v = c.attr(name);
      if (v == null) {
        return null;
      }
      if (!v.matches("[0-9]{1,5}") || Integer.parseInt(v) > Short.MAX_VALUE) {
        throw c.fail(EmlRule.INVALID_VALUE, v, name + ": a number from 0 to 32767");
      }
      return Integer.parseInt(v);
    }

    private Boolean booleanAttr(String name) {
      String v = c.attr(name);
      if (v == null) {
        return null;
      }
      return parseBoolean(v, name);
    }

    private boolean parseBoolean(String v, String what) {
      switch (v) {
        case "true":
        case "1":
          return true;
        case "false":
        case "0":
          return false;
        default:
          throw c.fail(EmlRule.INVALID_VALUE, v, what + ": not a boolean");
      }
    }

    // --- 110b -------------------------------------------------------------------------------------------------

    private PollingStations pollingStations() {
      c.start(E, "ElectionEvent");
      c.open();
      c.start(E, "EventIdentifier");
      c.empty();
      c.start(E, "Election");
      c.open();
      ElectionIdentifier election = electionIdentifier(false, false, false, false);
      c.start(E, "Contest");
      c.open();
      String[] name = new String[1];
      String contestId = contestIdentifier(name);
      if (!"geen".equals(contestId)) {
        throw c.fail(EmlRule.INVALID_VALUE, contestId, "the 110b contest id is always geen");
      }
      c.start(E, "ReportingUnit");
      c.open();
      c.start(E, "ReportingUnitIdentifier", "Id");
      String unitId = c.attr("Id", REPORTING_UNIT_ID, true, "reporting unit id");
      String unitName = c.text();
      c.end();
      c.start(E, "VotingMethod");
      EmlCursor.Mark vm = c.mark();
      String votingMethod = c.text();
      if (!VOTING_METHODS.contains(votingMethod)) {
        throw c.fail(vm, EmlRule.INVALID_VALUE, votingMethod, "unknown voting method");
      }
      c.start(E, "MaxVotes");
      long maxVotes = c.count();
      if (maxVotes < 1) {
        throw c.fail(EmlRule.INVALID_VALUE, "0", "MaxVotes must be at least 1");
      }
      List<PollingStation> stations = new ArrayList<>();
      Set<Integer> numbers = new HashSet<>();
      do {
        PollingStation s = pollingPlace();
        if (!numbers.add(s.number())) {
          throw c.fail(EmlRule.DUPLICATE_REPORTING_UNIT, "SB" + s.number());
        }
        stations.add(s);
      } while (c.at(E, "PollingPlace"));
      c.end();
      if (c.at(E, "Contest")) {
        throw c.unexpected("one Contest (several are not supported)");
      }
      c.end();
      if (c.at(E, "Election")) {
        throw c.unexpected("one Election (several are not supported)");
      }
      c.end();
      return new PollingStations(election, unitId, unitName, maxVotes, stations);
    }

    private PollingStation pollingPlace() {
      c.start(E, "PollingPlace", "Channel");
      String channel = c.requiredAttr("Channel");
      if (!channel.equals("polling") && !channel.equals("postal")) {
        throw c.fail(EmlRule.INVALID_VALUE, channel, "Channel is polling or postal");
      }
      c.open();
      c.start(E, "PhysicalLocation");
      c.open();
      c.start(E, "Address");
      c.open();
      c.start(E, "Locality");
      c.open();
      c.start(Ns.XAL, "LocalityName");
      String name = c.text();
      String postcode = null;
      if (c.at(Ns.XAL, "PostalCode")) {
        c.start(Ns.XAL, "PostalCode");
        c.open();
        c.start(Ns.XAL, "PostalCodeNumber");
        postcode = c.text();
        c.end();
      }
      c.end();
      c.end();
      c.start(E, "PollingStation", "Id");
      String id = c.attr("Id", Pattern.compile("\\d+"), true, "digits");
      EmlCursor.Mark m = c.mark();
      String eligible = c.text();
      if (!eligible.matches("\\d+")) {
        throw c.fail(m, EmlRule.INVALID_VALUE, eligible, "number of eligible voters in digits");
      }
      long voters = c.parseCount(eligible, m.line(), m.path());
      String type = null;
      if (c.at(KR, "ReportingUnitType")) {
        c.start(KR, "ReportingUnitType");
        type = reportingUnitType();
      }
      Boolean shared = null;
      if (c.at(KR, "SharedLocation")) {
        c.start(KR, "SharedLocation");
        shared = parseBoolean(c.text(), "kr:SharedLocation");
      }
      c.end();
      c.end();
      long number = c.parseCount(id, m.line(), m.path());
      if (number < 1) {
        throw c.fail(m, EmlRule.INVALID_VALUE, id, "polling station number must be at least 1");
      }
      return new PollingStation((int) number, name, postcode, type, shared, voters);
    }

    private String reportingUnitType() {
      EmlCursor.Mark m = c.mark();
      String type = c.text();
      if (!type.equals("FixedLocation") && !type.equals("Mobile") && !type.equals("Special")) {
        throw c.fail(m, EmlRule.INVALID_VALUE, type, "FixedLocation, Mobile or Special");
      }
      return type;
    }

    // --- 230b -------------------------------------------------------------------------------------------------

    private CandidateLists candidateLists(EmlHeader header) {
      LocalDate issue = header.issueDate();
      c.start(E, "CandidateList");
      c.open();
      if (c.at(E, "ListDate")) {
        c.start(E, "ListDate");
        date();
      }
      c.start(E, "Election");
      c.open();
      ElectionIdentifier election = electionIdentifier(false, false, true, true);
      List<ContestLists> contests = new ArrayList<>();
      Set<String> contestIds = new HashSet<>();
      do {
        c.start(E, "Contest");
        c.open();
        String[] name = new String[1];
        String contestId = contestIdentifier(name);
        if (!contestIds.add(contestId)) {
          throw c.fail(EmlRule.DUPLICATE_SELECTION, "contest " + contestId);
        }
        List<CandidateList> lists = new ArrayList<>();
        int previous = 0;
        do {
          CandidateList l = affiliation();
          if (l.number() <= previous) {
            throw c.fail(EmlRule.NOT_INCREASING, "list", l.number(), previous);
          }
          previous = l.number();
          lists.add(l);
        } while (c.at(E, "Affiliation"));
        c.end();
        contests.add(new ContestLists(contestId, name[0], lists));
      } while (c.at(E, "Contest"));
      c.end();
      c.end();
      return new CandidateLists(election, issue, contests);
    }

    private CandidateList affiliation() {
      c.start(E, "Affiliation");
      c.open();
      c.start(E, "AffiliationIdentifier", "Id");
      String id = c.attr("Id", POSITIVE, true, "a positive number");
      c.open();
      c.start(E, "RegisteredName");
      String appellation = c.text();
      c.end();
      c.start(E, "Type");
      EmlCursor.Mark tm = c.mark();
      String type = c.text();
      if (!AFFILIATION_TYPES.contains(type)) {
        throw c.fail(tm, EmlRule.INVALID_VALUE, type, "unknown list type");
      }
      c.start(KR, "ListData", "PublishGender", "PublicationLanguage", "BelongsToSet", "BelongsToCombination");
      String publish = c.requiredAttr("PublishGender");
      boolean publishGender = parseBoolean(publish, "PublishGender");
      String lang = c.attr("PublicationLanguage");
      if (lang != null && !lang.equals("nl") && !lang.equals("fy")) {
        throw c.fail(EmlRule.INVALID_VALUE, lang, "PublicationLanguage is nl or fy");
      }
      String set = c.attr("BelongsToSet", POSITIVE, false, "a positive number");
      c.attr("BelongsToCombination", Pattern.compile("[a-zA-Z|]"), false, "one letter");
      c.empty();
      List<Candidate> candidates = new ArrayList<>();
      int previous = 0;
      do {
        Candidate cand = candidate230();
        if (cand.position() <= previous) {
          throw c.fail(EmlRule.NOT_INCREASING, "candidate", cand.position(), previous);
        }
        previous = cand.position();
        candidates.add(cand);
      } while (c.at(E, "Candidate"));
      c.end();
      return new CandidateList(Integer.parseInt(id), appellation, type,
          set == null ? null : Integer.valueOf(set), publishGender, candidates);
    }

    private Candidate candidate230() {
      c.start(E, "Candidate");
      c.open();
      String[] shortCode = new String[1];
      int id = candidateIdentifier(shortCode, true);
      PersonName name = null;
      if (c.at(E, "CandidateFullName")) {
        name = fullName();
      } else {
        throw c.unexpected("CandidateFullName");
      }
      Gender gender = gender();
      String[] address = qualifyingAddress(false);
      c.end();
      return new Candidate(id, shortCode[0], name, gender, address[0], address[1]);
    }

    /** CandidateIdentifier with a required Id (positive) and optional ShortCode attribute or element. */
    private int candidateIdentifier(String[] shortCode, boolean idRequired) {
      c.start(E, "CandidateIdentifier", "Id", "ShortCode");
      int id = c.positiveIntAttr("Id", idRequired);
      shortCode[0] = c.attr("ShortCode", SHORT_CODE, false, "letters followed by at most seven digits");
      if (shortCode[0] != null && (shortCode[0].isEmpty() || shortCode[0].length() > 15)) {
        throw c.fail(EmlRule.INVALID_VALUE, shortCode[0], "ShortCode has 1 to 15 characters");
      }
      c.open();
      if (c.at(E, "ShortCode")) {
        c.start(E, "ShortCode");
        EmlCursor.Mark m = c.mark();
        String sc = c.text();
        if (sc.isEmpty() || sc.length() > 15 || !SHORT_CODE.matcher(sc).matches()) {
          throw c.fail(m, EmlRule.INVALID_VALUE, sc, "ShortCode: letters followed by at most seven digits");
        }
        if (shortCode[0] != null) {
          throw c.fail(m, EmlRule.DUPLICATE_SELECTION, "ShortCode");
        }
        shortCode[0] = sc;
      }
      c.end();
      if (id == 0) {
        if (shortCode[0] == null) {
          throw c.fail(EmlRule.MISSING_ATTRIBUTE, "Id");
        }
        return -1;
      }
      return id;
    }

    private PersonName fullName() {
      c.start(E, "CandidateFullName");
      c.open();
      c.start(Ns.XNL, "PersonName");
      c.open();
      String initials = null;
      String first = null;
      String prefix = null;
      if (c.at(Ns.XNL, "NameLine")) {
        c.start(Ns.XNL, "NameLine", "NameType");
        String type = c.attr("NameType");
        if (!"Initials".equals(type)) {
          throw c.fail(EmlRule.INVALID_VALUE, type == null ? "" : type, "NameType must be Initials");
        }
        initials = c.text();
      }
      if (c.at(Ns.XNL, "FirstName")) {
        c.start(Ns.XNL, "FirstName");
        first = c.text();
      }
      if (c.at(Ns.XNL, "NamePrefix")) {
        c.start(Ns.XNL, "NamePrefix");
        prefix = c.text();
      }
      c.start(Ns.XNL, "LastName");
      String last = c.text();
      c.end();
      c.end();
      return new PersonName(initials, first, prefix, last);
    }

    private Gender gender() {
      if (c.at(E, "Gender")) {
        c.start(E, "Gender");
        EmlCursor.Mark m = c.mark();
        String g = c.text();
        Gender gender = Gender.fromCode(g);
        if (gender == null || gender == Gender.OTHER) {
          throw c.fail(m, EmlRule.INVALID_VALUE, g, "Gender is male, female or unknown");
        }
        return gender;
      }
      if (c.at(KR, "GenderAnnex")) {
        c.start(KR, "GenderAnnex");
        EmlCursor.Mark m = c.mark();
        String g = c.text();
        Gender gender = Gender.fromCode(g);
        if (gender == null || gender == Gender.UNKNOWN) {
          throw c.fail(m, EmlRule.INVALID_VALUE, g, "kr:GenderAnnex is male, female or other");
        }
        return gender;
      }
      return null;
    }

    /** QualifyingAddress: xal:Locality/xal:LocalityName or xal:Country(CountryNameCode, Locality). */
    private String[] qualifyingAddress(boolean required) {
      if (!c.at(E, "QualifyingAddress")) {
        if (required) {
          throw c.unexpected("QualifyingAddress");
        }
        return new String[2];
      }
      c.start(E, "QualifyingAddress");
      c.open();
      String country = null;
      if (c.at(Ns.XAL, "Country")) {
        c.start(Ns.XAL, "Country");
        c.open();
        c.start(Ns.XAL, "CountryNameCode");
        country = c.text();
      } else if (!c.at(Ns.XAL, "Locality")) {
        throw c.unexpected("xal:Locality or xal:Country");
      }
      c.start(Ns.XAL, "Locality");
      c.open();
      c.start(Ns.XAL, "LocalityName");
      String locality = c.text();
      c.end();
      if (country != null) {
        c.end();
      }
      c.end();
      return new String[] {locality, country};
    }

    // --- 510 --------------------------------------------------------------------------------------------------

    private Count count(EmlHeader header) {
      c.start(E, "Count");
      c.open();
      CountingMethod method = null;
      if (c.at(KR, "CountingMethod")) {
        c.start(KR, "CountingMethod", "MethodCode");
        String code = c.requiredAttr("MethodCode");
        method = CountingMethod.fromCode(code);
        if (method == null) {
          throw c.fail(EmlRule.INVALID_VALUE, code, "centrale or decentrale stemopneming");
        }
        c.empty();
      }
      c.start(E, "EventIdentifier");
      c.empty();
      Phase phase = null;
      if (c.at(KR, "Phase")) {
        c.start(KR, "Phase", "PhaseCode");
        String code = c.requiredAttr("PhaseCode");
        phase = Phase.fromCode(code);
        if (phase == null) {
          throw c.fail(EmlRule.INVALID_VALUE, code, "eerste zitting or corrigendum");
        }
        c.empty();
      }
      c.start(E, "Election");
      c.open();
      ElectionIdentifier election = electionIdentifier(false, false, false, false);
      c.start(E, "Contests");
      c.open();
      List<ContestCount> contests = new ArrayList<>();
      Set<String> contestIds = new HashSet<>();
      do {
        EmlCursor.Mark m = c.mark();
        ContestCount contest = contest();
        if (!contestIds.add(contest.contestId())) {
          throw c.fail(m, EmlRule.DUPLICATE_SELECTION, "contest " + contest.contestId());
        }
        contests.add(contest);
      } while (c.at(E, "Contest"));
      c.end();
      c.end();
      c.end();
      return new Count(election, header.authority(), method, phase, contests);
    }

    private ContestCount contest() {
      c.start(E, "Contest");
      c.open();
      String[] name = new String[1];
      String contestId = contestIdentifier(name);
      ContestLists nominated = null;
      if (options.candidateLists() != null) {
        nominated = options.candidateLists().contest(contestId);
        if (nominated == null && options.candidateLists().contests().size() == 1
            && ("geen".equals(contestId) || "alle".equals(contestId))) {
          nominated = options.candidateLists().contests().get(0);
        }
        if (nominated == null) {
          throw c.fail(EmlRule.CONTEST_MISMATCH, contestId);
        }
      }
      VoteCounts total = null;
      List<ReportingUnitCount> units = new ArrayList<>();
      if (c.at(E, "TotalVotes")) {
        c.start(E, "TotalVotes");
        c.open();
        GroupShape shape = new GroupShape();
        total = voteGroup(nominated, shape, null);
        c.end();
        UnitCheck sums = new UnitCheck(shape, total, nominated);
        Set<String> unitIds = new HashSet<>();
        int unitCount = 0;
        while (c.at(E, "ReportingUnitVotes")) {
          EmlCursor.Mark m = c.mark();
          ReportingUnitCount unit = reportingUnit(nominated, sums);
          if (!unitIds.add(unit.id())) {
            throw c.fail(m, EmlRule.DUPLICATE_REPORTING_UNIT, unit.id());
          }
          sums.add(unit.votes());
          unitCount++;
          if (options.unitSink() != null) {
            options.unitSink().accept(unit);
          } else {
            units.add(unit);
          }
        }
        if (unitCount > 0) {
          sums.compare(total);
        }
      } else if (c.at(E, "ReportingUnitVotes")) {
        units.add(reportingUnit(nominated, null));
      } else {
        throw c.unexpected("TotalVotes or ReportingUnitVotes");
      }
      c.end();
      if (total == null || options.unitSink() == null) {
        return new ContestCount(contestId, name[0], total, units);
      }
      return new ContestCount(contestId, name[0], total, List.of());
    }

    private ReportingUnitCount reportingUnit(ContestLists nominated, UnitCheck total) {
      c.start(E, "ReportingUnitVotes");
      c.open();
      c.start(E, "ReportingUnitIdentifier", "Id");
      String id = c.attr("Id", REPORTING_UNIT_ID, true, "reporting unit id, e.g. 0668::SB1");
      String name = c.text();
      String type = null;
      if (c.at(KR, "ReportingUnitType")) {
        c.start(KR, "ReportingUnitType");
        type = reportingUnitType();
      }
      Boolean shared = null;
      if (c.at(KR, "SharedLocation")) {
        c.start(KR, "SharedLocation");
        shared = parseBoolean(c.text(), "kr:SharedLocation");
      }
      VoteCounts votes;
      if (total != null) {
        total.startUnit();
        votes = voteGroup(nominated, null, total);
        total.compare(votes, id);
      } else {
        votes = voteGroup(nominated, new GroupShape(), null);
      }
      List<Investigation> investigations = new ArrayList<>();
      if (c.at(KR, "ReportingUnitInvestigations")) {
        c.start(KR, "ReportingUnitInvestigations");
        c.open();
        Set<InvestigationReason> seen = java.util.EnumSet.noneOf(InvestigationReason.class);
        while (c.at(KR, "Investigation")) {
          if (investigations.size() == 3) {
            throw c.unexpected("at most three kr:Investigation");
          }
          c.start(KR, "Investigation", "ReasonCode");
          String code = c.requiredAttr("ReasonCode");
          InvestigationReason reason = InvestigationReason.fromCode(code);
          if (reason == null) {
            throw c.fail(EmlRule.INVALID_VALUE, code, "unknown investigation reason");
          }
          if (!seen.add(reason)) {
            throw c.fail(EmlRule.DUPLICATE_REASON, code);
          }
          investigations.add(new Investigation(reason, parseBoolean(c.text(), "kr:Investigation")));
        }
        c.end();
      }
      c.end();
      return new ReportingUnitCount(id, name, type, shared, votes, investigations);
    }

    /**
     * The vote group: selections, Cast, TotalCounted, RejectedVotes, UncountedVotes (with kr:Initial*). Its
     * selections are recorded in {@code shape} (the total, or a unit of a contest without one) or, for a reporting
     * unit, checked against the total's by slot in {@code unit}.
     */
    private VoteCounts voteGroup(ContestLists nominated, GroupShape shape, UnitCheck unit) {
      List<ListVotes> lists = new ArrayList<>();
      ListBuilder current = null;
      long listSum = 0;
      if (!c.at(E, "Selection")) {
        throw c.unexpected("Selection");
      }
      while (c.at(E, "Selection")) {
        c.start(E, "Selection");
        c.open();
        if (c.at(E, "Candidate")) {
          c.start(E, "Candidate");
          c.open();
          int position = candidateIdentifier(shortCodeOut, false);
          String shortCode = shortCodeOut[0];
          c.end();
          // The Selection is the innermost open element again: its errors are reported at its start tag (no mark
          // per candidate selection, the most frequent element of a count).
          if (current == null) {
            throw c.failAtElement(EmlRule.CANDIDATE_BEFORE_LIST, label(position, shortCode));
          }
          int slot = unit == null ? -1 : unit.slot(current.number, position, shortCode);
          // A selection the total has passed this check there already (it depends on nothing else).
          if (current.nominated != null && slot < 0) {
            boolean onList = position > 0 ? current.nominated.candidate(position) != null
                : hasShortCode(current.nominated, shortCode);
            if (!onList) {
              throw c.failAtElement(EmlRule.CANDIDATE_NOT_ON_LIST, label(position, shortCode), current.number);
            }
          }
          if (!(unit == null ? shape.add(current.number, position, shortCode)
              : unit.add(slot, current.number, position, shortCode))) {
            throw c.failAtElement(EmlRule.DUPLICATE_SELECTION,
                "candidate " + label(position, shortCode) + " of list " + current.number);
          }
          Long initial = initialValidVotes();
          long votes = validVotes();
          if (slot >= 0) {
            unit.sums[slot] += votes;
          }
          current.candidates.add(new CandidateVotes(position > 0 ? position : null, shortCode, votes, initial));
          current.candidateSum += votes;
        } else if (c.at(E, "AffiliationIdentifier")) {
          c.start(E, "AffiliationIdentifier", "Id");
          int number = c.positiveIntAttr("Id", true);
          c.open();
          c.start(E, "RegisteredName");
          String appellation = c.text();
          c.end();
          EmlCursor.Mark sm = c.mark();
          if (current != null) {
            lists.add(current.build(sm));
          }
          int slot = unit == null ? -1 : unit.slot(number, 0, null);
          if (!(unit == null ? shape.add(number, 0, null) : unit.add(slot, number, 0, null))) {
            throw c.fail(sm, EmlRule.DUPLICATE_SELECTION, "list " + number);
          }
          CandidateList nominatedList = null;
          if (nominated != null) {
            nominatedList = slot >= 0 ? unit.nominated[slot] : nominated.list(number);
            if (nominatedList == null) {
              throw c.fail(sm, EmlRule.LIST_NOT_NOMINATED, number, nominated.contestId());
            }
          }
          Long initial = initialValidVotes();
          long votes = validVotes();
          if (slot >= 0) {
            unit.sums[slot] += votes;
          }
          current = new ListBuilder(number, appellation, votes, initial, nominatedList, sm);
          listSum += votes;
        } else {
          throw c.unexpected("Candidate or AffiliationIdentifier");
        }
        c.end();
      }
      if (current != null) {
        lists.add(current.build(current.mark));
      }
      Long initialCast = null;
      if (c.at(KR, "InitialCast")) {
        c.start(KR, "InitialCast");
        initialCast = c.count();
      }
      c.start(E, "Cast");
      long cast = c.count();
      Long initialTotal = null;
      if (c.at(KR, "InitialTotalCounted")) {
        c.start(KR, "InitialTotalCounted");
        initialTotal = c.count();
      }
      c.start(E, "TotalCounted");
      EmlCursor.Mark tm = c.mark();
      long totalCounted = c.count();
      if (totalCounted != listSum) {
        throw c.fail(tm, EmlRule.TOTAL_COUNTED_MISMATCH, totalCounted, listSum);
      }
      Map<RejectedReason, Long> initialRejected =
          reasons(KR, "InitialRejectedVotes", RejectedReason.class, this::rejectedReason, RejectedReason::code);
      Map<RejectedReason, Long> rejected =
          reasons(E, "RejectedVotes", RejectedReason.class, this::rejectedReason, RejectedReason::code);
      for (RejectedReason r : RejectedReason.values()) {
        if (!rejected.containsKey(r)) {
          throw c.fail(EmlRule.MISSING_REASON, r.code());
        }
      }
      Map<UncountedReason, Long> initialUncounted =
          reasons(KR, "InitialUncountedVotes", UncountedReason.class, this::uncountedReason, UncountedReason::code);
      Map<UncountedReason, Long> uncounted =
          reasons(E, "UncountedVotes", UncountedReason.class, this::uncountedReason, UncountedReason::code);
      return new VoteCounts(lists, cast, initialCast, totalCounted, initialTotal, rejected, initialRejected,
          uncounted, initialUncounted);
    }

    /** How an error names a candidate: by position, or by ShortCode when it has no Id. */
    private String label(int position, String shortCode) {
      return shortCode != null && position < 0 ? shortCode : String.valueOf(position);
    }

    private boolean hasShortCode(CandidateList list, String shortCode) {
      for (Candidate cand : list.candidates()) {
        if (shortCode.equals(cand.shortCode())) {
          return true;
        }
      }
      return false;
    }

    /** Reads a run of reason-coded counts; a reason given twice is refused, so no count is silently lost. */
    private <R extends Enum<R>> Map<R, Long> reasons(
        String ns,
        String element,
        Class<R> type,
        java.util.function.Supplier<R> reason,
        java.util.function.Function<R, String> code) {
      Map<R, Long> result = new EnumMap<>(type);
      while (c.at(ns, element)) {
        c.start(ns, element, "ReasonCode");
        R r = reason.get();
        if (result.containsKey(r)) {
          throw c.fail(EmlRule.DUPLICATE_REASON, code.apply(r));
        }
        result.put(r, c.count());
      }
      return result;
    }

    private RejectedReason rejectedReason() {
      String code = c.requiredAttr("ReasonCode");
      RejectedReason r = RejectedReason.fromCode(code);
      if (r == null) {
        throw c.fail(EmlRule.INVALID_VALUE, code, "ReasonCode is blanco or ongeldig");
      }
      return r;
    }

    private UncountedReason uncountedReason() {
      String code = c.requiredAttr("ReasonCode");
      UncountedReason r = UncountedReason.fromCode(code);
      if (r == null) {
        throw c.fail(EmlRule.INVALID_VALUE, code, "unknown UncountedVotes ReasonCode");
      }
      return r;
    }

    private Long initialValidVotes() {
      if (c.at(KR, "InitialValidVotes")) {
        c.start(KR, "InitialValidVotes");
        return c.count();
      }
      return null;
    }

    private long validVotes() {
      c.start(E, "ValidVotes");
      return c.count();
    }

    /** A list being read: its own total and its candidates so far. */
    private final class ListBuilder {
      final int number;
      final String appellation;
      final long votes;
      final Long initial;
      final CandidateList nominated;
      final EmlCursor.Mark mark;
      final List<CandidateVotes> candidates = new ArrayList<>();
      long candidateSum;

      ListBuilder(int number, String appellation, long votes, Long initial, CandidateList nominated,
          EmlCursor.Mark mark) {
        this.number = number;
        this.appellation = appellation;
        this.votes = votes;
        this.initial = initial;
        this.nominated = nominated;
        this.mark = mark;
      }

      ListVotes build(EmlCursor.Mark at) {
        // A ballot marks a candidate, never only a list, so a list total is the sum of its candidates.
        if (!candidates.isEmpty() && candidateSum != votes) {
          throw c.fail(mark, EmlRule.LIST_TOTAL_MISMATCH, number, votes, candidateSum);
        }
        return new ListVotes(number, appellation, votes, initial, candidates);
      }
    }

    /** The set of selections of a vote group, to require every reporting unit to have those of the total. */
    private final class GroupShape {
      // List and candidate numbers packed in one long; candidates known only by ShortCode kept as text.
      final Set<Key> keys = new HashSet<>();
      final Set<String> codes = new HashSet<>();

      boolean add(int list, int position, String shortCode) {
        return position > 0 || shortCode == null ? keys.add(pack(list, Math.max(position, 0)))
            : codes.add(list + "/" + shortCode);
      }

      void compare(GroupShape unit, String unitId) {
        if (unit.keys.equals(keys) && unit.codes.equals(codes)) {
          return;
        }
        for (Key k : keys) {
          if (!unit.keys.contains(k)) {
            throw c.fail(EmlRule.MISSING_SELECTION, describe(k), unitId);
          }
        }
        for (String k : codes) {
          if (!unit.codes.contains(k)) {
            throw c.fail(EmlRule.MISSING_SELECTION, "candidate " + k, unitId);
          }
        }
        for (Key k : unit.keys) {
          if (!keys.contains(k)) {
            throw c.fail(EmlRule.EXTRA_SELECTION, describe(k), unitId);
          }
        }
        throw c.fail(EmlRule.EXTRA_SELECTION, "candidate " + unit.codes, unitId);
      }

      private String describe(Key k) {
        int list = k.list();
        int position = k.position();
        return position == 0 ? "list " + list : "candidate " + position + " of list " + list;
      }
    }

    private static Key pack(int list, int position) {
      return new Key(list, position);
    }

    /** A list (position 0) or a candidate of a list; spreads its hash, unlike a packed Long. */
    private record Key(int list, int position) {
      @Override
      public int hashCode() {
        return list * 0x9E3779B1 + position * 0x85EBCA77;
      }
    }

    /**
     * The reporting units of a contest checked against its TotalVotes: every unit must have exactly the total's
     * selections (EML-022/023), and the units must add up to the total (EML-032). The total's selections are
     * numbered (slots, in document order), so a unit's selection is marked and summed by its slot; no set or map
     * is built per unit. When a unit's selections differ, they are replayed into a {@link GroupShape} and compared
     * as before, so the error and its order stay those of the set comparison.
     */
    private final class UnitCheck {
      private final GroupShape totalShape;
      private final SlotTable slots = new SlotTable();
      // Candidates known only by ShortCode (rare), as "list/ShortCode".
      private final Map<String, Integer> codeSlots = new java.util.HashMap<>();
      private final int size;
      // The key of each slot (0 for a ShortCode slot): units list their selections in the total's order, so the
      // slot after the last one found is tried before the table.
      private final long[] keyOfSlot;
      private int next;
      // The nominated list of each list slot (null for candidate slots, or without candidate lists).
      final CandidateList[] nominated;
      // The running sums over the units per slot, and of the unit-level figures.
      final long[] sums;
      long totalCounted;
      final long[] rejected = new long[RejectedReason.values().length];
      final long[] uncounted = new long[UncountedReason.values().length];
      // Per slot the number of the last unit that had it, so a unit's marks need no clearing.
      private final int[] seenIn;
      private int unit;
      private int seen;
      // This unit's selections that the total lacks (an error once the unit is read, but duplicates among them
      // are refused first, as before); null while there are none.
      private GroupShape extra;

      UnitCheck(GroupShape totalShape, VoteCounts total, ContestLists nominatedLists) {
        this.totalShape = totalShape;
        int n = 0;
        for (ListVotes l : total.lists()) {
          n += 1 + l.candidates().size();
        }
        size = n;
        sums = new long[n];
        seenIn = new int[n];
        nominated = new CandidateList[n];
        keyOfSlot = new long[n];
        int slot = 0;
        for (ListVotes l : total.lists()) {
          keyOfSlot[slot] = SlotTable.key(l.listNumber(), 0);
          slots.put(keyOfSlot[slot], slot);
          nominated[slot] = nominatedLists == null ? null : nominatedLists.list(l.listNumber());
          slot++;
          for (CandidateVotes cv : l.candidates()) {
            if (cv.position() != null) {
              keyOfSlot[slot] = SlotTable.key(l.listNumber(), cv.position());
              slots.put(keyOfSlot[slot], slot);
            } else {
              codeSlots.put(l.listNumber() + "/" + cv.shortCode(), slot);
            }
            slot++;
          }
        }
      }

      void startUnit() {
        unit++;
        next = 0;
        seen = 0;
        extra = null;
      }

      /** The total's slot of this selection (keyed as {@link GroupShape#add}), or -1 when the total lacks it. */
      int slot(int list, int position, String shortCode) {
        int s;
        if (position > 0 || shortCode == null) {
          long key = SlotTable.key(list, Math.max(position, 0));
          s = next < size && keyOfSlot[next] == key ? next : slots.get(key);
        } else {
          Integer found = codeSlots.get(list + "/" + shortCode);
          s = found == null ? -1 : found;
        }
        if (s >= 0) {
          next = s + 1;
        }
        return s;
      }

      /** Records a selection of the unit; false when the unit already has it. */
      boolean add(int slot, int list, int position, String shortCode) {
        if (slot < 0) {
          if (extra == null) {
            extra = new GroupShape();
          }
          return extra.add(list, position, shortCode);
        }
        if (seenIn[slot] == unit) {
          return false;
        }
        seenIn[slot] = unit;
        seen++;
        return true;
      }

      /** Fails when the unit just read lacks a selection of the total or has one more (EML-022/023). */
      void compare(VoteCounts unitVotes, String unitId) {
        if (seen == size && extra == null) {
          return;
        }
        GroupShape unitShape = new GroupShape();
        for (ListVotes l : unitVotes.lists()) {
          unitShape.add(l.listNumber(), 0, null);
          for (CandidateVotes cv : l.candidates()) {
            unitShape.add(l.listNumber(), cv.position() == null ? -1 : cv.position(), cv.shortCode());
          }
        }
        totalShape.compare(unitShape, unitId);
        throw new IllegalStateException("unit " + unitId + " differs from the total but no difference was found");
      }

      /** Adds the unit-level figures of a unit that passed; its selections were summed while it was read. */
      void add(VoteCounts v) {
        totalCounted += v.totalCounted();
        v.rejected().forEach((k, n) -> rejected[k.ordinal()] += n);
        v.uncounted().forEach((k, n) -> uncounted[k.ordinal()] += n);
      }

      void compare(VoteCounts total) {
        // Eligible voters (Cast) are not added up: real 510b files state them only in the total. The slots were
        // numbered in this order.
        int slot = 0;
        for (ListVotes l : total.lists()) {
          check("list " + l.listNumber(), l.votes(), sums[slot++]);
          for (CandidateVotes cv : l.candidates()) {
            check("candidate " + (cv.position() != null ? cv.position() : cv.shortCode()) + " of list "
                + l.listNumber(), cv.votes(), sums[slot++]);
          }
        }
        check("TotalCounted", total.totalCounted(), totalCounted);
        for (RejectedReason r : RejectedReason.values()) {
          check("RejectedVotes " + r.code(), total.rejected().get(r), rejected[r.ordinal()]);
        }
        for (UncountedReason r : UncountedReason.values()) {
          check("UncountedVotes " + r.code(), total.uncounted().getOrDefault(r, 0L), uncounted[r.ordinal()]);
        }
      }

      private void check(String what, long total, long sum) {
        if (total != sum) {
          throw c.fail(EmlRule.UNIT_SUM_MISMATCH, what, total, sum);
        }
      }
    }

    // --- 520 --------------------------------------------------------------------------------------------------

    private ElectionResult result(EmlHeader header) {
      c.start(E, "Result");
      c.open();
      c.start(E, "Election");
      c.open();
      ElectionIdentifier election = electionIdentifier(false, false, false, false);
      List<ContestResult> contests = new ArrayList<>();
      Set<String> contestIds = new HashSet<>();
      do {
        c.start(E, "Contest");
        c.open();
        String[] name = new String[1];
        String contestId = contestIdentifier(name);
        if (!contestIds.add(contestId)) {
          throw c.fail(EmlRule.DUPLICATE_SELECTION, "contest " + contestId);
        }
        List<ResultEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int list = 0;
        do {
          c.start(E, "Selection");
          EmlCursor.Mark sm = c.mark();
          c.open();
          ResultEntry entry;
          if (c.at(E, "Candidate")) {
            c.start(E, "Candidate");
            c.open();
            String[] shortCode = new String[1];
            int order = candidateIdentifier(shortCode, true);
            PersonName pname = fullName();
            Gender gender = gender();
            String[] address = qualifyingAddress(true);
            c.end();
            if (list == 0) {
              throw c.fail(sm, EmlRule.CANDIDATE_BEFORE_LIST, order);
            }
            if (!seen.add(list + "/" + order)) {
              throw c.fail(sm, EmlRule.DUPLICATE_SELECTION, "candidate " + order + " of list " + list);
            }
            Long votes = resultVotes();
            Integer ranking = ranking();
            entry = new ElectedCandidate(order, shortCode[0], pname, gender, address[0], address[1], votes,
                ranking);
          } else if (c.at(E, "AffiliationIdentifier")) {
            c.start(E, "AffiliationIdentifier", "Id");
            String id = c.attr("Id", POSITIVE, true, "a positive number");
            c.open();
            c.start(E, "RegisteredName");
            String appellation = c.text();
            c.end();
            list = Integer.parseInt(id);
            if (!seen.add(String.valueOf(list))) {
              throw c.fail(sm, EmlRule.DUPLICATE_SELECTION, "list " + list);
            }
            Long votes = resultVotes();
            if (ranking() != null) {
              throw c.fail(sm, EmlRule.INVALID_VALUE, "Ranking", "a list has no ranking");
            }
            entry = new ElectedList(list, appellation, votes);
          } else {
            throw c.unexpected("Candidate or AffiliationIdentifier");
          }
          c.start(E, "Elected");
          EmlCursor.Mark em = c.mark();
          String elected = c.text();
          if (!"yes".equals(elected)) {
            throw c.fail(em, EmlRule.INVALID_VALUE, elected, "Elected is always yes");
          }
          c.end();
          entries.add(entry);
        } while (c.at(E, "Selection"));
        c.end();
        contests.add(new ContestResult(contestId, name[0], entries));
      } while (c.at(E, "Contest"));
      c.end();
      c.end();
      return new ElectionResult(election, header.authority(), contests);
    }

    private Long resultVotes() {
      if (c.at(E, "Votes")) {
        c.start(E, "Votes");
        EmlCursor.Mark m = c.mark();
        long v = c.count();
        if (v < 1) {
          throw c.fail(m, EmlRule.INVALID_VALUE, "0", "Votes must be positive");
        }
        return v;
      }
      return null;
    }

    private Integer ranking() {
      if (c.at(E, "Ranking")) {
        c.start(E, "Ranking");
        EmlCursor.Mark m = c.mark();
        String t = c.text();
        if (!t.equals("1") && !t.equals("2")) {
          throw c.fail(m, EmlRule.INVALID_VALUE, t, "Ranking is 1 or 2");
        }
        return Integer.valueOf(t);
      }
      return null;
    }
  }

  /**
   * The slots of a contest's selections keyed by list and position (0 for the list itself): an open-addressing
   * table of packed longs, so a lookup makes no key object and boxes nothing.
   */
  static final class SlotTable {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    /** List numbers are at least 1 (EML Id, a positive number), so no key is 0, the mark of an empty cell. */
    static long key(int list, int position) {
      return ((long) list << 32) | (position & 0xFFFF_FFFFL);
    }

    private static int hash(long key) {
      long h = key * 0x9E37_79B9_7F4A_7C15L;
      return (int) (h ^ (h >>> 29));
    }

    /** The slot of this key, or -1. */
    int get(long key) {
      int mask = keys.length - 1;
      for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
        long k = keys[i];
        if (k == key) {
          return values[i];
        }
        if (k == 0) {
          return -1;
        }
      }
    }

    void put(long key, int value) {
      if (key == 0) {
        throw new IllegalArgumentException("list number 0");
      }
      if (2 * (size + 1) > keys.length) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != 0) {
            put(oldKeys[i], oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      int i = hash(key) & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        size++;
      }
      keys[i] = key;
      values[i] = value;
    }
  }

  /** The JDK parser closes its input at the end; the stream belongs to the caller. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The caller closes its own stream.
    }
  }
}
