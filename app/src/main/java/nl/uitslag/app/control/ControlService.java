package nl.uitslag.app.control;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.control.ControlRepository.ElectionFacts;
import nl.uitslag.app.control.ControlRepository.StoredCheck;
import nl.uitslag.app.control.ControlRepository.StoredDecision;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.StationStatus;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.documents.pdf.ControlProtocolOutcome;
import nl.uitslag.documents.pdf.ControlProtocolRenderer;
import nl.uitslag.documents.pdf.ControlWorksheets;
import nl.uitslag.documents.pdf.ElectionHeading;
import nl.uitslag.documents.pdf.NotableResultsReport;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.control.ControlProtocol;
import nl.uitslag.domain.control.ListComparison;
import nl.uitslag.domain.control.ListDraw;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableResults;
import nl.uitslag.domain.control.NotableThresholds;
import nl.uitslag.domain.control.StationCounts;
import nl.uitslag.domain.control.StationSources;
import nl.uitslag.domain.control.Worksheet;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.results.ResultsModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control protocol of a GSB session (docs/CONTROL-PROTOCOL.md): the draw of lists from a public seed, the
 * worksheets, the hand totals compared with the software's sums, the recorded outcome; and the notable results
 * of the definitive entries with the coordinator's decisions. Reads the definitive results of data entry and
 * never changes them. Every change writes an audit event in the same transaction.
 */
@Service
public class ControlService {
  private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  private final ControlRepository repo;
  private final DataEntryRepository entries;
  private final AuditLog audit;
  private final AirGapMonitor airGap;
  private final Clock clock;
  private final ControlProtocolRenderer renderer = new ControlProtocolRenderer();

  ControlService(ControlRepository repo, DataEntryRepository entries, AuditLog audit, AirGapMonitor airGap,
      Clock clock) {
    this.repo = repo;
    this.entries = entries;
    this.audit = audit;
    this.airGap = airGap;
    this.clock = clock;
  }

  /**
   * What the results engineer puts into the PV (model Na 31-2 / Na 31-1) of the committee's current session:
   * the recorded control-protocol outcome (empty until recorded) and every notable flag with its decision.
   *
   * @param sessionNumber the session the report is about
   * @param controlProtocol the recorded outcome, or empty while the check is not recorded
   * @param notable every current flag of the definitive results, with the coordinator's decision
   * @param thresholds the thresholds the flags were computed with
   * @param stationsChecked how many definitive polling stations were checked
   */
  public record SessionControlReport(
      int sessionNumber, Optional<ControlProtocolOutcome> controlProtocol, List<NotableResultsReport.Item> notable,
      NotableThresholds thresholds, int stationsChecked) {}

  /** The control report of the committee's current session; empty when the committee has no session yet. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Optional<SessionControlReport> report(long committeeId) {
    Optional<CommitteeInfo> c = entries.committee(committeeId);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredSession> session = entries.currentSession(committeeId);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Optional<ControlProtocolOutcome> outcome = repo.check(session.get().id())
        .filter(k -> "RECORDED".equals(k.status()))
        .map(k -> {
          requireDrawFollowsFromSeed(k);
          // The seed is printed so anyone can redo the draw from the PV alone (docs/CONTROL-PROTOCOL.md §2).
          return new ControlProtocolOutcome(k.drawnLists(), matches(k), k.remarks(), k.seed());
        });
    Notable n = notable(c.get());
    return Optional.of(new SessionControlReport(session.get().session().number(), outcome, n.items(),
        n.thresholds(), n.stationsChecked()));
  }

  // ------------------------------------------------------------------ guided check

  /** The state of the check on the coordinator's screen. */
  record CheckView(
      int sessionNumber, Optional<StoredCheck> check, List<ListDraw.Attempt> attempts, List<ListComparison> comparisons,
      Map<Integer, String> listNames, int listCount, int stationsDefinitive, int stationsTotal) {}

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  CheckView view(CommitteeInfo c) {
    StoredSession s = session(c);
    Optional<StoredCheck> check = repo.check(s.id());
    check.ifPresent(ControlService::requireDrawFollowsFromSeed);
    List<ListDraw.Attempt> attempts = check.map(k -> ListDraw.draw(request(k)).attempts()).orElse(List.of());
    List<ListComparison> comparisons = check.filter(k -> k.handTotals() != null)
        .map(k -> ControlProtocol.compare(ListDraw.draw(request(k)), k.handTotals(), k.softwareTotals()))
        .orElse(List.of());
    Progress p = progress(c, s);
    Map<Integer, String> names = entries.listNames(c.electionId());
    return new CheckView(s.session().number(), check, attempts, comparisons, names, names.size(), p.definitive(),
        p.total());
  }

