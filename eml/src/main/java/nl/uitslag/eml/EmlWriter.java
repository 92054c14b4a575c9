package nl.uitslag.eml;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.Investigation;
import nl.uitslag.domain.count.ListVotes;
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
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;

/**
 * Writes EML_NL 110a, 230b, 510b (GSB), 510c (HSB), 510d (CSB) and 520 byte-stably: the same data and creation time give the
 * same bytes, hence the same fingerprint. Fixed namespace prefixes (kr, ds, xal, xnl), schema element order, UTF-8,
 * "\n" line ends and two-space indentation. No clock is read: the caller passes the creation time. Every file is
 * read back with {@link EmlReader} before it is returned, so we never hand out a file we would reject ourselves.
 */
public final class EmlWriter {
  private static final DateTimeFormatter CREATION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
  private static final Pattern HSB = Pattern.compile("HSB\\d+");

  private EmlWriter() {}

  /**
   * Writes a count as 510b, 510c or 510d. The managing authority must fit the kind: a municipality code for 510b,
   * HSB&lt;n&gt; for 510c, CSB for 510d.
   */
  public static byte[] writeCount(EmlKind kind, Count count, LocalDateTime creation) {
    ManagingAuthority a = count.authority();
    switch (kind) {
      case E510B:
        require(MUNICIPALITY.matcher(a.id()).matches(), "a 510b is made by a GSB (four-digit municipality code)");
        break;
      case E510C:
        require(HSB.matcher(a.id()).matches(), "a 510c is made by an HSB (HSB<n>)");
        break;
      case E510D:
        require("CSB".equals(a.id()), "a 510d is made by the CSB");
        break;
      default:
        throw new IllegalArgumentException("not a count we write: " + kind.id());
    }
    XmlOut x = new XmlOut();
    header(x, kind, a, creation);
    x.open("Count");
    if (count.countingMethod() != null) {
      x.empty("kr:CountingMethod", "MethodCode", count.countingMethod().code());
    }
    x.empty("EventIdentifier");
    if (count.phase() != null) {
      x.empty("kr:Phase", "PhaseCode", count.phase().code());
    }
    x.open("Election");
    electionIdentifier(x, count.election());
    x.open("Contests");
    for (ContestCount contest : count.contests()) {
      x.open("Contest");
      contestIdentifier(x, contest.contestId(), contest.contestName());
      if (contest.total() != null) {
        x.open("TotalVotes");
        voteGroup(x, contest.total());
        x.close();
      }
      for (ReportingUnitCount unit : contest.units()) {
        reportingUnit(x, unit);
      }
      x.close();
    }
    x.close();
    x.close();
    x.close();
    x.close();
    byte[] bytes = x.bytes();
    EmlReader.read(new ByteArrayInputStream(bytes), kind.id() + " export", ReadOptions.none(),
        java.util.Set.of(kind));
    return bytes;
  }

  /** Writes an election result as 520 (made by the CSB). */
  public static byte[] writeResult(ElectionResult result, LocalDateTime creation) {
    require("CSB".equals(result.authority().id()), "a 520 is made by the CSB");
    XmlOut x = new XmlOut();
    header(x, EmlKind.E520, result.authority(), creation);
    x.open("Result");
    x.open("Election");
    electionIdentifier(x, result.election());
    for (ContestResult contest : result.contests()) {
      x.open("Contest");
      contestIdentifier(x, contest.contestId(), contest.contestName());
      for (ResultEntry entry : contest.entries()) {
        x.open("Selection");
        if (entry instanceof ElectedList) {
          ElectedList l = (ElectedList) entry;
          affiliation(x, l.listNumber(), l.appellation());
          if (l.votes() != null) {
            x.number("Votes", l.votes());
          }
        } else {
          ElectedCandidate c = (ElectedCandidate) entry;
          x.open("Candidate");
          x.empty("CandidateIdentifier", "Id", Integer.toString(c.electionOrder()), "ShortCode", c.shortCode());
          personName(x, c.name());
          gender(x, c.gender());
          x.open("QualifyingAddress");
          if (c.countryCode() != null) {
            x.open("xal:Country");
            x.text("xal:CountryNameCode", c.countryCode());
          }
          x.open("xal:Locality");
          x.text("xal:LocalityName", c.locality() == null ? "" : c.locality());
          x.close();
          if (c.countryCode() != null) {
            x.close();
          }
          x.close();
          x.close();
          if (c.votes() != null) {
            x.number("Votes", c.votes());
          }
          if (c.ranking() != null) {
            x.number("Ranking", c.ranking());
          }
        }
        x.text("Elected", "yes");
        x.close();
      }
      x.close();
    }
    x.close();
    x.close();
    x.close();
    byte[] bytes = x.bytes();
    EmlReader.read(new ByteArrayInputStream(bytes), "520 export", ReadOptions.none(),
        java.util.Set.of(EmlKind.E520));
    return bytes;
  }

