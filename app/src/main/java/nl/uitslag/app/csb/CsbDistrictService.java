package nl.uitslag.app.csb;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.csb.CsbDistrictRepository.District;
import nl.uitslag.app.csb.CsbDistrictRepository.ListsFile;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.domain.apportionment.Stemwaarde;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kieskringen of a centraal stembureau for an election with several of them (TK, EP, PS2) or with voting bodies
 * (EK): the candidate lists (230b) received per kieskring, each confirmed against the fingerprint on paper like
 * every file (product.md §4), and for the EK the stemwaarde of every province and kiescollege, entered by the
 * coordinator from the Staatscourant (Kieswet U 2 lid 5). Every change is audited in its transaction.
 */
@Service
public class CsbDistrictService {
  /** A 230b of the largest kieskring is about 0.5 MB. */
  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

  /** The contest id of candidate lists that apply in every kieskring (EK; EP). */
  public static final String ALL = "alle";

  private static final Set<String> MULTI = Set.of("TK", "EP", "PS2", "EK");

  private final CsbDistrictRepository repo;
  private final CsbRepository csbRepo;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, ContestLists> parsed = new ConcurrentHashMap<>();

  public CsbDistrictService(CsbDistrictRepository repo, CsbRepository csbRepo, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.csbRepo = csbRepo;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the CSB's result is computed over kieskringen: TK, EP, PS with several kieskringen, EK. */
  public static boolean multiDistrict(Csb c) {
    return MULTI.contains(c.election().subcategory());
  }

  /** Whether votes are weighted by a stemwaarde per voting body: the Eerste Kamer only (Kieswet U 3). */
  public static boolean weighted(Csb c) {
    return "EK".equals(c.election().subcategory());
  }

  /**
   * A kieskring as the screens show it: its stemwaarde (EK), the 230b that applies there, if any, and the basis of
   * the stemwaarde's U 2 check when the coordinator entered it (null otherwise).
   */
  public record DistrictInfo(int number, String name, Long voteWeight, Optional<String> listsFileName,
      Optional<String> listsFingerprint, WeightBasis weightBasis) {
    /** The U 2 check of the entered stemwaarde, or null without a basis. */
    public Stemwaarde.Check weightCheck() {
      return weightBasis == null || voteWeight == null ? null : weightBasis.check(voteWeight);
    }
  }

  /**
   * What the U 2 lid 1 check of an EK stemwaarde needs: the kind of voting body, its inhabitants (for the
   * kiescollege niet-ingezetenen: its registered voters) and its number of members.
   */
  public record WeightBasis(Stemwaarde.BodyKind kind, long inhabitants, int members) {
    public WeightBasis {
      java.util.Objects.requireNonNull(kind, "kind");
      Stemwaarde.compute(inhabitants, members); // refuses impossible figures with a clear message
    }

    /** The outcome of checking a published stemwaarde against this basis. */
    public Stemwaarde.Check check(long published) {
      return Stemwaarde.check(kind, inhabitants, members, published);
    }
  }

  /**
   * The outcome of recording a stemwaarde: saved (with the U 2 check, if a basis was entered), refused as
   * invalid input, or refused because it differs from Kieswet U 2 lid 1 (with the computed value).
   */
  public sealed interface WeightOutcome permits WeightSaved, WeightInvalid, WeightDiffersFromU2 {}

  /** Saved; check is null without a basis, else Agrees or RuleUnconfirmed. */
  public record WeightSaved(Stemwaarde.Check check) implements WeightOutcome {}

  /** Not saved: not an EK, a figure out of range, a blank name, or a finalised result. */
  public record WeightInvalid() implements WeightOutcome {}

  /** Not saved: the published stemwaarde differs from U 2 lid 1 computed from the entered basis. */
  public record WeightDiffersFromU2(Stemwaarde.Differs difference, WeightBasis basis) implements WeightOutcome {}

  /** A 230b read without error, waiting for the fingerprint groups from paper; kept in the user's session only. */
  public record PendingLists(String contestId, String contestName, String fileName, byte[] bytes,
      Fingerprint.Challenge challenge, String fingerprint) {}

  /** Why a candidate-list file is refused, in Dutch and English. */
  public static final class ListsFileRejected extends RuntimeException {
    private final String dutch;

    ListsFileRejected(String dutch, String english) {
      super(english);
      this.dutch = dutch;
    }

    public String dutch() {
      return dutch;
    }

    public String english() {
      return getMessage();
    }
  }

  /** The outcome of confirming a 230b. */
  public enum ListsOutcome { IMPORTED, REPLACED, FINGERPRINT_MISMATCH, FINALISED }

  // ---------------------------------------------------------------- reading

  public List<DistrictInfo> districts(Csb c) {
    Map<String, ListsFile> files = new LinkedHashMap<>();
    repo.listsFiles(c.committeeId()).forEach(f -> files.put(f.contestId(), f));
    List<DistrictInfo> out = new ArrayList<>();
    for (District d : repo.districts(c.committeeId())) {
      ListsFile f = files.getOrDefault(String.valueOf(d.number()), files.get(ALL));
      out.add(new DistrictInfo(d.number(), d.name(), d.voteWeight(), Optional.ofNullable(f).map(ListsFile::fileName),
          Optional.ofNullable(f).map(ListsFile::fingerprint), d.basis()));
    }
    return out;
  }

  /** The candidate lists of every kieskring that has them: its own 230b, else the one for all kieskringen. */
  public Map<Integer, ContestLists> lists(Csb c) {
    Map<String, ListsFile> files = new LinkedHashMap<>();
    repo.listsFiles(c.committeeId()).forEach(f -> files.put(f.contestId(), f));
    Map<Integer, ContestLists> out = new LinkedHashMap<>();
    for (District d : repo.districts(c.committeeId())) {
      ListsFile f = files.getOrDefault(String.valueOf(d.number()), files.get(ALL));
      if (f != null) {
        // Stored files were read strictly before they were accepted; the parse is kept by fingerprint.
        out.put(d.number(), parsed.computeIfAbsent(f.fingerprint(), k -> read(f.fileName(), f.content()).contests()
            .get(0)));
      }
    }
    return out;
  }

  /** The shape of the totals of each kieskring with candidate lists: its lists and their candidates. */
  public Map<Integer, ResultsShape> shapes(Csb c) {
    Map<Integer, ResultsShape> out = new LinkedHashMap<>();
    lists(c).forEach((n, cl) -> {
      List<ListShape> shapes = new ArrayList<>();
      cl.lists().forEach(l -> shapes.add(new ListShape(l.number(), l.candidates().size())));
      // Voter cards (kiezerspassen) exist in every election with several kieskringen (abacus.md §3.1).
      out.put(n, new ResultsShape(shapes, true));
    });
    return out;
  }

  public List<String> deceased(Csb c) {
    return repo.deceased(c.committeeId());
  }

  // ---------------------------------------------------------------- candidate lists per kieskring

  /**
   * Reads a kieskring's 230b strictly and prepares the fingerprint challenge; nothing is stored yet. Refused when
   * the file is damaged, for another election, or holds other than exactly one contest (one kieskring, or "alle").
   */
  public PendingLists readListsFile(Csb c, String fileName, byte[] bytes) {
    String name = fileName == null || fileName.isBlank() ? "upload.eml.xml" : fileName;
    if (!multiDistrict(c)) {
      throw new ListsFileRejected("deze verkiezing heeft één kieskring; de kandidatenlijsten komen uit de wizard",
          "this election has one kieskring; its candidate lists come from the import wizard");
    }
    if (bytes.length == 0 || bytes.length > MAX_FILE_BYTES) {
      throw new ListsFileRejected("het bestand is leeg of groter dan " + MAX_FILE_BYTES + " bytes",
          "the file is empty or larger than " + MAX_FILE_BYTES + " bytes");
    }
    CandidateLists lists;
    try {
      lists = read(name, bytes);
    } catch (EmlException e) {
      String where = " (" + e.fileName() + ", line " + e.line() + ", " + e.path() + ", " + e.rule().code() + ")";
      throw new ListsFileRejected(e.dutchMessage() + where, e.englishMessage() + where);
    }
    ElectionView e = c.election();
    var id = lists.election();
    if (!id.id().equals(e.identifier()) || !id.electionDate().equals(e.electionDate())
        || !id.category().name().equals(e.category())) {
      throw new ListsFileRejected(
          "het bestand is voor verkiezing " + id.id() + " van " + id.electionDate() + ", niet voor " + e.identifier(),
          "the file is for election " + id.id() + " of " + id.electionDate() + ", not for " + e.identifier());
    }
    if (lists.contests().size() != 1) {
      throw new ListsFileRejected("het bestand moet de kandidatenlijsten van precies één kieskring bevatten, niet "
          + lists.contests().size(), "the file must hold the candidate lists of exactly one kieskring, not "
          + lists.contests().size());
    }
    ContestLists contest = lists.contests().get(0);
    String contestId = contest.contestId();
    if (!contestId.equals(ALL) && !contestId.matches("[1-9]\\d{0,3}")) {
      throw new ListsFileRejected("kieskring " + contestId + " is geen kieskringnummer en niet 'alle'",
          "kieskring " + contestId + " is not a kieskring number nor 'alle'");
    }
    Fingerprint fp = Fingerprint.of(bytes);
    // The hidden groups are drawn now with SecureRandom, never derived from the file (product.md §4).
    return new PendingLists(contestId, contest.contestName() == null ? "" : contest.contestName(), name,
        bytes.clone(), fp.challenge(), fp.toString());
  }

  private static CandidateLists read(String name, byte[] bytes) {
    return EmlReader.readCandidateLists(new ByteArrayInputStream(bytes), name, ReadOptions.none()).lists();
  }

  /** Audits a refused candidate-list file; nothing of it is stored. */
  @Transactional
  public void recordRejection(Csb c, String fileName, String reason, Actor actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("file", fileName == null ? "" : fileName);
    details.put("reason", reason);
    audit.record("CSB_DISTRICT_LISTS_REJECTED", AuditLevel.WARNING, actor, details);
  }

  /**
   * Checks the two groups typed from paper; on success the file is stored byte for byte for its kieskring (a
   * kieskring's earlier file is replaced) and the kieskring is added. Refused with a wrong group or a finalised
   * result.
   */
  @Transactional
  public ListsOutcome confirmLists(Csb c, PendingLists p, String typedFirst, String typedSecond, long userId,
      Actor actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("kieskring", p.contestId());
    details.put("file", p.fileName());
    details.put("fingerprint", p.fingerprint());
    if (!p.challenge().verify(typedFirst, typedSecond)) {
      details.put("reason", "fingerprint groups typed from paper do not match");
      audit.record("CSB_DISTRICT_LISTS_REJECTED", AuditLevel.WARNING, actor, details);
      return ListsOutcome.FINGERPRINT_MISMATCH;
    }
    if (!csbRepo.documents(c.committeeId()).isEmpty()) {
      details.put("reason", "the result is finalised");
      audit.record("CSB_DISTRICT_LISTS_REJECTED", AuditLevel.WARNING, actor, details);
      return ListsOutcome.FINALISED;
    }
    Instant now = Instant.now(clock);
    boolean replaced = repo.storeListsFile(c.committeeId(), p.contestId(), p.fileName(), p.fingerprint(), p.bytes(),
        userId, now);
    if (!p.contestId().equals(ALL)) {
      repo.upsertDistrict(c.committeeId(), Integer.parseInt(p.contestId()),
          p.contestName().isBlank() ? "Kieskring " + p.contestId() : p.contestName());
    }
    details.put("replaced", replaced);
    audit.record("CSB_DISTRICT_LISTS_IMPORTED", AuditLevel.INFO, actor, details);
    return replaced ? ListsOutcome.REPLACED : ListsOutcome.IMPORTED;
  }

  // ---------------------------------------------------------------- EK stemwaarden

  /**
   * Records the stemwaarde of a province or kiescollege (Kieswet U 2; published in the Staatscourant, U 2 lid 5)
   * and adds the voting body when new. Refused unless EK, for a weight outside 1 … 1 000 000, a blank name, or a
   * finalised result.
   */
  @Transactional
  public boolean setVoteWeight(Csb c, int number, String name, long weight, long userId, Actor actor) {
    return setVoteWeight(c, number, name, weight, null, userId, actor) instanceof WeightSaved;
  }

  /**
   * Records a stemwaarde as above, optionally checked against Kieswet U 2 lid 1: with a basis (kind of body,
   * inhabitants, members) the stemwaarde is computed exactly and a published value that differs is refused
   * (audited {@code CSB_VOTE_WEIGHT_REFUSED}); for the kiescollege niet-ingezetenen, whose rule is unconfirmed, the
   * entered value is accepted and the screen says so. The basis is stored and audited with the value.
   */
  @Transactional
  public WeightOutcome setVoteWeight(Csb c, int number, String name, long weight, WeightBasis basis, long userId,
      Actor actor) {
    if (!weighted(c) || number < 1 || number > 9999 || weight < 1 || weight > 1_000_000 || name == null
        || name.isBlank() || !csbRepo.documents(c.committeeId()).isEmpty()) {
      return new WeightInvalid();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("body", number);
    details.put("name", name.strip());
    Stemwaarde.Check check = basis == null ? null : basis.check(weight);
    if (basis != null) {
      details.put("kind", basis.kind().name());
      details.put("inhabitants", basis.inhabitants());
      details.put("members", basis.members());
    }
    if (check instanceof Stemwaarde.Differs d) {
      details.put("published", weight);
      details.put("computed", d.computed());
      audit.record("CSB_VOTE_WEIGHT_REFUSED", AuditLevel.WARNING, actor, details);
      return new WeightDiffersFromU2(d, basis);
    }
    Long before = repo.districts(c.committeeId()).stream().filter(d -> d.number() == number).findFirst()
        .map(District::voteWeight).orElse(null);
    repo.setWeight(c.committeeId(), number, name.strip(), weight, basis, userId, Instant.now(clock));
    details.put("from", before == null ? "" : before);
    details.put("to", weight);
    if (check != null) {
      details.put("u2", check instanceof Stemwaarde.Agrees ? "agrees" : "rule unconfirmed, accepted as entered");
    }
    audit.record("CSB_VOTE_WEIGHT_RECORDED", AuditLevel.INFO, actor, details);
    return new WeightSaved(check);
  }

  // ---------------------------------------------------------------- deceased candidates (P 19a)

  /** Records a candidate, by the id of the computation, as deceased; the caller checks that the id exists. */
  @Transactional
  boolean addDeceased(Csb c, String candidateId, long userId, Actor actor) {
    boolean added = repo.addDeceased(c.committeeId(), candidateId, userId, Instant.now(clock));
    if (added) {
      audit.record("CSB_DECEASED_RECORDED", AuditLevel.INFO, actor,
          Map.of("committee", c.committeeId(), "candidate", candidateId));
    }
    return added;
  }

  @Transactional
  boolean removeDeceased(Csb c, String candidateId, Actor actor) {
    boolean removed = repo.removeDeceased(c.committeeId(), candidateId);
    if (removed) {
      audit.record("CSB_DECEASED_REMOVED", AuditLevel.INFO, actor,
          Map.of("committee", c.committeeId(), "candidate", candidateId));
    }
    return removed;
  }
}