  /** Draws the lists from the public seed; refused when this session already has a draw. */
  @Transactional
  ListDraw.Result draw(CommitteeInfo c, String seed, int count, long userId, Actor actor) {
    airGap.requireIsolated();
    StoredSession s = session(c);
    if (repo.check(s.id()).isPresent()) {
      throw new ControlException("ALREADY_DRAWN", null);
    }
    ElectionFacts e = election(c);
    List<Integer> lists = new ArrayList<>(entries.listNames(c.electionId()).keySet());
    ListDraw.Request request;
    try {
      request = new ListDraw.Request(e.identifier(), s.session().number(), seed, lists, count);
    } catch (IllegalArgumentException bad) {
      throw new ControlException(seed == null || seed.isBlank() ? "SEED_EMPTY" : count > lists.size() || count < 1
          ? "COUNT" : "SEED_INVALID", bad.getMessage());
    }
    ListDraw.Result result = ListDraw.draw(request);
    if (!repo.insertDraw(s.id(), e.identifier(), s.session().number(), request.seed(), request.listNumbers(), count,
        result.drawnLists(), userId, Instant.now(clock))) {
      throw new ControlException("ALREADY_DRAWN", null);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.session().number());
    details.put("seed", request.seed());
    details.put("drawn", result.drawnLists());
    audit.record("CONTROL_LISTS_DRAWN", AuditLevel.INFO, actor, details);
    return result;
  }

  /** The worksheets of the drawn lists as PDF. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  byte[] worksheetsPdf(CommitteeInfo c) {
    StoredSession s = session(c);
    StoredCheck k = repo.check(s.id()).orElseThrow(() -> new ControlException("NOT_DRAWN", null));
    ListDraw.Result draw = ListDraw.draw(request(k));
    List<Worksheet.Row> rows = new ArrayList<>();
    for (StationStatus st : entries.overview(c.electionId(), s.id(), null, false)) {
      rows.add(new Worksheet.Row(st.number(), st.name()));
    }
    List<Worksheet> sheets = ControlProtocol.worksheets(draw, entries.listNames(c.electionId()), rows);
    return renderer.worksheets(new ControlWorksheets(heading(c), draw, sheets, now()));
  }

  /**
   * Stores the hand totals and the software's sums of the drawn lists over the definitive results, for
   * comparison. May be repeated (after a recount by hand) until the outcome is recorded.
   */
  @Transactional
  List<ListComparison> enterHandTotals(CommitteeInfo c, Map<Integer, Long> hand, Actor actor) {
    airGap.requireIsolated();
    StoredSession s = session(c);
    StoredCheck k = repo.check(s.id()).orElseThrow(() -> new ControlException("NOT_DRAWN", null));
    if ("RECORDED".equals(k.status())) {
      throw new ControlException("ALREADY_RECORDED", null);
    }
    ListDraw.Result draw = ListDraw.draw(request(k));
    Map<Integer, Long> ordered = new LinkedHashMap<>();
    for (int list : draw.drawnLists()) {
      Long value = hand.get(list);
      if (value == null || value < 0 || value > 999_999_999L) {
        throw new ControlException("HAND_TOTAL", Integer.toString(list));
      }
      ordered.put(list, value);
    }
    Map<Integer, Long> software = new LinkedHashMap<>();
    List<ResultsModel> results = definitiveResults(c, s).values().stream().map(Definitive::results).toList();
    for (int list : draw.drawnLists()) {
      long sum = 0;
      for (ResultsModel r : results) {
        sum += r.votes().listTotal(list);
      }
      software.put(list, sum);
    }
    List<ListComparison> comparisons = ControlProtocol.compare(draw, ordered, software);
    Progress p = progress(c, s);
    if (!repo.storeComparison(s.id(), ordered, software, p.definitive(), p.total(), k.version())) {
      throw new ControlException("CONCURRENT", null);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.session().number());
    details.put("hand", ControlRepository.totalsText(ordered));
    details.put("software", ControlRepository.totalsText(software));
    details.put("definitive", p.definitive());
    audit.record("CONTROL_HAND_TOTALS_ENTERED", AuditLevel.INFO, actor, details);
    return comparisons;
  }

