package nl.uitslag.app.dataentry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.backup.BackupService;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.Station;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.app.dataentry.InvestigationRepository.StoredInvestigation;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import nl.uitslag.domain.session.SessionOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A GSB's next session (volgende zitting, corrigendum) after the CSB ordered investigations (abacus.md §2):
 * creating session N+1 once session N is completed, and the coordinator's record of each investigation — the
 * polling station, the reason and assignment (aanleiding en opdracht), the findings (bevindingen) and whether
 * the results are corrected. Only a "yes" opens a double entry of that station in the session. Every change is
 * audited in its own transaction.
 */
@Service
public class NextSessionService {
  /** Longest reason or findings text kept (a few paragraphs of the CSB's order or the GSB's report). */
  public static final int MAX_TEXT = 4000;

  /** Why an operation was refused; nothing was stored. */
  public enum Refusal {
    /** No session exists yet, or the current one is not completed (abacus.md §2: only after completion). */
    PREVIOUS_NOT_COMPLETED,
    /** Investigations belong to a next session, not to the first. */
    NOT_NEXT_SESSION,
    /** The session is completed: the coordinator resumes it first (its files would no longer match). */
    SESSION_COMPLETED,
    /** No such polling station in the election. */
    NO_STATION,
    /** The station already has an investigation in this session. */
    ALREADY_INVESTIGATED,
    /** No investigation of this station in this session. */
    NOT_FOUND,
    /** The reason is empty. */
    REASON_EMPTY,
    /** "Corrected results?" is answered without findings. */
    FINDINGS_REQUIRED,
    /** A text is longer than {@link #MAX_TEXT}. */
    TOO_LONG
  }

  private final DataEntryRepository repo;
  private final InvestigationRepository investigations;
  private final AuditLog audit;
  private final AirGapMonitor airGap;
  private final BackupService backups;
  private final Clock clock;

