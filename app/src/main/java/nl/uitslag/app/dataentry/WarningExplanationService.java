package nl.uitslag.app.dataentry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.Definitive;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.Severity;
import nl.uitslag.domain.validation.ValidationResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's explanation of warnings that a typist accepted on a finished entry of a polling station
 * (issue 5: "the coordinator can record an explanation for a warning, kept for the report").
 */
@Service
public class WarningExplanationService {
  /** Longest explanation kept: a few sentences for the report, not a document. */
  public static final int MAX_LENGTH = 2000;

  private final DataEntryService dataEntry;
  private final DataEntryRepository repo;
  private final WarningExplanationRepository explanations;
  private final AuditLog audit;
  private final Clock clock;

  public WarningExplanationService(
      DataEntryService dataEntry, DataEntryRepository repo, WarningExplanationRepository explanations,
      AuditLog audit, Clock clock) {
    this.dataEntry = dataEntry;
    this.repo = repo;
    this.explanations = explanations;
    this.audit = audit;
    this.clock = clock;
  }

  /** Why an explanation was not recorded; nothing is stored and no audit event is written. */
  public enum Refusal {
    NO_FINISHED_ENTRY,
    NOT_A_WARNING_OF_THIS_ENTRY,
    EMPTY,
    TOO_LONG
  }

  /**
   * The warnings of the finished entry of the polling station (the finalised first entry, or the definitive
   * result), or empty when there is no finished entry to explain.
   */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Optional<List<ValidationResult>> warnings(CommitteeInfo c, long pollingStationId) {
    Optional<ResultsModel> results = finishedResults(dataEntry.state(c, pollingStationId));
    if (results.isEmpty()) {
      return Optional.empty();
    }
    var de = dataEntry.doubleEntry(c, dataEntry.shape(c), dataEntry.session(c).number());
    return Optional.of(de.validate(results.get()).all().stream()
        .filter(r -> r.severity() == Severity.WARNING)
        .toList());
  }

  /** The explanations recorded for the polling station in the current session, by code. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Map<String, String> recorded(CommitteeInfo c, long pollingStationId) {
    Map<String, String> out = new LinkedHashMap<>();
    repo.currentSession(c.committeeId()).ifPresent(s -> explanations.forStation(s.id(), pollingStationId)
        .forEach(e -> out.put(e.code(), e.explanation())));
    return out;
  }

  /** Records (or replaces) the explanation of one warning; empty when it was stored, else why not. */
  @Transactional
  public Optional<Refusal> record(
      CommitteeInfo c, long pollingStationId, String code, String text, long coordinatorId, Actor actor) {
    Optional<StoredSession> session = repo.currentSession(c.committeeId());
    Optional<List<ValidationResult>> warnings = warnings(c, pollingStationId);
    if (session.isEmpty() || warnings.isEmpty()) {
      return Optional.of(Refusal.NO_FINISHED_ENTRY);
    }
    if (warnings.get().stream().noneMatch(w -> w.code().code().equals(code))) {
      return Optional.of(Refusal.NOT_A_WARNING_OF_THIS_ENTRY);
    }
    String explanation = text == null ? "" : text.strip();
    if (explanation.isEmpty()) {
      return Optional.of(Refusal.EMPTY);
    }
    if (explanation.length() > MAX_LENGTH) {
      return Optional.of(Refusal.TOO_LONG);
    }
    Instant now = Instant.now(clock);
    explanations.store(session.get().id(), pollingStationId, code, explanation, coordinatorId, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", c.electionId());
    details.put("committee", c.committeeId());
    details.put("session", session.get().session().number());
    details.put("pollingStation", repo.station(c.electionId(), pollingStationId).orElseThrow().number());
    details.put("code", code);
    details.put("explanation", explanation);
    audit.record("WARNING_EXPLANATION_RECORDED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  private static Optional<ResultsModel> finishedResults(DataEntryState state) {
    if (state instanceof FirstEntryFinalised f) {
      return Optional.of(f.first().results());
    }
    if (state instanceof Definitive d) {
      return Optional.of(d.first().results());
    }
    return Optional.empty();
  }
}