  /**
   * Writes an election definition as 110a (no managing authority, as the Kiesraad's own files): election with
   * nomination date, the contest, kr:NumberOfSeats, kr:PreferenceThreshold, the election tree and the registered
   * appellations.
   */
  public static byte[] writeDefinition(ElectionDefinition d, LocalDate issueDate, LocalDateTime creation) {
    require(d.election().nominationDate() != null, "a 110a needs the nomination date");
    require(!d.regions().isEmpty(), "a 110a needs at least one region in its election tree");
    XmlOut x = new XmlOut();
    x.open("EML", "xmlns", Ns.EML, "xmlns:ds", Ns.DS, "xmlns:kr", Ns.KR, "xmlns:xal", Ns.XAL, "xmlns:xnl", Ns.XNL,
        "Id", EmlKind.E110A.id(), "SchemaVersion", "5");
    x.text("TransactionId", "1");
    x.text("IssueDate", issueDate.toString());
    x.text("kr:CreationDateTime", CREATION.format(creation));
    x.open("ElectionEvent");
    x.empty("EventIdentifier");
    x.open("Election");
    electionIdentifier(x, d.election(), true);
    x.open("Contest");
    contestIdentifier(x, d.contestId(), null);
    x.text("VotingMethod", d.votingMethod());
    x.empty("MaxVotes");
    x.close();
    x.number("kr:NumberOfSeats", d.numberOfSeats());
    x.number("kr:PreferenceThreshold", d.preferenceThreshold());
    x.open("kr:ElectionTree");
    for (ElectionRegion r : d.regions()) {
      x.open("kr:Region", "RegionNumber", r.number() == null ? null : r.number().toString(), "RegionCategory",
          r.category(), "SuperiorRegionNumber", r.superiorNumber() == null ? null : r.superiorNumber().toString(),
          "SuperiorRegionCategory", r.superiorCategory());
      x.text("kr:RegionName", r.name());
      for (Committee c : r.committees()) {
        x.empty("kr:Committee", "CommitteeCategory", c.category(), "CommitteeName", c.name());
      }
      x.close();
    }
    x.close();
    x.open("kr:RegisteredParties");
    for (String party : d.registeredParties()) {
      x.open("kr:RegisteredParty");
      x.text("kr:RegisteredAppellation", party);
      x.close();
    }
    x.close();
    x.close();
    x.close();
    x.close();
    byte[] bytes = x.bytes();
    EmlReader.read(new ByteArrayInputStream(bytes), "110a export", ReadOptions.none(),
        java.util.Set.of(EmlKind.E110A));
    return bytes;
  }

