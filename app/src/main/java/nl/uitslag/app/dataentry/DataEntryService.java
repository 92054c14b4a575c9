package nl.uitslag.app.dataentry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.backup.BackupService;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.Station;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredEntry;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Accepted;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Refused;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.ErrorResolution;
import nl.uitslag.domain.dataentry.TypistView;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.InvalidResultsException;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CompletionCheck;
import nl.uitslag.domain.session.SessionOutcome;
import nl.uitslag.domain.validation.ValidationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double data entry of polling-station reports at a GSB: the committee session and the double-entry state of
 * each polling station. The rules are the domain's ({@link DoubleEntry}, {@link CommitteeSession}); this
 * service adds the guards outside the machine (session status, air gap, one station per typist at a time),
 * stores the new state under optimistic concurrency and writes the audit event in the same transaction.
 */
@Service
public class DataEntryService {
  /** Refusal keys of the application, besides the domain's {@code Refusal} values. */
  public static final String SESSION_NOT_OPEN = "SESSION_NOT_OPEN";
  public static final String WARNINGS_NOT_ACCEPTED = "WARNINGS_NOT_ACCEPTED";
  public static final String ANOTHER_IN_PROGRESS = "ANOTHER_IN_PROGRESS";

  private final DataEntryRepository repo;
  private final AuditLog audit;
  private final AirGapMonitor airGap;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final BackupService backups;

  public DataEntryService(
      DataEntryRepository repo, AuditLog audit, AirGapMonitor airGap, JdbcClient jdbc, Clock clock,
      BackupService backups) {
    this.repo = repo;
    this.audit = audit;
    this.airGap = airGap;
    this.jdbc = jdbc;
    this.clock = clock;
    this.backups = backups;
  }

  /** What a coordinator can do with the session. */
  public enum SessionAction {
    START,
    PAUSE,
    UNPAUSE,
    COMPLETE,
    REOPEN
  }

  /**
   * The outcome of an operation as the screens need it: the domain's outcome, or a refusal by a guard of the
   * application ({@code refusal} is then the key, and {@code outcome} null).
   */
  public record Step(DataEntryOutcome outcome, String refusal, String detail) {
    static Step of(DataEntryOutcome o) {
      if (o instanceof Refused r) {
        return new Step(o, r.reason().name(), r.detail());
      }
      return new Step(o, null, null);
    }

    static Step refused(String key, String detail) {
      return new Step(null, key, detail);
    }

    public boolean accepted() {
      return refusal == null;
    }
  }

