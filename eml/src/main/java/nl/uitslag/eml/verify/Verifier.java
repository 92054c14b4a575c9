package nl.uitslag.eml.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder;
import nl.uitslag.domain.apportionment.ApportionmentInputException;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.apportionment.Lot;
import nl.uitslag.domain.apportionment.Step;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlRule;
import nl.uitslag.eml.ReadOptions;

/**
 * The independent verifier: recomputes a published election result from the published EML_NL files alone (110a,
 * 230b, 510b/c/d, 520) and reports, check by check, whether every level adds up to the next and whether the seats
 * and elected candidates of the 520 follow from the counts under the Kieswet.
 */
public final class Verifier {
  private static final Pattern EML_ID = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?EML\\b[^>]*?\\sId=\"([^\"]*)\"");

  /**
   * Rules of the strict reader that are differences in the published figures rather than unreadable files: the
   * arithmetic of a count (EML-030/031/032), and counts that do not match their reporting units or candidate lists.
   */
  private static final Set<EmlRule> DIFFERENCE_RULES = EnumSet.of(EmlRule.LIST_TOTAL_MISMATCH,
      EmlRule.TOTAL_COUNTED_MISMATCH, EmlRule.UNIT_SUM_MISMATCH, EmlRule.MISSING_SELECTION,
      EmlRule.EXTRA_SELECTION, EmlRule.CANDIDATE_NOT_ON_LIST, EmlRule.LIST_NOT_NOMINATED, EmlRule.CONTEST_MISMATCH);

  private static final Set<EmlRule> ARITHMETIC = EnumSet.of(EmlRule.LIST_TOTAL_MISMATCH,
      EmlRule.TOTAL_COUNTED_MISMATCH, EmlRule.UNIT_SUM_MISMATCH);

  private final List<String> files = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String electionId;
  private String electionName;
  private String electionFile;
  private ElectionDefinition definition;
  private CandidateLists candidateLists;
  private final List<ReadCount> counts = new ArrayList<>();
  private final List<NamedResult> results = new ArrayList<>();
  private ApportionmentResult lastResult;
  private ApportionmentInput lastInput;

  private Verifier() {}

  /** A count file as read: the count (510b without its polling stations) and, for 510c/d, its reporting units. */
  private record ReadCount(String file, EmlKind kind, Count count, Map<String, List<ReportingUnitCount>> units,
      long unitCount) {}

  private record NamedResult(String file, ElectionResult result) {}

  /**
   * Verifies every EML file ({@code *.xml}) directly in the directory.
   *
   * @throws VerificationException when there is nothing to verify, a file cannot be read, or the files belong to
   *     more than one election
   */
  public static VerificationReport verify(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new VerificationException(dir + " is not a directory");
    }
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths = s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new VerificationException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (paths.isEmpty()) {
      throw new VerificationException("no EML files (*.xml) in " + dir);
    }
    Verifier v = new Verifier();
    v.run(paths);
    return new VerificationReport(v.electionId, v.electionName, v.files, v.checks, v.notes, v.recomputation());
  }

  private Recomputation recomputation() {
    List<Recomputation.LevelTotal> totals = new ArrayList<>();
    for (EmlKind k : List.of(EmlKind.E510A, EmlKind.E510B, EmlKind.E510C, EmlKind.E510D)) {
      for (ReadCount rc : ofKind(k)) {
        for (ContestCount c : rc.count().contests()) {
          VoteCounts v = c.total() != null ? c.total() : c.units().get(0).votes();
          totals.add(new Recomputation.LevelTotal(k.id(), rc.file(), c.contestId(), rc.unitCount(),
              v.eligibleVoters(), v.totalCounted(), v.blank(), v.invalid()));
        }
      }
    }
    List<Recomputation.ListSeats> seats = new ArrayList<>();
    List<Recomputation.StepRow> steps = new ArrayList<>();
    String quota = null;
    if (lastResult != null) {
      for (ApportionmentInput.CandidateList l : lastInput.lists()) {
        long votes = 0;
        for (ApportionmentInput.SubList sl : l.sublists()) {
          for (nl.uitslag.domain.apportionment.VoteCounts vc : sl.votes().values()) {
            for (long x : vc.toArray()) {
              votes += x;
            }
          }
        }
        seats.add(new Recomputation.ListSeats(l.number(), l.name(), votes, lastResult.seatsOf(l.number())));
      }
      for (Step s : lastResult.steps()) {
        steps.add(new Recomputation.StepRow(s.number(), s.kind().name(), s.article(), s.list(), s.fromList(),
            s.value() == null ? "" : s.value().toString(), String.join(", ", s.tied())));
      }
      quota = lastResult.quota().toString();
    }
    return new Recomputation(totals, seats, steps, quota);
  }

  private void run(List<Path> paths) {
    Map<Path, EmlKind> kinds = new LinkedHashMap<>();
    for (Path p : paths) {
      kinds.put(p, sniff(p));
    }
    // Definition and candidate lists first: the counts are read against them.
    for (Map.Entry<Path, EmlKind> e : kinds.entrySet()) {
      if (e.getValue() == EmlKind.E110A || e.getValue() == EmlKind.E230B || e.getValue() == EmlKind.E520) {
        readSmall(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<Path, EmlKind> e : kinds.entrySet()) {
      EmlKind k = e.getValue();
      if (k == EmlKind.E510A || k == EmlKind.E510B || k == EmlKind.E510C || k == EmlKind.E510D) {
        readCount(e.getKey(), k);
      } else if (k == EmlKind.E110B) {
        files.add(name(e.getKey()) + " (110b, not used)");
      }
    }
    crossLevels();
    seats();
  }

  // ---- reading --------------------------------------------------------------------------------------------

  private static EmlKind sniff(Path p) {
    byte[] head = new byte[8192];
    int n;
    try (InputStream in = Files.newInputStream(p)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new VerificationException(name(p) + ": cannot be read: " + e.getMessage(), e);
    }
    Matcher m = EML_ID.matcher(new String(head, 0, n, StandardCharsets.UTF_8));
    EmlKind kind = m.find() ? EmlKind.fromId(m.group(1)) : null;
    if (kind == null) {
      throw new VerificationException(name(p) + ": not an EML_NL file of a supported kind (110a, 110b, 230b, "
          + "510a-d, 520)");
    }
    return kind;
  }

  private void readSmall(Path p, EmlKind kind) {
    EmlDocument doc;
    try {
      doc = EmlReader.read(p, ReadOptions.none());
    } catch (EmlException e) {
      throw new VerificationException(e.getMessage(), e);
    }
    sameElection(p, doc.election().id(), doc.election().name());
    files.add(name(p) + " (" + kind.id() + ")");
    if (doc instanceof EmlDocument.Definition) {
      definition = ((EmlDocument.Definition) doc).definition();
    } else if (doc instanceof EmlDocument.Lists) {
      candidateLists = merge(p, candidateLists, ((EmlDocument.Lists) doc).lists());
    } else if (doc instanceof EmlDocument.Result) {
      results.add(new NamedResult(name(p), ((EmlDocument.Result) doc).result()));
    }
  }

  /**
   * The candidate lists of all 230b files together: the Kiesraad publishes one per kieskring (TK, PS2), each with
   * the contest of that kieskring.
   */
  private static CandidateLists merge(Path p, CandidateLists so, CandidateLists more) {
    if (so == null) {
      return more;
    }
    List<ContestLists> contests = new ArrayList<>(so.contests());
    for (ContestLists c : more.contests()) {
      if (so.contest(c.contestId()) != null) {
        throw new VerificationException(name(p) + ": the candidate lists of contest " + c.contestId() + " appear in "
            + "a second 230b; give one candidate-list file per kieskring");
      }
      contests.add(c);
    }
    return new CandidateLists(so.election(), so.issueDate(), contests);
  }

  private void readCount(Path p, EmlKind kind) {
    boolean keepUnits = kind == EmlKind.E510C || kind == EmlKind.E510D;
    List<ReportingUnitCount> kept = new ArrayList<>();
    long[] unitCount = new long[1];
    ReadOptions options = ReadOptions.none().withUnitSink(u -> {
      unitCount[0]++;
      if (keepUnits) {
        // A 510c/510d unit is a municipality or district: few, and needed for the check across levels.
        kept.add(u);
      }
    });
    // A 510d of several kieskringen has contest "alle" and candidates whose positions differ per kieskring: it is
    // checked against the 230b through the 510c below it, not directly.
    if (candidateLists != null && !(kind == EmlKind.E510D && candidateLists.contests().size() > 1)) {
      options = options.withCandidateLists(candidateLists);
    }
    EmlDocument.Counts doc;
    try {
      doc = EmlReader.readCount(Files.newInputStream(p), name(p), options);
    } catch (EmlException e) {
      if (DIFFERENCE_RULES.contains(e.rule())) {
        files.add(name(p) + " (" + kind.id() + ")");
        List<Check> all = ARITHMETIC.contains(e.rule()) ? CountArithmetic.scan(p, name(p)) : null;
        if (all != null && !all.isEmpty()) {
          checks.addAll(all);
          notes.add(name(p) + ": rejected by the strict reader at " + e.path() + " (" + e.rule().code()
              + "); every arithmetic difference in the file was then collected by a second pass. This count is not"
              + " used further.");
        } else {
          String unit = unitAt(p, e.path());
          checks.add(new Check(CheckStatus.DIFFERENT, "unit-sum", name(p) + (unit == null ? "" : ", reporting unit "
              + unit) + " (" + e.path() + ")", null, null, e.rule().code() + " " + e.englishMessage()));
          notes.add(name(p) + ": the reader stops at the first difference of this kind in a file; there may be "
              + "more. This count is not used further.");
        }
        return;
      }
      throw new VerificationException(e.getMessage(), e);
    } catch (IOException e) {
      throw new VerificationException(name(p) + ": cannot be read: " + e.getMessage(), e);
    }
    Count count = doc.count();
    sameElection(p, count.election().id(), count.election().name());
    files.add(name(p) + " (" + kind.id() + ", " + unitCount[0] + " reporting units)");
    Map<String, List<ReportingUnitCount>> units = new LinkedHashMap<>();
    // The sink sees units in document order, contest after contest; a contest with a total keeps none itself.
    int next = 0;
    for (ContestCount c : count.contests()) {
      List<ReportingUnitCount> list = new ArrayList<>(c.units());
      if (c.total() != null && keepUnits && count.contests().size() == 1) {
        list.addAll(kept.subList(next, kept.size()));
        next = kept.size();
      }
      units.put(c.contestId(), list);
      if (c.total() != null) {
        checks.add(Check.ok("unit-sum", name(p) + ", contest " + c.contestId(), "the reporting units add up to "
            + "the total for every list, candidate, valid, blank and invalid vote and every UncountedVotes reason"
            + " (EML-030, EML-031, EML-032)"));
      }
    }
    if (keepUnits && count.contests().size() > 1) {
      notes.add(name(p) + ": " + count.contests().size() + " contests; its reporting units are not compared with "
          + "the level below in this version");
    }
    counts.add(new ReadCount(name(p), kind, count, units, unitCount[0]));
  }

  private static final Pattern UNIT_PATH = Pattern.compile("/Contest\\[(\\d+)]/ReportingUnitVotes\\[(\\d+)]");

  /**
   * The id of the reporting unit an error path points into ({@code .../Contest[j]/ReportingUnitVotes[k]/...}), found
   * by a second streaming pass; the reader's paths carry element indexes only, and people need the id.
   */
  static String unitAt(Path p, String path) {
    Matcher m = UNIT_PATH.matcher(path == null ? "" : path);
    if (!m.find()) {
      return null;
    }
    int contest = Integer.parseInt(m.group(1));
    int unit = Integer.parseInt(m.group(2));
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(p)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      int contests = 0;
      int units = 0;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        if (local.equals("Contest")) {
          contests++;
          units = 0;
        } else if (local.equals("ReportingUnitVotes") && contests == contest) {
          units++;
        } else if (local.equals("ReportingUnitIdentifier") && contests == contest && units == unit) {
          return r.getAttributeValue(null, "Id");
        }
      }
    } catch (IOException | XMLStreamException e) {
      return null;
    }
    return null;
  }

  private void sameElection(Path p, String id, String name) {
    if (electionId == null) {
      electionId = id;
      electionName = name;
      electionFile = name(p);
    } else if (!electionId.equals(id)) {
      throw new VerificationException("the files belong to more than one election: " + electionFile + " is "
          + electionId + ", " + name(p) + " is " + id + "; give the files of one election per directory");
    }
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  // ---- 510b -> 510c -> 510d --------------------------------------------------------------------------------

  private void crossLevels() {
    compareLevels(EmlKind.E510B, EmlKind.E510C);
    compareLevels(EmlKind.E510C, EmlKind.E510D);
  }

  private void compareLevels(EmlKind lowerKind, EmlKind upperKind) {
    List<ReadCount> lower = ofKind(lowerKind);
    List<ReadCount> upper = ofKind(upperKind);
    if (lower.isEmpty() || upper.isEmpty()) {
      return;
    }
    for (ReadCount low : lower) {
      String authority = low.count().authority().id();
      for (ContestCount c : low.count().contests()) {
        if (c.total() == null) {
          continue;
        }
        UnitMatch match = findUnit(upper, authority, c.contestId());
        String where = low.file() + " total (" + authority + ") vs ";
        if (match == null) {
          checks.add(new Check(CheckStatus.DIFFERENT, "level-sum", low.file() + ", contest " + c.contestId(),
              null, null, "no reporting unit for " + authority + " in any " + upperKind.id()));
          continue;
        }
        compareVotes("level-sum", where + match.file() + " unit " + match.unit().id(), match.unit().votes(),
            c.total(), c.contestId());
      }
    }
  }

  private record UnitMatch(String file, ReportingUnitCount unit) {}

  private static UnitMatch findUnit(List<ReadCount> upper, String authority, String contestId) {
    for (ReadCount up : upper) {
      for (Map.Entry<String, List<ReportingUnitCount>> e : up.units().entrySet()) {
        for (ReportingUnitCount u : e.getValue()) {
          String id = u.id();
          String tail = id.contains("::") ? id.substring(id.lastIndexOf("::") + 2) : id;
          if (tail.equals(authority) || id.equals(authority)) {
            return new UnitMatch(up.file(), u);
          }
        }
      }
    }
    return null;
  }

  /** Compares every figure a higher level publishes for a unit with the total the lower level published. */
  private void compareVotes(String kind, String where, VoteCounts published, VoteCounts recomputed,
      String contestId) {
    ContestLists nominated = nominated(contestId);
    checks.add(Check.compare(kind, where, "eligible voters (Cast)", published.eligibleVoters(),
        recomputed.eligibleVoters()));
    checks.add(Check.compare(kind, where, "valid votes (TotalCounted)", published.totalCounted(),
        recomputed.totalCounted()));
    checks.add(Check.compare(kind, where, "blank", published.blank(), recomputed.blank()));
    checks.add(Check.compare(kind, where, "invalid", published.invalid(), recomputed.invalid()));
    for (UncountedReason r : UncountedReason.values()) {
      Long a = published.uncounted().get(r);
      Long b = recomputed.uncounted().get(r);
      if (a != null || b != null) {
        checks.add(Check.compare(kind, where, "UncountedVotes " + r.code(), a == null ? 0 : a, b == null ? 0 : b));
      }
    }
    Map<Integer, ListVotes> pl = byNumber(published);
    Map<Integer, ListVotes> rl = byNumber(recomputed);
    Set<Integer> numbers = new TreeSet<>(pl.keySet());
    numbers.addAll(rl.keySet());
    for (int n : numbers) {
      ListVotes a = pl.get(n);
      ListVotes b = rl.get(n);
      checks.add(Check.compare(kind, where + ", list " + n, "list votes", a == null ? 0 : a.votes(),
          b == null ? 0 : b.votes()));
      Map<String, Long> ac = candidateVotes(nominated, n, a);
      Map<String, Long> bc = candidateVotes(nominated, n, b);
      Set<String> keys = new LinkedHashSet<>(bc.keySet());
      keys.addAll(ac.keySet());
      for (String k : keys) {
        checks.add(Check.compare(kind, where + ", list " + n + " candidate " + k, "candidate votes",
            ac.getOrDefault(k, 0L), bc.getOrDefault(k, 0L)));
      }
    }
  }

  private static Map<Integer, ListVotes> byNumber(VoteCounts v) {
    Map<Integer, ListVotes> m = new TreeMap<>();
    for (ListVotes l : v.lists()) {
      m.put(l.listNumber(), l);
    }
    return m;
  }

  /** The candidate lists of a contest (a kieskring), or the only contest's when there is one; null without 230b. */
  private ContestLists nominated(String contestId) {
    if (candidateLists == null) {
      return null;
    }
    ContestLists c = contestId == null ? null : candidateLists.contest(contestId);
    if (c == null && candidateLists.contests().size() == 1) {
      c = candidateLists.contests().get(0);
    }
    return c;
  }

  private static Map<String, Long> candidateVotes(ContestLists nominated, int list, ListVotes l) {
    return ApportionmentInputBuilder.candidateVotes(nominated, list, l);
  }

  private List<ReadCount> ofKind(EmlKind kind) {
    return counts.stream().filter(c -> c.kind() == kind).collect(Collectors.toList());
  }

  // ---- seats and elected candidates ------------------------------------------------------------------------

  /** The votes of one kieskring (EK: one voting body), the contest whose candidate lists apply, and the source. */
  private record DistrictVotes(int number, String contestId, VoteCounts votes) {}

  private static final Pattern HSB_UNIT = Pattern.compile("HSB([1-9]\\d*)");
  private static final Pattern NUMBER = Pattern.compile("[1-9]\\d*");

  private void seats() {
    List<ReadCount> top = List.of();
    EmlKind level = null;
    for (EmlKind k : List.of(EmlKind.E510D, EmlKind.E510C, EmlKind.E510B)) {
      top = ofKind(k);
      if (!top.isEmpty()) {
        level = k;
        break;
      }
    }
    if (top.isEmpty()) {
      if (!results.isEmpty()) {
        checks.add(Check.cannotVerify("seats", results.get(0).file(), "no usable count file: the seats of the 520 "
            + "cannot be recomputed"));
      }
      return;
    }
    String basisFile = top.get(0).file();
    List<DistrictVotes> districts = new ArrayList<>();
    String problem = districts(top, level, districts);
    if (problem != null) {
      checks.add(Check.cannotVerify("seats", basisFile, problem));
      return;
    }
    String basisContest = top.size() == 1 && top.get(0).count().contests().size() == 1
        ? top.get(0).count().contests().get(0).contestId() : "alle";
    notes.add("seats recomputed from " + (top.size() == 1 ? basisFile : top.size() + " " + level.id() + " files")
        + " (" + level.id() + ", the highest level present)" + (districts.size() > 1 ? " over " + districts.size()
        + " kieskringen" : ""));

    String subcategory = definition != null ? definition.election().subcategory()
        : top.get(0).count().election().subcategory();
    if (subcategory == null && !results.isEmpty()) {
      subcategory = results.get(0).result().election().subcategory();
    }
    ElectionType type;
    try {
      type = ElectionType.fromSubcategory(subcategory);
    } catch (ApportionmentInputException e) {
      checks.add(Check.cannotVerify("seats", basisFile, "election subcategory unknown (" + subcategory
          + "): the apportionment rules cannot be chosen"));
      return;
    }
    if (type == ElectionType.EK) {
      notes.add("Eerste Kamer: the counts are taken as stemcijfers, every ballot already multiplied by the "
          + "stemwaarde of its voting body (Kieswet U 3, U 6), so every voting body has weight 1 here; a file that "
          + "gives the stemwaarde as Selection@Value is refused by the reader (docs/EML.md §3)");
    }
    NamedResult published = results.isEmpty() ? null : results.get(0);
    if (results.size() > 1) {
      notes.add("more than one 520; compared with " + published.file() + " only");
    }
    ContestResult publishedContest = published == null ? null : resultContest(published.result(), basisContest);
    PublishedSeats ps = publishedContest == null ? null : PublishedSeats.of(publishedContest);
    int seats;
    if (definition != null) {
      seats = definition.numberOfSeats();
      notes.add("number of seats " + seats + " from the 110a");
    } else if (ps != null) {
      seats = ps.total();
      notes.add("number of seats " + seats + " from the 520 (no 110a present): the 520 is then trusted for the "
          + "size of the council, and a seat left out of it entirely is not detected");
    } else {
      checks.add(Check.cannotVerify("seats", basisFile, "neither a 110a nor a 520: the number of seats is "
          + "unknown"));
      return;
    }
    OptionalInt preference = definition != null && definition.preferenceThreshold() > 0
        ? OptionalInt.of(definition.preferenceThreshold()) : OptionalInt.empty();
    Map<String, Candidate> people = new LinkedHashMap<>();
    ApportionmentInput input = input(type, seats, preference, districts, people);
    ApportionmentOutcome outcome;
    try {
      outcome = Apportionment.apportion(input);
    } catch (ApportionmentInputException e) {
      checks.add(Check.cannotVerify("seats", basisFile, "the counts cannot be apportioned: " + e.getMessage()));
      return;
    }
    if (outcome instanceof ApportionmentOutcome.LotRequired) {
      Lot lot = ((ApportionmentOutcome.LotRequired) outcome).lot();
      checks.add(Check.cannotVerify("seats", basisFile, "cannot verify without the recorded lots: a lot "
          + "decides " + lot.kind() + " (Kieswet " + lot.article() + ") between " + String.join(", ", lot.options())
          + "; the published files do not record its outcome"));
      return;
    }
    ApportionmentResult r = ((ApportionmentOutcome.Completed) outcome).result();
    lastResult = r;
    lastInput = input;
    if (ps == null) {
      notes.add("no 520 present: recomputed seats " + r.seats() + " are not compared");
      return;
    }
    Map<Integer, Long> listVotes = new TreeMap<>();
    for (DistrictVotes d : districts) {
      for (ListVotes l : d.votes().lists()) {
        listVotes.merge(l.listNumber(), l.votes(), Long::sum);
      }
    }
    compareResult(published.file(), ps, r, listVotes, people);
  }

  /**
   * The votes per kieskring from the highest level present: the 510d's reporting units (HSBn) or its contests, one
   * 510c per kieskring, or the 510b totals added up per contest. Returns why not, or null.
   */
  private String districts(List<ReadCount> top, EmlKind level, List<DistrictVotes> out) {
    if (level == EmlKind.E510D && top.size() > 1) {
      return top.size() + " count files at the highest level (510d); give one 510d per election";
    }
    Map<Integer, DistrictVotes> byNumber = new TreeMap<>();
    Map<String, List<VoteCounts>> byContest = new LinkedHashMap<>();
    for (ReadCount rc : top) {
      List<ContestCount> contests = rc.count().contests();
      if (level == EmlKind.E510D && contests.size() == 1) {
        ContestCount c = contests.get(0);
        List<ReportingUnitCount> units = rc.units().getOrDefault(c.contestId(), List.of());
        boolean perDistrict = !units.isEmpty() && units.stream().allMatch(u -> HSB_UNIT.matcher(u.id()).matches());
        if (perDistrict && c.total() != null) {
          for (ReportingUnitCount u : units) {
            Matcher m = HSB_UNIT.matcher(u.id());
            m.matches();
            int n = Integer.parseInt(m.group(1));
            byNumber.put(n, new DistrictVotes(n, String.valueOf(n), u.votes()));
          }
          continue;
        }
      }
      if (level == EmlKind.E510C && contests.size() != 1) {
        return rc.file() + " has " + contests.size() + " contests; a 510c holds the count of one kieskring";
      }
      for (ContestCount c : contests) {
        VoteCounts v = c.total() != null ? c.total() : c.units().get(0).votes();
        if (level == EmlKind.E510C) {
          Integer n = NUMBER.matcher(c.contestId()).matches() ? Integer.valueOf(c.contestId()) : null;
          Matcher m = HSB_UNIT.matcher(rc.count().authority().id());
          if (n == null && m.matches()) {
            n = Integer.valueOf(m.group(1));
          }
          if (n == null) {
            return rc.file() + ": the kieskring of this 510c is unknown (contest " + c.contestId() + ", authority "
                + rc.count().authority().id() + ")";
          }
          if (byNumber.containsKey(n)) {
            return "two 510c files for kieskring " + n;
          }
          byNumber.put(n, new DistrictVotes(n, c.contestId(), v));
        } else {
          byContest.computeIfAbsent(c.contestId(), k -> new ArrayList<>()).add(v);
        }
      }
    }
    if (!byContest.isEmpty()) {
      if (byContest.size() == 1) {
        Map.Entry<String, List<VoteCounts>> e = byContest.entrySet().iterator().next();
        out.add(new DistrictVotes(1, e.getKey(), sum(e.getValue())));
        if (e.getValue().size() > 1) {
          notes.add("the count of contest " + e.getKey() + " is the sum of " + e.getValue().size() + " "
              + level.id() + " totals (no higher level present)");
        }
        return null;
      }
      for (Map.Entry<String, List<VoteCounts>> e : byContest.entrySet()) {
        if (!NUMBER.matcher(e.getKey()).matches()) {
          return "contests " + byContest.keySet() + " in the " + level.id() + " files: the kieskringen cannot be told"
              + " apart";
        }
        int n = Integer.parseInt(e.getKey());
        byNumber.put(n, new DistrictVotes(n, e.getKey(), sum(e.getValue())));
      }
      notes.add("no 510c or 510d present: each kieskring's count is the sum of its " + level.id() + " totals");
    }
    out.addAll(byNumber.values());
    return out.isEmpty() ? "no count to recompute the seats from" : null;
  }

  /** The sum of several counts of one contest: lists by number, candidates by position or ShortCode. */
  private static VoteCounts sum(List<VoteCounts> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Map<Integer, String> names = new TreeMap<>();
    Map<Integer, Map<String, long[]>> cands = new TreeMap<>();
    Map<Integer, Long> lists = new TreeMap<>();
    long eligible = 0;
    long counted = 0;
    Map<RejectedReason, Long> rejected = new java.util.EnumMap<>(RejectedReason.class);
    for (VoteCounts v : parts) {
      eligible += v.eligibleVoters();
      counted += v.totalCounted();
      v.rejected().forEach((k, n) -> rejected.merge(k, n, Long::sum));
      for (ListVotes l : v.lists()) {
        names.putIfAbsent(l.listNumber(), l.appellation());
        lists.merge(l.listNumber(), l.votes(), Long::sum);
        Map<String, long[]> m = cands.computeIfAbsent(l.listNumber(), k -> new LinkedHashMap<>());
        for (CandidateVotes cv : l.candidates()) {
          String key = cv.position() != null ? "#" + cv.position() : cv.shortCode();
          m.computeIfAbsent(key, k -> new long[1])[0] += cv.votes();
        }
      }
    }
    List<ListVotes> out = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : lists.entrySet()) {
      List<CandidateVotes> cv = new ArrayList<>();
      cands.get(e.getKey()).forEach((k, n) -> cv.add(k.startsWith("#")
          ? new CandidateVotes(Integer.valueOf(k.substring(1)), null, n[0], null)
          : new CandidateVotes(null, k, n[0], null)));
      out.add(new ListVotes(e.getKey(), names.get(e.getKey()), e.getValue(), null, cv));
    }
    return new VoteCounts(out, eligible, null, counted, null, rejected, Map.of(), Map.of(), Map.of());
  }

  private static ContestResult resultContest(ElectionResult result, String contestId) {
    for (ContestResult c : result.contests()) {
      if (c.contestId().equals(contestId)) {
        return c;
      }
    }
    return result.contests().size() == 1 ? result.contests().get(0) : null;
  }

  /**
   * The apportionment input, built by the builder the CSB uses too: every list with, per kieskring, its candidates
   * in list order from the 230b (every candidate takes part, P 16) or else from the count, and their votes there.
   */
  private ApportionmentInput input(ElectionType type, int seats, OptionalInt preference,
      List<DistrictVotes> districts, Map<String, Candidate> people) {
    List<ApportionmentInputBuilder.DistrictCount> counts = new ArrayList<>();
    for (DistrictVotes d : districts) {
      counts.add(new ApportionmentInputBuilder.DistrictCount(d.number(), 1, nominated(d.contestId()), d.votes()));
    }
    ApportionmentInputBuilder.Built built = ApportionmentInputBuilder.build(type, seats, preference, counts);
    people.putAll(built.people());
    for (int n : built.groups()) {
      long parts = built.input().lists().stream().filter(l -> l.number() == n).findFirst()
          .map(l -> l.sublists().size()).orElse(0);
      notes.add("list " + n + " has different candidates in different kieskringen: recomputed as a lijstengroep "
          + "of " + parts + " lists (Kieswet P 12); its elected candidates are compared without their "
          + "order of election");
    }
    return built.input();
  }

  /** The seats and elected candidates of a 520 contest: a list entry, followed by its elected candidates. */
  private record PublishedSeats(Map<Integer, ElectedList> lists, Map<Integer, List<ElectedCandidate>> elected) {
    static PublishedSeats of(ContestResult c) {
      Map<Integer, ElectedList> lists = new TreeMap<>();
      Map<Integer, List<ElectedCandidate>> elected = new TreeMap<>();
      Integer current = null;
      for (ResultEntry e : c.entries()) {
        if (e instanceof ElectedList) {
          ElectedList l = (ElectedList) e;
          current = l.listNumber();
          lists.put(current, l);
          elected.computeIfAbsent(current, k -> new ArrayList<>());
        } else if (current != null) {
          elected.get(current).add((ElectedCandidate) e);
        }
      }
      elected.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.electionOrder(), b.electionOrder())));
      return new PublishedSeats(lists, elected);
    }

    int total() {
      return elected.values().stream().mapToInt(List::size).sum();
    }

    int seats(int list) {
      List<ElectedCandidate> l = elected.get(list);
      return l == null ? 0 : l.size();
    }
  }

  /** The results of list n: one, or one per list of its lijstengroep ("n.1", "n.2"). */
  private static List<ListResult> parts(ApportionmentResult r, int n) {
    List<ListResult> parts = new ArrayList<>();
    r.lists().forEach((k, v) -> {
      if (k.equals(String.valueOf(n)) || k.startsWith(n + ".")) {
        parts.add(v);
      }
    });
    return parts;
  }

  private void compareResult(String file, PublishedSeats ps, ApportionmentResult r, Map<Integer, Long> counted,
      Map<String, Candidate> people) {
    checks.add(Check.compare("seats", file, "seats in total", ps.total(),
        r.seats().values().stream().mapToInt(Integer::intValue).sum()));
    Set<Integer> numbers = new TreeSet<>(r.seats().keySet());
    numbers.addAll(ps.lists().keySet());
    boolean names = candidateLists != null;
    if (!names) {
      notes.add("no 230b present: elected candidates are compared by number per list and by how they were "
          + "elected (preference votes or list order), not by name");
    }
    for (int n : numbers) {
      String where = file + ", list " + n;
      int recomputedSeats = r.seatsOf(n);
      checks.add(Check.compare("seats", where, "seats", ps.seats(n), recomputedSeats));
      ElectedList el = ps.lists().get(n);
      if (el != null && el.votes() != null) {
        checks.add(Check.compare("list-votes", where, "votes of the list", el.votes(), counted.getOrDefault(n, 0L)));
      }
      List<ListResult> parts = parts(r, n);
      List<String> elected = new ArrayList<>();
      Set<String> preferenceElected = new java.util.HashSet<>();
      for (ListResult lr : parts) {
        elected.addAll(lr.elected());
        preferenceElected.addAll(lr.preferenceElected());
      }
      List<ElectedCandidate> pub = ps.elected().getOrDefault(n, List.of());
      boolean rankings = !pub.isEmpty() && pub.stream().allMatch(c -> c.ranking() != null);
      if (names) {
        boolean codes = !pub.isEmpty() && pub.stream().allMatch(c -> c.shortCode() != null
            && !c.shortCode().isEmpty());
        List<String> recomputed = new ArrayList<>();
        for (String id : elected) {
          Candidate c = people.get(id);
          String mark = rankings && preferenceElected.contains(id) ? " (P 15)" : "";
          recomputed.add((c == null ? id : nameKey(codes ? c.shortCode() : null, c.name())) + mark);
        }
        List<String> published = new ArrayList<>();
        for (ElectedCandidate c : pub) {
          published.add(nameKey(codes ? c.shortCode() : null, c.name()) + (rankings && c.ranking() == 1 ? " (P 15)" : ""));
        }
        String what = "elected candidates in order of election";
        if (parts.size() > 1) {
          // A lijstengroep's 520 entry lists the elected of all its lists; their order across lists is not defined.
          java.util.Collections.sort(recomputed);
          java.util.Collections.sort(published);
          what = "elected candidates of the lijstengroep (in alphabetical order)";
        }
        checks.add(Check.compare("elected", where, what, String.join("; ", published), String.join("; ", recomputed)));
      } else if (rankings) {
        long pref = pub.stream().filter(c -> c.ranking() == 1).count();
        checks.add(Check.compare("elected", where, "candidates elected on preference votes (P 15)", pref,
            preferenceElected.size()));
      }
    }
  }

  /** How a candidate is matched between the 230b and the 520: the ShortCode when the 520 gives them, else the name. */
  static String nameKey(String shortCode, PersonName name) {
    if (shortCode != null && !shortCode.isEmpty()) {
      return shortCode;
    }
    return name.listName();
  }
}