  public NextSessionService(DataEntryRepository repo, InvestigationRepository investigations, AuditLog audit,
      AirGapMonitor airGap, BackupService backups, Clock clock) {
    this.repo = repo;
    this.investigations = investigations;
    this.audit = audit;
    this.airGap = airGap;
    this.backups = backups;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- reading

  /** The investigations of the committee's current session (empty in a first session). */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public List<StoredInvestigation> investigations(CommitteeInfo c) {
    return repo.currentSession(c.committeeId()).map(s -> investigations.forSession(s.id())).orElse(List.of());
  }

  // ---------------------------------------------------------------- next session

  /**
   * Creates session N+1 after session N is completed; session N becomes read-only (every screen works on the
   * latest session). Audited as {@code COMMITTEE_SESSION_CREATED}.
   */
  @Transactional
  public Optional<Refusal> startNextSession(CommitteeInfo c, Actor actor) {
    airGap.requireIsolated();
    Optional<StoredSession> current = repo.currentSession(c.committeeId());
    if (current.isEmpty()) {
      return Optional.of(Refusal.PREVIOUS_NOT_COMPLETED);
    }
    SessionOutcome outcome = CommitteeSession.next(current.get().session());
    if (!(outcome instanceof SessionOutcome.Changed changed)) {
      return Optional.of(Refusal.PREVIOUS_NOT_COMPLETED);
    }
    Instant now = Instant.now(clock);
    repo.insertSession(c.committeeId(), changed.session(), now);
    Map<String, Object> details = details(c, changed.session());
    details.put("status", changed.session().status().name());
    details.put("previous", current.get().session().number());
    audit.record("COMMITTEE_SESSION_CREATED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  // ---------------------------------------------------------------- investigations

  /** Records a new investigation of a polling station ordered by the CSB (reason and assignment). */
  @Transactional
  public Optional<Refusal> add(CommitteeInfo c, long pollingStationId, String reason, Actor actor) {
    airGap.requireIsolated();
    Optional<StoredSession> s = open(c);
    Optional<Refusal> refused = s.isEmpty() ? Optional.of(refusal(c)) : text(reason, null, null);
    if (refused.isPresent()) {
      return refused;
    }
    Optional<Station> station = repo.station(c.electionId(), pollingStationId);
    if (station.isEmpty()) {
      return Optional.of(Refusal.NO_STATION);
    }
    Instant now = Instant.now(clock);
    if (!investigations.insert(s.get().id(), pollingStationId, reason.strip(), now)) {
      return Optional.of(Refusal.ALREADY_INVESTIGATED);
    }
    // An investigation is a data source of a next session: the first one makes the session ready for entry.
    changeStatus(s.get(), s.get().session().dataSourceAdded(), now);
    Map<String, Object> details = details(c, s.get().session());
    details.put("pollingStation", station.get().number());
    details.put("reason", reason.strip());
    audit.record("INVESTIGATION_CREATED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  /**
   * Changes an investigation: its reason, findings and whether the results are corrected (null = not decided
   * yet). When the answer stops being "yes", the station's entry in this session, if any, is thrown away (after
   * a backup), as its first-session result stands again.
   */
  @Transactional
  public Optional<Refusal> update(CommitteeInfo c, long pollingStationId, String reason, String findings,
      Boolean corrected, Actor actor) {
    airGap.requireIsolated();
    Optional<StoredSession> s = open(c);
    if (s.isEmpty()) {
      return Optional.of(refusal(c));
    }
    Optional<StoredInvestigation> existing = investigations.find(s.get().id(), pollingStationId);
    if (existing.isEmpty()) {
      return Optional.of(Refusal.NOT_FOUND);
    }
    String f = findings == null || findings.isBlank() ? null : findings.strip();
    Optional<Refusal> refused = text(reason, f, corrected);
    if (refused.isPresent()) {
      return refused;
    }
    Instant now = Instant.now(clock);
    boolean entryDiscarded = existing.get().correctedResults() && !Boolean.TRUE.equals(corrected)
        && discardEntry(s.get(), pollingStationId, actor, now);
    investigations.update(s.get().id(), pollingStationId, reason.strip(), f, corrected, now);
    changeStatus(s.get(), s.get().session().dataSourceChanged(), now);
    Map<String, Object> details = details(c, s.get().session());
    details.put("pollingStation", existing.get().stationNumber());
    details.put("reason", reason.strip());
    details.put("findings", f);
    details.put("correctedResults", corrected);
    details.put("entryDiscarded", entryDiscarded);
    audit.record("INVESTIGATION_UPDATED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  /** Removes an investigation (and the station's entry in this session, after a backup). */
  @Transactional
  public Optional<Refusal> delete(CommitteeInfo c, long pollingStationId, Actor actor) {
    airGap.requireIsolated();
    Optional<StoredSession> s = open(c);
    if (s.isEmpty()) {
      return Optional.of(refusal(c));
    }
    Optional<StoredInvestigation> existing = investigations.find(s.get().id(), pollingStationId);
    if (existing.isEmpty()) {
      return Optional.of(Refusal.NOT_FOUND);
    }
    Instant now = Instant.now(clock);
    boolean entryDiscarded = discardEntry(s.get(), pollingStationId, actor, now);
    investigations.delete(s.get().id(), pollingStationId);
    changeStatus(s.get(), investigations.count(s.get().id()) == 0
        ? s.get().session().lastDataSourceRemoved() : s.get().session().dataSourceChanged(), now);
    Map<String, Object> details = details(c, s.get().session());
    details.put("pollingStation", existing.get().stationNumber());
    details.put("entryDiscarded", entryDiscarded);
    audit.record("INVESTIGATION_DELETED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  // ---------------------------------------------------------------- helpers

  /** The current session when investigations may change in it: a next session that is not completed. */
  private Optional<StoredSession> open(CommitteeInfo c) {
    return repo.currentSession(c.committeeId())
        .filter(s -> s.session().number() > 1 && s.session().status() != CommitteeSessionStatus.COMPLETED);
  }

  private Refusal refusal(CommitteeInfo c) {
    Optional<StoredSession> s = repo.currentSession(c.committeeId());
    return s.isPresent() && s.get().session().number() > 1 ? Refusal.SESSION_COMPLETED : Refusal.NOT_NEXT_SESSION;
  }

  private static Optional<Refusal> text(String reason, String findings, Boolean corrected) {
    if (reason == null || reason.isBlank()) {
      return Optional.of(Refusal.REASON_EMPTY);
    }
    if (reason.strip().length() > MAX_TEXT || findings != null && findings.length() > MAX_TEXT) {
      return Optional.of(Refusal.TOO_LONG);
    }
    // The GSB decides on corrected results as the outcome of its findings (model P 2a records both).
    if (corrected != null && findings == null) {
      return Optional.of(Refusal.FINDINGS_REQUIRED);
    }
    return Optional.empty();
  }

  private boolean discardEntry(StoredSession s, long pollingStationId, Actor actor, Instant now) {
    DataEntryRepository.StoredEntry e = repo.entry(s.id(), pollingStationId);
    if (e.version() == 0 || e.state() instanceof DataEntryState.Empty) {
      return false;
    }
    // Throwing typed entries away is hard to undo by hand: a checked copy first, as for a reset (issue 10).
    backups.backup(BackupService.Reason.BEFORE_RISKY_OPERATION, actor);
    return repo.clearEntry(s.id(), pollingStationId, now);
  }

  private void changeStatus(StoredSession s, SessionOutcome outcome, Instant now) {
    if (outcome instanceof SessionOutcome.Changed changed && !changed.session().equals(s.session())
        && !repo.updateSession(s.id(), changed.session(), s.version(), now)) {
      throw new DataEntryService.ConcurrentChangeException();
    }
  }

  private static Map<String, Object> details(CommitteeInfo c, CommitteeSession session) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", session.number());
    return details;
  }
}