  /** Thrown when the row changed between reading and writing: the whole transaction is rolled back. */
  public static final class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException() {
      super("someone else changed this data entry at the same moment; nothing was stored");
    }
  }

  // ---------------------------------------------------------------- reading

  public Optional<CommitteeInfo> committee(long committeeId) {
    return repo.committee(committeeId);
  }

  /** The committee's current session, or the first session as it would be created (not stored). */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public CommitteeSession session(CommitteeInfo c) {
    return repo.currentSession(c.committeeId()).map(StoredSession::session).orElseGet(() -> fresh(c));
  }

  /** The election's shape: its lists and whether voter cards (C) apply. */
  public ResultsShape shape(CommitteeInfo c) {
    // Voter cards (kiezerspassen) do not exist in municipal and island council elections (abacus.md §3.1).
    boolean voterCards = !("GR".equals(c.category()) || "ER".equals(c.category()));
    return new ResultsShape(repo.listShapes(c.electionId()), voterCards);
  }

  DoubleEntry doubleEntry(CommitteeInfo c, ResultsShape shape, int sessionNumber) {
    ModelVariant variant =
        ModelVariant.forPollingStation(CountingMethod.valueOf(c.countingMethod()), sessionNumber);
    return new DoubleEntry(ValidationContext.withDefaults(shape), shape.emptyResults(variant));
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public DataEntryState state(CommitteeInfo c, long pollingStationId) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    return s.isEmpty() ? new Empty() : repo.entry(s.get().id(), pollingStationId).state();
  }

  /** What the typist may see of their own entry n of the polling station, if they own it. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Optional<TypistView> typistView(CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    DoubleEntry de = doubleEntry(c, shape(c), s.get().session().number());
    return de.typistView(repo.entry(s.get().id(), pollingStationId).state(), n, user);
  }

  // ---------------------------------------------------------------- session

  @Transactional
  public SessionOutcome changeSession(CommitteeInfo c, SessionAction action, Actor actor) {
    airGap.requireIsolated();
    Instant now = Instant.now(clock);
    StoredSession stored = repo.currentSession(c.committeeId()).orElseGet(() -> create(c, actor, now));
    CommitteeSession s = stored.session();
    SessionOutcome outcome;
    switch (action) {
      case START:
        outcome = s.start();
        break;
      case PAUSE:
        outcome = s.pause();
        break;
      case UNPAUSE:
        outcome = s.unpause();
        break;
      case COMPLETE:
        outcome = s.complete(completionCheck(c, stored));
        break;
      default:
        outcome = s.reopen();
    }
    if (outcome instanceof SessionOutcome.Changed changed) {
      // Only an accepted reopening is backed up first: a refused one changes nothing and leaves no trace.
      if (action == SessionAction.REOPEN) {
        backupBeforeRisk(actor);
      }
      if (!repo.updateSession(stored.id(), changed.session(), stored.version(), now)) {
        throw new ConcurrentChangeException();
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("committee", c.committeeId());
      details.put("session", s.number());
      details.put("from", s.status().name());
      details.put("to", changed.session().status().name());
      audit.record("COMMITTEE_SESSION_" + action.name(), AuditLevel.INFO, actor, details);
      if (events != null) {
        events.publishEvent(new CommitteeSessionChanged(
            c.committeeId(), stored.id(), s.number(), s.status(), changed.session().status(), actor));
      }
    }
    return outcome;
  }

  private org.springframework.context.ApplicationEventPublisher events;
  private org.springframework.transaction.support.TransactionTemplate transactions;

  /** The write transaction of a save, taken only around its compare-and-store and audit event. */
  @org.springframework.beans.factory.annotation.Autowired
  void setTransactions(org.springframework.transaction.PlatformTransactionManager manager) {
    this.transactions = new org.springframework.transaction.support.TransactionTemplate(manager);
  }

  /** Refusal key: in a next session, a station whose investigation did not conclude "corrected results". */
  public static final String NOT_ORDERED = "NOT_ORDERED";

  private InvestigationRepository investigations;

  @org.springframework.beans.factory.annotation.Autowired
  void setInvestigations(InvestigationRepository investigations) {
    this.investigations = investigations;
  }

  /**
   * What completing the session waits for. First session: every polling station definitive. Next session
   * (abacus.md §2): every investigation concluded (findings and "corrected results?" answered) and every station
   * with corrected results definitive in this session; the other stations keep their earlier result.
   */
  CompletionCheck completionCheck(CommitteeInfo c, StoredSession stored) {
    if (stored.session().number() == 1) {
      return new CompletionCheck(repo.stationCount(c.electionId())
          - repo.countsPerStatus(c.electionId(), stored.id()).get(DataEntryStatus.DEFINITIVE), 0);
    }
    int inProgress = 0;
    int notDefinitive = 0;
    for (InvestigationRepository.StoredInvestigation i : investigations.forSession(stored.id())) {
      if (!i.concluded()) {
        inProgress++;
      }
      if (i.correctedResults()
          && !(repo.entry(stored.id(), i.pollingStationId()).state() instanceof DataEntryState.Definitive)) {
        notDefinitive++;
      }
    }
    return new CompletionCheck(notDefinitive, inProgress);
  }

  /**
   * The double entry of one polling station in a session. In a next session the form starts from the station's
   * result in force before this session (Na 14-2 Bijlage 1 / Na 14-1 versie 2, abacus.md §3.1 item 3).
   */
  DoubleEntry doubleEntry(CommitteeInfo c, StoredSession s, long pollingStationId) {
    ResultsShape shape = shape(c);
    if (s.session().number() == 1) {
      return doubleEntry(c, shape, 1);
    }
    CountingMethod method = CountingMethod.valueOf(c.countingMethod());
    Optional<DataEntryState.Definitive> before =
        repo.latestDefinitive(c.committeeId(), pollingStationId, s.session().number());
    ResultsModel initial = before.isPresent()
        ? nl.uitslag.domain.results.NextSessionResults.prefilledFrom(
            method, (nl.uitslag.domain.results.PollingStationResults) before.get().first().results())
        : shape.emptyResults(ModelVariant.forPollingStation(method, s.session().number()));
    return new DoubleEntry(ValidationContext.withDefaults(shape), initial);
  }

  /** Whether the station may be entered in the session: always in the first, only when ordered in a next one. */
  private boolean ordered(StoredSession s, long pollingStationId) {
    return s.session().number() == 1 || investigations.ordered(s.id(), pollingStationId);
  }

  /** Where session changes are announced ({@link CommitteeSessionChanged}), e.g. to generate the results files. */
  @org.springframework.beans.factory.annotation.Autowired
  void setEvents(org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
  }

  private CommitteeSession fresh(CommitteeInfo c) {
    CommitteeSession first = CommitteeSession.first();
    if (repo.stationCount(c.electionId()) > 0) {
      return ((SessionOutcome.Changed) first.dataSourceAdded()).session();
    }
    return first;
  }

  private StoredSession create(CommitteeInfo c, Actor actor, Instant now) {
    CommitteeSession s = fresh(c);
    long id = repo.insertSession(c.committeeId(), s, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.number());
    details.put("status", s.status().name());
    audit.record("COMMITTEE_SESSION_CREATED", AuditLevel.INFO, actor, details);
    return new StoredSession(id, c.committeeId(), s, 1);
  }

  // ---------------------------------------------------------------- typist operations

  /** Start or resume entry n of a polling station. */
  @Transactional
  public Step claim(CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user, Actor actor) {
    return typistOperation(c, pollingStationId, n, actor, (de, state, now) -> {
      boolean newClaim = state instanceof Empty && n == EntryNumber.FIRST
          || state instanceof FirstEntryFinalised && n == EntryNumber.SECOND;
      if (newClaim && busyElsewhere(pollingStationId, user)) {
        return Step.refused(ANOTHER_IN_PROGRESS, "finish or discard your other polling station first");
      }
      return Step.of(de.claim(state, n, user, now));
    });
  }

  /**
   * Save the typed values (path → value) into entry n; values of fields not named keep their value. Never
   * blocked by validation errors. Reads the entry without the write lock and stores it under optimistic
   * versioning: see {@link #save(SaveSnapshot, Map, int, Actor)}.
   */
  public Step save(
      CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user, Map<String, FieldValue> values,
      int progress, Actor actor) {
    Optional<SaveSnapshot> snapshot = readForSave(c, pollingStationId, n, user);
    if (snapshot.isEmpty()) {
      airGap.requireIsolated();
      return Step.refused(SESSION_NOT_OPEN, "data entry is not open");
    }
    return save(snapshot.get(), values, progress, actor);
  }

  /**
   * A typist's entry as read for a save, without SQLite's write lock (one WAL snapshot per query): the current
   * session, the stored state and its version, and what the typist may see of it ({@code view} empty: not
   * theirs), as {@link #typistView} shows it. The screens parse the typed form against {@code view}, so one save
   * request reads and decodes the entry once.
   */
  public record SaveSnapshot(
      CommitteeInfo committee, StoredSession session, Station station, long pollingStationId, EntryNumber entry,
      UserId user, DoubleEntry doubleEntry, StoredEntry stored, Optional<TypistView> view) {}

  /** Reads entry n of the polling station for a save; empty when the committee has no session yet. */
  public Optional<SaveSnapshot> readForSave(CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    // A polling station of another election has no entry of this typist: nothing to save into.
    Optional<Station> station = repo.station(c.electionId(), pollingStationId);
    DoubleEntry de = doubleEntry(c, shape(c), s.get().session().number());
    StoredEntry stored = station.isPresent() ? repo.entry(s.get().id(), pollingStationId) : new StoredEntry(new Empty(), 0);
    return Optional.of(new SaveSnapshot(c, s.get(), station.orElse(null), pollingStationId, n, user, de, stored,
        station.isPresent() ? de.typistView(stored.state(), n, user) : Optional.empty()));
  }

  /** Held while the write transaction of a batch of saves runs; saves wait for it in order of arrival. */
  private final ReentrantLock saveWrites = new ReentrantLock(true);

  /** How often a save is computed again when its entry changed between reading and storing. */
  private static final int SAVE_ATTEMPTS = 5;

  /**
   * Save the typed values into the entry read in {@code snapshot}. The new state, its validation and its JSON
   * are computed without the write lock; SQLite's IMMEDIATE transaction holds only the check that the session
   * and the entry are still the versions read, the versioned UPDATE and the audit event, so the typists' saves
   * do their work in parallel and queue only for the write itself (issue 10). synchronous=FULL still makes every
   * acknowledged save durable, and the change and its audit event are stored together or not at all. When
   * someone changed the session or the entry in between (the typist's own save and autosave crossing, a
   * coordinator pausing), the save is computed again on what is stored now, with the same rules as the first
   * time; after {@value #SAVE_ATTEMPTS} lost races it gives up with a {@link ConcurrentChangeException}.
   */
  public Step save(SaveSnapshot snapshot, Map<String, FieldValue> values, int progress, Actor actor) {
    return save(snapshot, values, null, progress, actor, SaveTiming.none());
  }

  /**
   * Like {@link #save(SaveSnapshot, Map, int, Actor)}, with the typed results already applied by the caller
   * ({@code typed} must be {@code snapshot}'s results {@code with(values)}, or null) so a request applies the
   * 1103 values of a TK form once, and with the phases of the save timed into {@code timing}.
   */
  Step save(SaveSnapshot snapshot, Map<String, FieldValue> values, ResultsModel typed, int progress, Actor actor,
      SaveTiming timing) {
    airGap.requireIsolated();
    SaveSnapshot current = snapshot;
    ResultsModel applied = typed;
    for (int attempt = 1; ; attempt++) {
      timing.attempts = attempt;
      Optional<Step> done = trySave(current, values, applied, progress, actor, timing);
      if (done.isPresent()) {
        return done.get();
      }
      if (attempt == SAVE_ATTEMPTS) {
        throw new ConcurrentChangeException();
      }
      // The values applied to the snapshot read before are no use on what is stored now.
      applied = null;
      Optional<SaveSnapshot> again = readForSave(current.committee(), current.pollingStationId(), current.entry(),
          current.user());
      timing.readNanos += timing.lap();
      if (again.isEmpty()) {
        return Step.refused(SESSION_NOT_OPEN, "data entry is not open");
      }
      current = again.get();
    }
  }

  /** One attempt: the step, or empty when the session or the entry changed since {@code s} was read. */
  private Optional<Step> trySave(SaveSnapshot s, Map<String, FieldValue> values, ResultsModel typed, int progress,
      Actor actor, SaveTiming timing) {
    // Typists act only while the session is in data entry (docs/DATA-ENTRY.md §2.2, guards); re-checked below
    // inside the write transaction.
    if (!s.session().session().status().typistsMayEnter()) {
      return Optional.of(Step.refused(SESSION_NOT_OPEN, "data entry is not open"));
    }
    if (s.view().isEmpty()) {
      // Not this user's entry in progress: nothing to save into.
      return Optional.of(Step.refused("NOT_THE_OWNER", "no entry " + s.entry().number() + " of yours in progress here"));
    }
    ResultsModel updated;
    try {
      updated = typed != null ? typed : s.view().get().results().with(values);
    } catch (InvalidResultsException e) {
      return Optional.of(Step.refused("INVALID_RESULTS", e.getMessage()));
    }
    Instant now = Instant.now(clock);
    Step step = Step.of(s.doubleEntry().save(s.stored().state(), s.entry(), s.user(), updated, progress, "", now));
    if (!(step.outcome() instanceof Accepted a)) {
      timing.computeNanos += timing.lap();
      return Optional.of(step);
    }
    String json = a.state().equals(s.stored().state()) ? null : DataEntryStateJson.write(a.state());
    timing.computeNanos += timing.lap();
    return storeSaved(new PendingWrite(s, a, json, now, actor), timing) ? Optional.of(step) : Optional.empty();
  }

  /** A computed save waiting for its write; the fields below {@code actor} are set by whoever writes it. */
  private static final class PendingWrite {
    final SaveSnapshot snapshot;
    final Accepted accepted;
    final String json;
    final Instant now;
    final Actor actor;
    final long queuedAt = System.nanoTime();
    boolean written;
    boolean stored;
    RuntimeException failure;
    /** The batch that held this save: when its transaction began, its phases and its number of saves. */
    long batchStartedAt;
    long writeNanos;
    long auditNanos;
    long commitNanos;
    int batchSize;

    PendingWrite(SaveSnapshot snapshot, Accepted accepted, String json, Instant now, Actor actor) {
      this.snapshot = snapshot;
      this.accepted = accepted;
      this.json = json;
      this.now = now;
      this.actor = actor;
    }
  }

  /** Computed saves whose write has not started yet, in order of arrival (guarded by itself). */
  private final List<PendingWrite> pendingWrites = new java.util.ArrayList<>();

  /**
   * Stores a computed save, true when stored, false when the session or entry changed since it was read. The
   * writes of saves that arrive while another save's transaction commits are stored together in the next
   * transaction (group commit): each is still checked against its own versions and audited, and every one is
   * acknowledged only once the transaction holding it is committed with synchronous=FULL. One fsync then serves
   * many typists; under I/O load that fsync, not the CPU, was what limited the number of saves per second
   * (issue 10). Waiting happens in a fair Java lock, in order of arrival, instead of in SQLite's busy handler,
   * which polls with sleeps of up to 100 ms and leaves the write lock idle in between.
   */
  private boolean storeSaved(PendingWrite mine, SaveTiming timing) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
      // Inside a caller's transaction the save commits with it, so it must not carry other typists' saves,
      // which would be acknowledged before that commit.
      long[] audit = new long[1];
      boolean stored = writeOne(mine, audit, new java.util.HashMap<>());
      timing.writeNanos += timing.lap();
      timing.auditNanos += audit[0];
      timing.batchSize = 1;
      return stored;
    }
    synchronized (pendingWrites) {
      pendingWrites.add(mine);
    }
    saveWrites.lock();
    try {
      if (!mine.written) {
        List<PendingWrite> batch;
        synchronized (pendingWrites) {
          batch = List.copyOf(pendingWrites);
          pendingWrites.clear();
        }
        writeTogether(batch);
      }
    } finally {
      saveWrites.unlock();
    }
    timing.lockWaitNanos += mine.batchStartedAt - mine.queuedAt;
    timing.writeNanos += mine.writeNanos;
    timing.auditNanos += mine.auditNanos;
    timing.commitNanos += mine.commitNanos;
    timing.batchSize = mine.batchSize;
    timing.restartLap();
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.stored;
  }

  /** One IMMEDIATE transaction for the batch: all of its stored saves are committed, or none. */
  private void writeTogether(List<PendingWrite> batch) {
    boolean[] stored = new boolean[batch.size()];
    long[] audit = new long[1];
    long[] statementsDone = new long[1];
    RuntimeException failure = null;
    long started = System.nanoTime();
    try {
      transactions.executeWithoutResult(tx -> {
        // Inside the write transaction nobody else changes a session, so each committee's is read once.
        Map<Long, Optional<StoredSession>> sessions = new java.util.HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
          stored[i] = writeOne(batch.get(i), audit, sessions);
        }
        statementsDone[0] = System.nanoTime();
      });
    } catch (RuntimeException e) {
      failure = e;
    }
    long ended = System.nanoTime();
    long statementsEnd = statementsDone[0] == 0 ? ended : statementsDone[0];
    for (int i = 0; i < batch.size(); i++) {
      PendingWrite w = batch.get(i);
      w.written = true;
      w.stored = failure == null && stored[i];
      w.failure = failure;
      w.batchStartedAt = started;
      w.writeNanos = statementsEnd - started;
      w.auditNanos = audit[0];
      w.commitNanos = ended - statementsEnd;
      w.batchSize = batch.size();
    }
  }

  /**
   * The compare-and-store of one save with its audit event; false (nothing written) when it lost a race. Adds
   * the time of the audit event to {@code auditNanos[0]}; {@code sessions} holds the committees' sessions as
   * read in this write transaction.
   */
  private boolean writeOne(PendingWrite w, long[] auditNanos, Map<Long, Optional<StoredSession>> sessions) {
    SaveSnapshot s = w.snapshot;
    Optional<StoredSession> session =
        sessions.computeIfAbsent(s.committee().committeeId(), repo::currentSession);
    if (session.isEmpty() || !session.get().equals(s.session())) {
      return false;
    }
    if (w.json != null && !repo.storeEntry(s.session().id(), s.pollingStationId(), w.accepted.state(), w.json,
        s.stored().version(), w.now)) {
      return false;
    }
    long auditStart = System.nanoTime();
    auditEntryChange(s.committee(), s.session(), s.station(), s.entry(), null, s.stored().state(), w.accepted,
        w.actor);
    auditNanos[0] += System.nanoTime() - auditStart;
    return true;
  }

  /** Finish entry n; when the entry has warnings, only once the typist accepted them. */
  @Transactional
  public Step finalise(
      CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user, boolean warningsAccepted, Actor actor) {
    return typistOperation(c, pollingStationId, n, actor, (de, state, now) -> {
      Optional<TypistView> view = de.typistView(state, n, user);
      // Warnings must be accepted by the typist before finishing (abacus.md §4, product.md §3).
      if (view.isPresent() && view.get().validation().hasWarnings() && !warningsAccepted) {
        return Step.refused(WARNINGS_NOT_ACCEPTED, "accept the warnings first");
      }
      return Step.of(de.finalise(state, n, user, now));
    });
  }

  /** Throw away the typist's own unfinished entry n. */
  @Transactional
  public Step discard(CommitteeInfo c, long pollingStationId, EntryNumber n, UserId user, Actor actor) {
    return typistOperation(c, pollingStationId, n, actor, (de, state, now) -> Step.of(de.discard(state, n, user, now)));
  }

  // ---------------------------------------------------------------- coordinator operations

  @Transactional
  public Step resolveDifferences(
      CommitteeInfo c, long pollingStationId, DifferenceResolution action, UserId coordinator, Actor actor) {
    return coordinatorOperation(c, pollingStationId, actor, action.name(),
        action == DifferenceResolution.DISCARD_BOTH,
        (de, state, now) -> Step.of(de.resolveDifferences(state, action, coordinator, now)));
  }

  @Transactional
  public Step resolveErrors(
      CommitteeInfo c, long pollingStationId, ErrorResolution action, UserId coordinator, Actor actor) {
    return coordinatorOperation(c, pollingStationId, actor, action.name(),
        action == ErrorResolution.DISCARD_FIRST_ENTRY,
        (de, state, now) -> Step.of(de.resolveErrors(state, action, coordinator, now)));
  }

  /**
   * Throw away every entry of a polling station (e.g. a definitive result found wrong after resuming a
   * completed session), so that it is entered twice again; refused while errors or differences await a decision.
   */
  @Transactional
  public Step reset(CommitteeInfo c, long pollingStationId, UserId coordinator, Actor actor) {
    return coordinatorOperation(c, pollingStationId, actor, "RESET", true,
        (de, state, now) -> Step.of(de.reset(state, coordinator, now)));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Reopening a completed session and throwing a polling station's entries away are hard to undo by hand: a
   * checked copy from just before makes them undoable (issue 10). The copy is read on its own connection, so it
   * holds the last committed state, without this transaction's change; when no copy can be made, the operation
   * is refused (the exception rolls it back).
   */
  private void backupBeforeRisk(Actor actor) {
    backups.backup(BackupService.Reason.BEFORE_RISKY_OPERATION, actor);
  }

  private interface Operation {
    Step apply(DoubleEntry de, DataEntryState state, Instant now);
  }

  private Step typistOperation(
      CommitteeInfo c, long pollingStationId, EntryNumber n, Actor actor, Operation op) {
    airGap.requireIsolated();
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    // Typists act only while the session is in data entry (docs/DATA-ENTRY.md §2.2, guards).
    if (s.isEmpty() || !s.get().session().status().typistsMayEnter()) {
      return Step.refused(SESSION_NOT_OPEN, "data entry is not open");
    }
    return apply(c, s.get(), pollingStationId, n, actor, null, false, op);
  }

  private Step coordinatorOperation(
      CommitteeInfo c, long pollingStationId, Actor actor, String resolution, boolean risky, Operation op) {
    airGap.requireIsolated();
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    if (s.isEmpty() || !s.get().session().status().coordinatorsMayResolve()) {
      return Step.refused(SESSION_NOT_OPEN, "data entry is not open");
    }
    return apply(c, s.get(), pollingStationId, null, actor, resolution, risky, op);
  }

  private Step apply(
      CommitteeInfo c, StoredSession s, long pollingStationId, EntryNumber n, Actor actor, String resolution,
      boolean risky, Operation op) {
    Station station = repo.station(c.electionId(), pollingStationId)
        .orElseThrow(() -> new IllegalArgumentException("no polling station " + pollingStationId));
    // In a next session only stations whose investigation concluded "corrected results" are entered (abacus.md §2).
    if (!ordered(s, pollingStationId)) {
      return Step.refused(NOT_ORDERED, "polling station " + station.number() + " has no corrected results ordered");
    }
    Instant now = Instant.now(clock);
    DoubleEntry de = doubleEntry(c, s, pollingStationId);
    StoredEntry stored = repo.entry(s.id(), pollingStationId);
    Step step = op.apply(de, stored.state(), now);
    if (step.outcome() instanceof Accepted a) {
      // Throwing entries away is backed up first, but only once the machine accepted it (a refusal stores nothing).
      if (risky) {
        backupBeforeRisk(actor);
      }
      if (!a.state().equals(stored.state())
          && !repo.storeEntry(s.id(), pollingStationId, a.state(), stored.version(), now)) {
        throw new ConcurrentChangeException();
      }
      auditEntryChange(c, s, station, n, resolution, stored.state(), a, actor);
    }
    return step;
  }

  private void auditEntryChange(
      CommitteeInfo c, StoredSession s, Station station, EntryNumber n, String resolution, DataEntryState from,
      Accepted a, Actor actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", c.electionId());
    details.put("committee", c.committeeId());
    details.put("session", s.session().number());
    details.put("pollingStation", station.number());
    if (n != null) {
      details.put("entry", n.number());
    }
    if (resolution != null) {
      details.put("resolution", resolution);
    }
    details.put("from", from.status().name());
    details.put("to", a.state().status().name());
    audit.record("DATA_ENTRY_" + a.event().name(), AuditLevel.INFO, actor, details);
  }

  /** Whether the user has an entry in progress at another polling station (one at a time, issue 5). */
  private boolean busyElsewhere(long pollingStationId, UserId user) {
    return jdbc.sql(
                "SELECT count(*) FROM polling_station_entry WHERE polling_station_id <> ? AND ("
                    + "(status = 'FIRST_ENTRY_IN_PROGRESS' AND first_by = ?)"
                    + " OR (status = 'SECOND_ENTRY_IN_PROGRESS' AND second_by = ?))"
                    + " AND session_id IN (SELECT id FROM committee_session WHERE status = 'DATA_ENTRY')")
            .params(pollingStationId, user.value(), user.value())
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The overview lines, filtered and sorted in SQL. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public List<DataEntryRepository.StationStatus> overview(
      CommitteeInfo c, DataEntryStatus only, boolean descending) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    return repo.overview(c.electionId(), s.map(StoredSession::id).orElse(-1L), only, descending);
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Map<DataEntryStatus, Integer> counts(CommitteeInfo c) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    return repo.countsPerStatus(c.electionId(), s.map(StoredSession::id).orElse(-1L));
  }
}
