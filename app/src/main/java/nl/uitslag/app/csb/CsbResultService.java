package nl.uitslag.app.csb;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.csb.CsbRepository.Deceased;
import nl.uitslag.app.csb.CsbRepository.StoredFile;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.documents.pdf.CountFile;
import nl.uitslag.documents.pdf.CsbReportRenderer;
import nl.uitslag.documents.pdf.CsbResultReport;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputException;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.apportionment.Lot;
import nl.uitslag.domain.apportionment.Step;
import nl.uitslag.domain.apportionment.StepKind;
import nl.uitslag.domain.apportionment.VoteCounts;
import nl.uitslag.domain.apportionment.Warning;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centraal stembureau's result: from the definitive GSB totals, the deceased candidates (P 19a) and the
 * recorded outcomes of physical lots, the seat apportionment and the elected candidates (Kieswet P 5 – P 19);
 * when finalised, the PV P 22-2, the 510d and the 520, stored so every download gives the same bytes. The software
 * never draws a lot (product.md §3): it stops, shows the tied options, and re-runs with every recorded outcome.
 */
@Service
public class CsbResultService {
  /** Times in the files and PVs are Dutch local time, whatever zone the server runs in. */
  static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  private final CsbService csb;
  private final CsbRepository repo;
  private final ElectionRepository elections;
  private final AuditLog audit;
  private final Clock clock;
  private final CsbReportRenderer renderer = new CsbReportRenderer();
  private final CsbMultiResult multi;
  private final CsbDistrictService districts;