  /** Records the outcome; remarks are required when a total differs (ControlProtocol.Outcome). */
  @Transactional
  ControlProtocol.Outcome record(CommitteeInfo c, String remarks, long userId, Actor actor) {
    airGap.requireIsolated();
    StoredSession s = session(c);
    StoredCheck k = repo.check(s.id()).orElseThrow(() -> new ControlException("NOT_DRAWN", null));
    if (!"COMPARED".equals(k.status())) {
      throw new ControlException("RECORDED".equals(k.status()) ? "ALREADY_RECORDED" : "NOT_COMPARED", null);
    }
    ListDraw.Result draw = ListDraw.draw(request(k));
    ControlProtocol.Outcome outcome;
    try {
      outcome = new ControlProtocol.Outcome(draw, ControlProtocol.compare(draw, k.handTotals(), k.softwareTotals()),
          remarks);
    } catch (IllegalArgumentException e) {
      throw new ControlException("REMARKS_REQUIRED", e.getMessage());
    }
    if (!repo.storeOutcome(s.id(), outcome.remarks(), userId, Instant.now(clock), k.version())) {
      throw new ControlException("CONCURRENT", null);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.session().number());
    details.put("drawn", draw.drawnLists());
    details.put("totalsMatch", outcome.totalsMatch());
    details.put("remarks", outcome.remarks());
    audit.record("CONTROL_OUTCOME_RECORDED", outcome.totalsMatch() ? AuditLevel.INFO : AuditLevel.WARNING, actor,
        details);
    return outcome;
  }

  // ------------------------------------------------------------------ notable results

  /** The notable flags of the definitive results with the decisions, and what they were computed from. */
  record Notable(NotableThresholds thresholds, int stationsChecked, int stationsTotal,
      List<NotableResultsReport.Item> items, Map<String, StoredDecision> decisions) {}

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  Notable notable(CommitteeInfo c) {
    StoredSession s = session(c);
    NotableThresholds t = thresholds(c);
    Map<Long, Definitive> definitive = definitiveResults(c, s);
    List<StationCounts> stations = new ArrayList<>();
    for (Definitive d : definitive.values()) {
      stations.add(StationSources.fromResults(d.number(), d.name(), d.results()));
    }
    List<NotableFlag> flags = NotableResults.check(stations, t);
    Map<String, StoredDecision> decisions = repo.decisions(s.id());
    List<NotableResultsReport.Item> items = new ArrayList<>();
    for (NotableFlag f : flags) {
      StoredDecision d = decisions.get(f.key());
      items.add(d == null ? new NotableResultsReport.Item(f, Decision.OPEN, "")
          : new NotableResultsReport.Item(f, Decision.valueOf(d.decision()), d.explanation()));
    }
    return new Notable(t, stations.size(), entries.stationCount(c.electionId()), items, decisions);
  }

  /** Records the coordinator's explanation of a flag, or that a recount was ordered. */
  @Transactional
  void decide(CommitteeInfo c, String key, Decision decision, String explanation, long userId, Actor actor) {
    airGap.requireIsolated();
    StoredSession s = session(c);
    if (decision == Decision.OPEN) {
      throw new ControlException("DECISION", null);
    }
    String text = explanation == null ? "" : explanation.strip();
    if (decision == Decision.EXPLAINED && text.isEmpty()) {
      throw new ControlException("EXPLANATION_REQUIRED", key);
    }
    if (text.length() > 2000) {
      throw new ControlException("EXPLANATION_TOO_LONG", key);
    }
    boolean known = notable(c).items().stream().anyMatch(i -> i.flag().key().equals(key));
    if (!known) {
      throw new ControlException("UNKNOWN_FLAG", key);
    }
    repo.storeDecision(s.id(), key, decision.name(), text, userId, Instant.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.session().number());
    details.put("flag", key);
    details.put("decision", decision.name());
    details.put("explanation", text);
    audit.record("NOTABLE_RESULT_DECIDED", decision == Decision.RECOUNT_ORDERED ? AuditLevel.WARNING : AuditLevel.INFO,
        actor, details);
  }