  /**
   * Writes candidate lists as 230b, made by the given committee (the CSB, or the HSB for a kieskring): one contest
   * per kieskring, each list with its type and kr:ListData, each candidate with position, optional ShortCode, name,
   * gender and place of residence.
   */
  public static byte[] writeCandidateLists(CandidateLists lists, ManagingAuthority authority, LocalDateTime creation) {
    require(lists.issueDate() != null, "a 230b needs an issue date");
    require(lists.election().nominationDate() != null, "a 230b needs the nomination date");
    XmlOut x = new XmlOut();
    x.open("EML", "xmlns", Ns.EML, "xmlns:ds", Ns.DS, "xmlns:kr", Ns.KR, "xmlns:xal", Ns.XAL, "xmlns:xnl", Ns.XNL,
        "Id", EmlKind.E230B.id(), "SchemaVersion", "5");
    x.text("TransactionId", "1");
    x.open("ManagingAuthority");
    x.text("AuthorityIdentifier", authority.name(), "Id", authority.id());
    x.empty("AuthorityAddress");
    x.close();
    x.text("IssueDate", lists.issueDate().toString());
    x.text("kr:CreationDateTime", CREATION.format(creation));
    x.open("CandidateList");
    x.open("Election");
    electionIdentifier(x, lists.election(), true);
    for (ContestLists contest : lists.contests()) {
      x.open("Contest");
      contestIdentifier(x, contest.contestId(), contest.contestName());
      for (CandidateList l : contest.lists()) {
        x.open("Affiliation");
        affiliation(x, l.number(), l.appellation());
        x.text("Type", l.type());
        x.empty("kr:ListData", "BelongsToSet", l.belongsToSet() == null ? null : l.belongsToSet().toString(),
            "PublishGender", Boolean.toString(l.publishGender()));
        for (Candidate c : l.candidates()) {
          x.open("Candidate");
          x.empty("CandidateIdentifier", "Id", Integer.toString(c.position()), "ShortCode", c.shortCode());
          personName(x, c.name());
          gender(x, c.gender());
          if (c.locality() != null) {
            x.open("QualifyingAddress");
            if (c.countryCode() != null) {
              x.open("xal:Country");
              x.text("xal:CountryNameCode", c.countryCode());
            }
            x.open("xal:Locality");
            x.text("xal:LocalityName", c.locality());
            x.close();
            if (c.countryCode() != null) {
              x.close();
            }
            x.close();
          }
          x.close();
        }
        x.close();
      }
      x.close();
    }
    x.close();
    x.close();
    x.close();
    byte[] bytes = x.bytes();
    EmlReader.read(new ByteArrayInputStream(bytes), "230b export", ReadOptions.none(),
        java.util.Set.of(EmlKind.E230B));
    return bytes;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void header(XmlOut x, EmlKind kind, ManagingAuthority a, LocalDateTime creation) {
    x.open("EML", "xmlns", Ns.EML, "xmlns:ds", Ns.DS, "xmlns:kr", Ns.KR, "xmlns:xal", Ns.XAL, "xmlns:xnl", Ns.XNL,
        "Id", kind.id(), "SchemaVersion", "5");
    x.text("TransactionId", "1");
    x.open("ManagingAuthority");
    x.text("AuthorityIdentifier", a.name(), "Id", a.id());
    x.empty("AuthorityAddress");
    if (a.createdById() != null) {
      x.text("kr:CreatedByAuthority", a.createdByName(), "Id", a.createdById());
    }
    x.close();
    x.text("kr:CreationDateTime", CREATION.format(creation));
  }

  private static void electionIdentifier(XmlOut x, ElectionIdentifier e) {
    electionIdentifier(x, e, false);
  }

  private static void electionIdentifier(XmlOut x, ElectionIdentifier e, boolean nomination) {
    x.open("ElectionIdentifier", "Id", e.id());
    if (e.name() != null) {
      x.text("ElectionName", e.name());
    }
    x.text("ElectionCategory", e.category().name());
    if (e.subcategory() != null) {
      x.text("kr:ElectionSubcategory", e.subcategory());
    }
    if (e.domain() != null) {
      x.text("kr:ElectionDomain", e.domain().name(), "Id", e.domain().id());
    }
    x.text("kr:ElectionDate", e.electionDate().toString());
    if (nomination && e.nominationDate() != null) {
      x.text("kr:NominationDate", e.nominationDate().toString());
    }
    x.close();
  }

  private static void contestIdentifier(XmlOut x, String id, String name) {
    if (name == null) {
      x.empty("ContestIdentifier", "Id", id);
    } else {
      x.open("ContestIdentifier", "Id", id);
      x.text("ContestName", name);
      x.close();
    }
  }

  private static void affiliation(XmlOut x, int number, String appellation) {
    x.open("AffiliationIdentifier", "Id", Integer.toString(number));
    x.text("RegisteredName", appellation);
    x.close();
  }

  private static void voteGroup(XmlOut x, VoteCounts v) {
    for (ListVotes l : v.lists()) {
      x.open("Selection");
      affiliation(x, l.listNumber(), l.appellation());
      if (l.initialVotes() != null) {
        x.number("kr:InitialValidVotes", l.initialVotes());
      }
      x.number("ValidVotes", l.votes());
      x.close();
      for (CandidateVotes c : l.candidates()) {
        x.open("Selection");
        x.open("Candidate");
        x.empty("CandidateIdentifier", "Id", c.position() == null ? null : c.position().toString(),
            "ShortCode", c.shortCode());
        x.close();
        if (c.initialVotes() != null) {
          x.number("kr:InitialValidVotes", c.initialVotes());
        }
        x.number("ValidVotes", c.votes());
        x.close();
      }
    }
    if (v.initialEligibleVoters() != null) {
      x.number("kr:InitialCast", v.initialEligibleVoters());
    }
    x.number("Cast", v.eligibleVoters());
    if (v.initialTotalCounted() != null) {
      x.number("kr:InitialTotalCounted", v.initialTotalCounted());
    }
    x.number("TotalCounted", v.totalCounted());
    for (Map.Entry<RejectedReason, Long> e : v.initialRejected().entrySet()) {
      x.number("kr:InitialRejectedVotes", e.getValue(), "ReasonCode", e.getKey().code());
    }
    for (Map.Entry<RejectedReason, Long> e : v.rejected().entrySet()) {
      x.number("RejectedVotes", e.getValue(), "ReasonCode", e.getKey().code());
    }
    for (Map.Entry<UncountedReason, Long> e : v.initialUncounted().entrySet()) {
      x.number("kr:InitialUncountedVotes", e.getValue(), "ReasonCode", e.getKey().code());
    }
    for (Map.Entry<UncountedReason, Long> e : v.uncounted().entrySet()) {
      x.number("UncountedVotes", e.getValue(), "ReasonCode", e.getKey().code());
    }
  }

  private static void reportingUnit(XmlOut x, ReportingUnitCount unit) {
    x.open("ReportingUnitVotes");
    x.text("ReportingUnitIdentifier", unit.name(), "Id", unit.id());
    if (unit.type() != null) {
      x.text("kr:ReportingUnitType", unit.type());
    }
    if (unit.sharedLocation() != null) {
      x.text("kr:SharedLocation", unit.sharedLocation().toString());
    }
    voteGroup(x, unit.votes());
    if (!unit.investigations().isEmpty()) {
      x.open("kr:ReportingUnitInvestigations");
      for (Investigation i : unit.investigations()) {
        x.text("kr:Investigation", Boolean.toString(i.value()), "ReasonCode", i.reason().code());
      }
      x.close();
    }
    x.close();
  }

  private static void personName(XmlOut x, PersonName n) {
    x.open("CandidateFullName");
    x.open("xnl:PersonName");
    if (n.initials() != null) {
      x.text("xnl:NameLine", n.initials(), "NameType", "Initials");
    }
    if (n.firstName() != null) {
      x.text("xnl:FirstName", n.firstName());
    }
    if (n.prefix() != null) {
      x.text("xnl:NamePrefix", n.prefix());
    }
    x.text("xnl:LastName", n.lastName());
    x.close();
    x.close();
  }

  private static void gender(XmlOut x, Gender g) {
    if (g == null) {
      return;
    }
    if (g == Gender.OTHER) {
      x.text("kr:GenderAnnex", g.code());
    } else {
      x.text("Gender", g.code());
    }
  }
}