  public CsbResultService(CsbService csb, CsbRepository repo, ElectionRepository elections, AuditLog audit,
      Clock clock, CsbMultiResult multi, CsbDistrictService districts) {
    this.multi = multi;
    this.districts = districts;
    this.csb = csb;
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** A candidate as the result screens and documents name them; id is "list.position". */
  public record CandidateInfo(String id, int list, int position, PersonName name, String locality, Gender gender,
      long votes) {
    public String displayName() {
      String last = name.prefix() == null || name.prefix().isBlank() ? name.lastName()
          : name.prefix() + " " + name.lastName();
      String base = last + ", " + (name.initials() == null ? "" : name.initials());
      return name.firstName() == null || name.firstName().isBlank() ? base : base + " (" + name.firstName() + ")";
    }
  }

  /** Document kinds the CSB and the HSB produce, with their stored key, file name prefix and media type. */
  public enum DocumentKind {
    P22_2("Model_P22-2_", ".pdf", "application/pdf"),
    P22_1("Model_P22-1_", ".pdf", "application/pdf"),
    U16("Model_U16_", ".pdf", "application/pdf"),
    EML_510D("Totaaltelling_", ".eml.xml", "application/xml"),
    EML_520("Resultaat_", ".eml.xml", "application/xml"),
    /** The HSB's PV of a kieskring (HsbResultService). */
    O7("Model_O7_", ".pdf", "application/pdf"),
    /** The HSB's count file of a kieskring (HsbResultService). */
    EML_510C("Telling_", ".eml.xml", "application/xml");

    private final String prefix;
    private final String suffix;
    private final String mediaType;

    DocumentKind(String prefix, String suffix, String mediaType) {
      this.prefix = prefix;
      this.suffix = suffix;
      this.mediaType = mediaType;
    }

    String fileName(String electionId) {
      return prefix + electionId + suffix;
    }

    String mediaType() {
      return mediaType;
    }
  }

  /**
   * Everything the apportionment screen shows. {@code outcome} is null when the totals are not all definitive or
   * the input was refused ({@code error} says why). {@code deceased} holds candidate ids; {@code multiDistrict}
   * marks a result over several kieskringen (docs/CSB.md), whose lists "N.k" are lists of a lijstengroep.
   */
  public record ResultView(boolean totalsComplete, ApportionmentOutcome outcome, String error, List<String> lots,
      List<String> deceased, boolean finalised, Map<String, CandidateInfo> candidates, Map<Integer, String> lists,
      Map<Integer, Long> listVotes, List<StoredFile> documents, boolean multiDistrict) {

    /** The lists of lijstengroepen ("4.1", "4.2") with their seats (P 12, P 13); empty without groups. */
    public Map<String, ListResult> groupLists() {
      Map<String, ListResult> out = new LinkedHashMap<>();
      ApportionmentResult r = result();
      if (r != null) {
        r.lists().forEach((k, lr) -> {
          if (k.contains(".")) {
            out.put(k, lr);
          }
        });
      }
      return out;
    }

    public ApportionmentResult result() {
      return outcome instanceof ApportionmentOutcome.Completed c ? c.result() : null;
    }

    public Lot lot() {
      return outcome instanceof ApportionmentOutcome.LotRequired l ? l.lot() : null;
    }

    public List<Step> steps() {
      if (outcome instanceof ApportionmentOutcome.Completed c) {
        return c.result().steps();
      }
      if (outcome instanceof ApportionmentOutcome.LotRequired l) {
        return l.stepsSoFar();
      }
      return List.of();
    }

    public String describe(String option) {
      return CsbResultService.describe(option, candidates, lists);
    }

    public String stepDescription(Step s) {
      return dutch(s.kind());
    }
  }

  // ---------------------------------------------------------------- computing

  public ResultView view(Csb c) {
    if (CsbDistrictService.multiDistrict(c)) {
      return multi.state(c, repo.lots(c.committeeId()), repo.documents(c.committeeId())).view();
    }
    Map<Integer, String> lists = new LinkedHashMap<>();
    elections.lists(c.election().id()).forEach(l -> lists.put(l.number(), l.name()));
    List<String> lots = repo.lots(c.committeeId());
    List<Deceased> dead = repo.deceased(c.committeeId());
    List<String> deceased = new ArrayList<>();
    dead.forEach(d -> deceased.add(d.candidateId()));
    List<StoredFile> docs = repo.documents(c.committeeId());
    Optional<Map<String, GsbResults>> totals = csb.definitiveTotals(c);
    if (totals.isEmpty()) {
      return new ResultView(false, null, null, lots, deceased, !docs.isEmpty(), candidates(c, null), lists,
          Map.of(), docs, false);
    }
    GsbResults sum = sum(totals.get());
    Map<String, CandidateInfo> candidates = candidates(c, sum);
    Map<Integer, Long> listVotes = new LinkedHashMap<>();
    sum.lists().forEach(l -> listVotes.put(l.listNumber(), (long) l.total()));
    try {
      ApportionmentOutcome outcome = Apportionment.apportion(input(c, sum, dead, lots));
      return new ResultView(true, outcome, null, lots, deceased, !docs.isEmpty(), candidates, lists, listVotes, docs,
          false);
    } catch (ApportionmentInputException e) {
      return new ResultView(true, null, e.getMessage(), lots, deceased, !docs.isEmpty(), candidates, lists,
          listVotes, docs, false);
    }
  }

  /**
   * The apportionment input: every nominated candidate takes part (P 16) with the votes of the definitive totals;
   * candidate ids are "list.position"; the preference threshold is the default of the election type.
   */
  ApportionmentInput input(Csb c, GsbResults sum, List<Deceased> deceased, List<String> lots) {
    ElectionView e = c.election();
    List<ApportionmentInput.CandidateList> lists = new ArrayList<>();
    for (ListView l : elections.lists(e.id())) {
      ListVotes page = sum.lists().stream().filter(p -> p.listNumber() == l.number()).findFirst().orElseThrow();
      List<String> ids = new ArrayList<>();
      long[] votes = new long[l.candidates().size()];
      for (int i = 0; i < l.candidates().size(); i++) {
        ids.add(l.number() + "." + l.candidates().get(i).position());
        votes[i] = page.candidateVotes().get(i);
      }
      lists.add(new ApportionmentInput.CandidateList(l.number(), l.name(), List.of(new ApportionmentInput.SubList(
          List.of(1), ids, Map.of(1, VoteCounts.of(votes))))));
    }
    Set<String> dead = new LinkedHashSet<>();
    deceased.forEach(d -> dead.add(d.candidateId()));
    return new ApportionmentInput(ElectionType.fromSubcategory(e.subcategory()), e.numberOfSeats(),
        OptionalInt.empty(), List.of(new ApportionmentInput.District(1, 1)), lists, dead, lots);
  }

  /** The CSB total: the sum of the definitive totals of every GSB (added up as the HSB adds up a kieskring). */
  static GsbResults sum(Map<String, GsbResults> totals) {
    return GsbTotals.sum(new ArrayList<>(totals.values()));
  }

  private Map<String, CandidateInfo> candidates(Csb c, GsbResults sum) {
    Map<String, CandidateInfo> out = new LinkedHashMap<>();
    for (ListView l : elections.lists(c.election().id())) {
      ListVotes page = sum == null ? null
          : sum.lists().stream().filter(p -> p.listNumber() == l.number()).findFirst().orElse(null);
      for (int i = 0; i < l.candidates().size(); i++) {
        CandidateView cv = l.candidates().get(i);
        String id = l.number() + "." + cv.position();
        out.put(id, new CandidateInfo(id, l.number(), cv.position(),
            new PersonName(cv.initials(), cv.firstName(), cv.prefix(), cv.lastName()), cv.locality(),
            cv.gender() == null ? null : Gender.fromCode(cv.gender()), page == null ? 0 : page.candidateVotes().get(i)));
      }
    }
    return out;
  }

  static String describe(String option, Map<String, CandidateInfo> candidates, Map<Integer, String> lists) {
    if (option.startsWith("list ")) {
      String n = option.substring(5);
      String name = lists.get(Integer.parseInt(n.contains(".") ? n.substring(0, n.indexOf('.')) : n));
      return "Lijst " + n + (name == null || name.isBlank() ? "" : " – " + name);
    }
    CandidateInfo ci = candidates.get(option);
    return ci == null ? option : "Lijst " + ci.list() + ", kandidaat " + ci.position() + ": " + ci.displayName();
  }

  static String dutch(StepKind k) {
    switch (k) {
      case FULL_SEATS: return "volle zetels";
      case LARGEST_REMAINDER: return "restzetel, grootste overschot";
      case UNIQUE_HIGHEST_AVERAGE: return "restzetel, grootste gemiddelde (één per lijst)";
      case HIGHEST_AVERAGE: return "restzetel, grootste gemiddelde";
      case UNRESTRICTED_HIGHEST_AVERAGE: return "restzetel, grootste gemiddelde (na uitputting)";
      case ABSOLUTE_MAJORITY: return "absolute meerderheid: zetel overgedragen";
      case EXHAUSTION_RESIDUAL_SEAT_REMOVED: return "lijstuitputting: restzetel vervalt";
      case EXHAUSTION_FULL_SEAT_REMOVED: return "lijstuitputting: volle zetel vervalt";
      // The lijstengroep steps appear on the screen and on the P 22-1 of a TK, EP or PS2 with a list group.
      case GROUP_FULL_SEATS: return "lijstengroep: volle zetels per lijst";
      case GROUP_LARGEST_REMAINDER: return "lijstengroep: zetel, grootste overschot";
      case GROUP_EXHAUSTION_SEAT_REMOVED: return "lijstengroep: lijst uitgeput, zetel overgedragen";
      case GROUP_HIGHEST_AVERAGE: return "lijstengroep: zetel, grootste gemiddelde";
      case GROUP_SEAT_WITHDRAWN: return "lijstengroep: laatst toegewezen zetel ingetrokken";
      default: return k.description();
    }
  }

  // ---------------------------------------------------------------- inputs of the coordinator

  /** Records a candidate as deceased (P 19a); refused for an unknown candidate or a finalised result. */
  @Transactional
  public boolean addDeceased(Csb c, int list, int position, long userId, Actor actor) {
    if (CsbDistrictService.multiDistrict(c) || csb.finalised(c) || !candidates(c, null).containsKey(list + "." + position)) {
      return false;
    }
    boolean added = repo.addDeceased(c.committeeId(), list, position, userId, Instant.now(clock));
    if (added) {
      audit.record("CSB_DECEASED_RECORDED", AuditLevel.INFO, actor,
          Map.of("committee", c.committeeId(), "candidate", list + "." + position));
    }
    return added;
  }

  @Transactional
  public boolean removeDeceased(Csb c, int list, int position, Actor actor) {
    if (CsbDistrictService.multiDistrict(c) || csb.finalised(c)) {
      return false;
    }
    boolean removed = repo.removeDeceased(c.committeeId(), list, position);
    if (removed) {
      audit.record("CSB_DECEASED_REMOVED", AuditLevel.INFO, actor,
          Map.of("committee", c.committeeId(), "candidate", list + "." + position));
    }
    return removed;
  }

  /**
   * Records a candidate of a multi-district result as deceased (P 19a) by the id the result screen shows; one
   * person on lists of several kieskringen is one id. Refused for an unknown candidate or a finalised result.
   */
  @Transactional
  public boolean addDeceased(Csb c, String candidateId, long userId, Actor actor) {
    if (!CsbDistrictService.multiDistrict(c) || csb.finalised(c) || !view(c).candidates().containsKey(candidateId)) {
      return false;
    }
    return districts.addDeceased(c, candidateId, userId, actor);
  }

  /** Removes a deceased mark of a multi-district result; refused when finalised. */
  @Transactional
  public boolean removeDeceased(Csb c, String candidateId, Actor actor) {
    if (!CsbDistrictService.multiDistrict(c) || csb.finalised(c)) {
      return false;
    }
    return districts.removeDeceased(c, candidateId, actor);
  }

  /**
   * Records the outcome of the physical draw for the lot the computation stopped at. Refused when no lot is
   * pending, when the outcome is not one of its options, or when the result is finalised.
   */
  @Transactional
  public boolean recordLot(Csb c, String outcome, long userId, Actor actor) {
    if (csb.finalised(c)) {
      return false;
    }
    Lot lot = view(c).lot();
    if (lot == null || !lot.options().contains(outcome)) {
      return false;
    }
    repo.addLot(c.committeeId(), outcome, userId, Instant.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("kind", lot.kind().name());
    details.put("article", lot.article());
    details.put("options", lot.options());
    details.put("value", lot.value().toFractionString());
    details.put("outcome", outcome);
    audit.record("CSB_LOT_RECORDED", AuditLevel.INFO, actor, details);
    return true;
  }

  /** Forgets every recorded lot outcome (a wrong entry); the draws are recorded again from the first. */
  @Transactional
  public boolean clearLots(Csb c, Actor actor) {
    if (csb.finalised(c)) {
      return false;
    }
    int n = repo.clearLots(c.committeeId());
    audit.record("CSB_LOTS_CLEARED", AuditLevel.WARNING, actor, Map.of("committee", c.committeeId(), "lots", n));
    return true;
  }

  // ---------------------------------------------------------------- finalising and documents

  /** Why a result could not be finalised, or that it was. */
  public enum FinaliseOutcome { FINALISED, TOTALS_NOT_DEFINITIVE, LOT_PENDING, INPUT_REFUSED, ALREADY_FINALISED }

  /**
   * Finalises the result: only with every GSB total definitive and no lot pending. Generates and stores the
   * P 22-2, 510d and 520 from one creation time, so the PV prints the fingerprint of the 510d it belongs to.
   */
  @Transactional
  public FinaliseOutcome finalise(Csb c, long userId, Actor actor) {
    if (csb.finalised(c)) {
      return FinaliseOutcome.ALREADY_FINALISED;
    }
    ResultView v = view(c);
    if (!v.totalsComplete()) {
      return FinaliseOutcome.TOTALS_NOT_DEFINITIVE;
    }
    if (v.outcome() == null) {
      return FinaliseOutcome.INPUT_REFUSED;
    }
    if (v.result() == null) {
      // Kieswet P 8 lid 2 / P 7: a lot decides; the software never draws, so nothing is final until it is recorded.
      return FinaliseOutcome.LOT_PENDING;
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    LocalDateTime created = LocalDateTime.ofInstant(now, DUTCH_TIME);
    if (CsbDistrictService.multiDistrict(c)) {
      return finaliseMulti(c, userId, actor, now, created);
    }
    Map<String, GsbResults> totals = csb.definitiveTotals(c).orElseThrow();
    Documents d = documents(c, v, totals, created);
    String id = c.election().identifier();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    store(c, DocumentKind.EML_510D, id, d.count510d(), userId, now, details);
    store(c, DocumentKind.EML_520, id, d.result520(), userId, now, details);
    store(c, DocumentKind.P22_2, id, d.pv(), userId, now, details);
    details.put("seats", v.result().seats());
    details.put("lots", v.lots());
    audit.record("CSB_RESULT_FINALISED", AuditLevel.INFO, actor, details);
    return FinaliseOutcome.FINALISED;
  }

  /** The multi-district documents (P 22-1 or U 16, 510d, 520) from the same state the checks above saw. */
  private FinaliseOutcome finaliseMulti(Csb c, long userId, Actor actor, Instant now, LocalDateTime created) {
    CsbMultiResult.State s = multi.state(c, repo.lots(c.committeeId()), List.of());
    if (s.view().result() == null) {
      return FinaliseOutcome.INPUT_REFUSED;
    }
    Documents d = multi.documents(c, s, created);
    String id = c.election().identifier();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    store(c, DocumentKind.EML_510D, id, d.count510d(), userId, now, details);
    store(c, DocumentKind.EML_520, id, d.result520(), userId, now, details);
    store(c, CsbMultiResult.pvKind(c), id, d.pv(), userId, now, details);
    details.put("seats", s.view().result().seats());
    details.put("lots", s.view().lots());
    details.put("deceased", s.view().deceased());
    audit.record("CSB_RESULT_FINALISED", AuditLevel.INFO, actor, details);
    return FinaliseOutcome.FINALISED;
  }

  /**
   * Reopens a finalised result (e.g. after a recount ordered under Kieswet V 4a): the documents are removed. The
   * same for an HSB, whose O 7 and 510c are removed.
   */
  @Transactional
  public boolean reopen(Csb c, Actor actor) {
    int n = repo.deleteDocuments(c.committeeId());
    if (n > 0) {
      audit.record(c.kind() + "_RESULT_REOPENED", AuditLevel.WARNING, actor, Map.of("committee", c.committeeId()));
    }
    return n > 0;
  }

  public Optional<StoredFile> document(Csb c, DocumentKind kind) {
    return repo.documents(c.committeeId()).stream().filter(f -> f.kind().equals(kind.name())).findFirst();
  }

  private void store(Csb c, DocumentKind kind, String electionId, byte[] bytes, long userId, Instant now,
      Map<String, Object> details) {
    String fp = Fingerprint.of(bytes).toString();
    repo.storeDocument(c.committeeId(), kind.name(), kind.fileName(electionId), kind.mediaType, fp, bytes, userId,
        now);
    details.put(kind.name(), fp);
  }

  /** The three documents of a result, generated together. */
  record Documents(byte[] count510d, byte[] result520, byte[] pv) {}

  Documents documents(Csb c, ResultView v, Map<String, GsbResults> totals, LocalDateTime created) {
    ElectionView e = c.election();
    ElectionIdentifier id = new ElectionIdentifier(e.identifier(), e.name(), ElectionCategory.valueOf(e.category()),
        e.subcategory(), new ElectionDomain(e.domainId(), e.domainName()), e.electionDate(), null);
    ManagingAuthority authority = new ManagingAuthority("CSB", e.domainName());
    GsbResults sum = sum(totals);
    List<ReportingUnitCount> units = new ArrayList<>();
    for (CsbService.Source s : csb.sources(c)) {
      units.add(new ReportingUnitCount(s.id(), s.name(), null, null, GsbTotals.toCount(totals.get(s.id()), v.lists()),
          List.of()));
    }
    Count count = new Count(id, authority, null, null,
        List.of(new ContestCount("geen", null, GsbTotals.toCount(sum, v.lists()), units)));
    byte[] count510d = EmlWriter.writeCount(EmlKind.E510D, count, created);
    byte[] result520 = EmlWriter.writeResult(result520(id, authority, v), created);
    CsbResultReport report = report(c, v, sum, new CountFile(DocumentKind.EML_510D.fileName(e.identifier()),
        Fingerprint.of(count510d)), created.atZone(DUTCH_TIME));
    return new Documents(count510d, result520, renderer.resultReport(report));
  }

  /** The 520: per list with seats, in list order, its elected candidates in the order of election (P 15 – P 17). */
  static ElectionResult result520(ElectionIdentifier id, ManagingAuthority authority, ResultView v) {
    ApportionmentResult r = v.result();
    List<ResultEntry> entries = new ArrayList<>();
    for (Map.Entry<Integer, Integer> s : r.seats().entrySet()) {
      ListResult lr = r.lists().get(String.valueOf(s.getKey()));
      if (lr == null || lr.elected().isEmpty()) {
        continue;
      }
      entries.add(new ElectedList(s.getKey(), v.lists().getOrDefault(s.getKey(), ""), null));
      int order = 0;
      for (String cid : lr.elected()) {
        CandidateInfo ci = v.candidates().get(cid);
        order++;
        entries.add(new ElectedCandidate(order, null, ci.name(), ci.gender(), ci.locality(), null, null,
            lr.preferenceElected().contains(cid) ? 1 : 2));
      }
    }
    return new ElectionResult(id, authority, List.of(new ContestResult("geen", null, entries)));
  }

  CsbResultReport report(Csb c, ResultView v, GsbResults sum, CountFile file, ZonedDateTime created) {
    ElectionView e = c.election();
    ApportionmentResult r = v.result();
    List<CsbResultReport.ListRow> lists = new ArrayList<>();
    for (Map.Entry<Integer, Integer> s : r.seats().entrySet()) {
      long votes = v.listVotes().getOrDefault(s.getKey(), 0L);
      int full = r.totalVotes() == 0 ? 0 : (int) Math.min(s.getValue(),
          Math.multiplyExact(votes, (long) e.numberOfSeats()) / r.totalVotes());
      lists.add(new CsbResultReport.ListRow(s.getKey(), v.lists().get(s.getKey()), votes, full, s.getValue() - full,
          s.getValue()));
    }
    List<CsbResultReport.StepRow> steps = new ArrayList<>();
    for (Step s : r.steps()) {
      String list = s.fromList() == null || s.fromList().isEmpty() ? s.list() : s.fromList() + " → " + s.list();
      steps.add(new CsbResultReport.StepRow(s.number(), s.article(), dutch(s.kind()), list,
          s.kind() == StepKind.FULL_SEATS ? "" : s.value().toString()));
    }
    List<String> lots = new ArrayList<>();
    v.lots().forEach(l -> lots.add(v.describe(l)));
    List<String> deceased = new ArrayList<>();
    v.deceased().forEach(d -> deceased.add(v.describe(d)));
    List<CsbResultReport.ElectedRow> elected = new ArrayList<>();
    for (ListResult lr : r.lists().values()) {
      int order = 0;
      for (String cid : lr.elected()) {
        CandidateInfo ci = v.candidates().get(cid);
        elected.add(new CsbResultReport.ElectedRow(ci.list(), ++order, ci.position(), ci.displayName(), ci.locality(),
            ci.votes(), lr.preferenceElected().contains(cid)));
      }
    }
    List<String> warnings = new ArrayList<>();
    for (Warning w : r.warnings()) {
      warnings.add(w.code() + " (" + w.article() + "): " + w.message());
    }
    ElectionType type = ElectionType.fromSubcategory(e.subcategory());
    String residual = type.usesLargestRemainders(e.numberOfSeats())
        ? "grootste overschotten (Kieswet P 8)" : "grootste gemiddelden (Kieswet P 7)";
    return new CsbResultReport("P 22-2", e.name(), e.electionDate(), e.domainName(), e.domainId(),
        e.numberOfSeats(), sum.eligibleVoters(), sum.voters().totalAdmittedVoters(), sum.votes().blankVotes(),
        sum.votes().invalidVotes(), sum.votes().totalVotesCandidates(), r.quota().toString(),
        r.preferenceThreshold().toString(), residual, lists, steps, lots, deceased, elected, warnings, file, created);
  }
}