  /** The thresholds of the election: stored ones, or the reference defaults. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  NotableThresholds thresholds(CommitteeInfo c) {
    return repo.thresholds(c.electionId()).orElse(NotableThresholds.DEFAULTS);
  }

  @Transactional
  void changeThresholds(CommitteeInfo c, NotableThresholds t, Actor actor) {
    airGap.requireIsolated();
    repo.storeThresholds(c.electionId(), t, Instant.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", c.electionId());
    details.put("thresholds", t.toString());
    audit.record("NOTABLE_THRESHOLDS_CHANGED", AuditLevel.INFO, actor, details);
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  byte[] notablePdf(CommitteeInfo c) {
    StoredSession s = session(c);
    Notable n = notable(c);
    return renderer.notableResults(new NotableResultsReport(heading(c), s.session().number(), n.thresholds(),
        n.stationsChecked(), n.items(), now()));
  }

  // ------------------------------------------------------------------ helpers

  private record Definitive(int number, String name, ResultsModel results) {}

  /** The definitive result of every polling station of the session, by polling-station id. */
  private Map<Long, Definitive> definitiveResults(CommitteeInfo c, StoredSession s) {
    Map<Long, Definitive> out = new LinkedHashMap<>();
    for (StationStatus st : entries.overview(c.electionId(), s.id(), DataEntryStatus.DEFINITIVE, false)) {
      DataEntryState state = entries.entry(s.id(), st.pollingStationId()).state();
      if (state instanceof DataEntryState.Definitive d) {
        out.put(st.pollingStationId(), new Definitive(st.number(), st.name(), d.first().results()));
      }
    }
    return out;
  }

  private record Progress(int definitive, int total) {}

  private Progress progress(CommitteeInfo c, StoredSession s) {
    Map<DataEntryStatus, Integer> per = entries.countsPerStatus(c.electionId(), s.id());
    int total = 0;
    for (int v : per.values()) {
      total += v;
    }
    return new Progress(per.get(DataEntryStatus.DEFINITIVE), total);
  }

  private StoredSession session(CommitteeInfo c) {
    return entries.currentSession(c.committeeId()).orElseThrow(() -> new ControlException("NO_SESSION", null));
  }

  private ElectionFacts election(CommitteeInfo c) {
    return repo.election(c.electionId()).orElseThrow(() -> new ControlException("NO_SESSION", null));
  }

  private ElectionHeading heading(CommitteeInfo c) {
    ElectionFacts e = election(c);
    // Voter cards (C) exist in every election but the municipal one (abacus.md §3.1).
    return new ElectionHeading(e.name(), e.pollingDay(), e.domainName(), e.domainId(), !"GR".equals(e.category()));
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(DUTCH_TIME)).withNano(0);
  }

  private static ListDraw.Request request(StoredCheck k) {
    return new ListDraw.Request(k.electionIdentifier(), k.sessionNumber(), k.seed(), k.listNumbers(), k.listCount());
  }

  /**
   * The stored lists must be the ones the stored seed gives: a database edited behind the software's back shows
   * up here instead of on a worksheet.
   */
  private static void requireDrawFollowsFromSeed(StoredCheck k) {
    List<Integer> recomputed = ListDraw.draw(request(k)).drawnLists();
    if (!recomputed.equals(k.drawnLists())) {
      throw new IllegalStateException("stored draw " + k.drawnLists() + " does not follow from seed \"" + k.seed()
          + "\" (gives " + recomputed + ")");
    }
  }

  private static boolean matches(StoredCheck k) {
    return k.handTotals() != null && k.handTotals().equals(k.softwareTotals());
  }
}
