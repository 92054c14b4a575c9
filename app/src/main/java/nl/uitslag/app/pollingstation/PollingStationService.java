package nl.uitslag.app.pollingstation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import nl.uitslag.domain.session.SessionOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's polling stations (stembureaus) of an election, added, edited and removed by hand when no
 * 110b is available or it was incomplete. A polling station whose data entry has started is never changed
 * (abacus.md §5: the administrator edits polling stations only before data entry).
 */
@Service
public class PollingStationService {
  private static final Pattern POSTCODE = Pattern.compile("\\d{4} ?[A-Z]{2}");
  static final int MAX_NUMBER = 99_999;

  private final JdbcClient jdbc;
  private final DataEntryRepository dataEntry;
  private final AuditLog audit;
  private final Clock clock;

  public PollingStationService(JdbcClient jdbc, DataEntryRepository dataEntry, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.dataEntry = dataEntry;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the administrator types for a polling station. */
  public record Form(Integer number, String name, String postcode, String locality, String kind, Long eligibleVoters) {
    static Form empty() {
      return new Form(null, "", "", "", "FIXED", null);
    }
  }

  /** A stored polling station, with whether its data entry has started (then it cannot be changed). */
  public record Station(
      long id, int number, String name, String postcode, String locality, String kind, Long eligibleVoters,
      boolean entryStarted) {}

  /** Why a change was refused; nothing is stored and no audit event is written. */
  public enum Refusal {
    NUMBER_INVALID,
    NUMBER_TAKEN,
    NAME_INVALID,
    POSTCODE_INVALID,
    KIND_INVALID,
    VOTERS_INVALID,
    ENTRY_STARTED,
    SESSION_COMPLETED,
    NOT_FOUND
  }

  /** The election's name, or empty when it does not exist. */
  public Optional<String> electionName(long electionId) {
    return jdbc.sql("SELECT name FROM election WHERE id = ?").param(electionId).query(String.class).optional();
  }

  public List<Station> list(long electionId) {
    return jdbc.sql(
            "SELECT ps.*, EXISTS (SELECT 1 FROM polling_station_entry e WHERE e.polling_station_id = ps.id)"
                + " AS started FROM polling_station ps WHERE ps.election_id = ? ORDER BY ps.number")
        .param(electionId)
        .query(PollingStationService::row)
        .list();
  }

  public Optional<Station> find(long electionId, long id) {
    return list(electionId).stream().filter(s -> s.id() == id).findFirst();
  }

  /** Adds a polling station; empty when stored. */
  @Transactional
  public Optional<Refusal> add(long electionId, Form form, Actor actor) {
    Optional<Refusal> invalid = check(electionId, null, form);
    if (invalid.isPresent()) {
      return invalid;
    }
    Optional<StoredSession> session = gsbSession(electionId);
    if (session.isPresent() && session.get().session().status() == CommitteeSessionStatus.COMPLETED) {
      // Adding to a completed session would reopen it and invalidate its documents: the coordinator's decision.
      return Optional.of(Refusal.SESSION_COMPLETED);
    }
    long id = jdbc.sql(
            "INSERT INTO polling_station (election_id, number, name, postcode, locality, kind, eligible_voters)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(electionId, form.number(), form.name().strip(), postcode(form), blankToNull(form.locality()),
            form.kind(), form.eligibleVoters())
        .query(Long.class)
        .single();
    audit.record("POLLING_STATION_CREATED", AuditLevel.INFO, actor, details(electionId, id, form));
    // The first data source moves a created session to "ready for data entry" (abacus.md §3.2).
    session.ifPresent(s -> applySession(s, s.session().dataSourceAdded(), actor));
    return Optional.empty();
  }

  /** Changes a polling station whose data entry has not started; empty when stored. */
  @Transactional
  public Optional<Refusal> update(long electionId, long id, Form form, Actor actor) {
    Optional<Station> existing = find(electionId, id);
    if (existing.isEmpty()) {
      return Optional.of(Refusal.NOT_FOUND);
    }
    if (existing.get().entryStarted()) {
      return Optional.of(Refusal.ENTRY_STARTED);
    }
    Optional<Refusal> invalid = check(electionId, id, form);
    if (invalid.isPresent()) {
      return invalid;
    }
    jdbc.sql(
            "UPDATE polling_station SET number = ?, name = ?, postcode = ?, locality = ?, kind = ?,"
                + " eligible_voters = ? WHERE id = ? AND election_id = ?")
        .params(form.number(), form.name().strip(), postcode(form), blankToNull(form.locality()), form.kind(),
            form.eligibleVoters(), id, electionId)
        .update();
    Map<String, Object> details = details(electionId, id, form);
    details.put("before", existing.get().number() + " " + existing.get().name());
    audit.record("POLLING_STATION_UPDATED", AuditLevel.INFO, actor, details);
    return Optional.empty();
  }

  /** Removes a polling station whose data entry has not started; empty when removed. */
  @Transactional
  public Optional<Refusal> delete(long electionId, long id, Actor actor) {
    Optional<Station> existing = find(electionId, id);
    if (existing.isEmpty()) {
      return Optional.of(Refusal.NOT_FOUND);
    }
    if (existing.get().entryStarted()) {
      return Optional.of(Refusal.ENTRY_STARTED);
    }
    jdbc.sql("DELETE FROM polling_station WHERE id = ? AND election_id = ?").params(id, electionId).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", electionId);
    details.put("pollingStation", existing.get().number());
    details.put("name", existing.get().name());
    audit.record("POLLING_STATION_DELETED", AuditLevel.INFO, actor, details);
    int left = jdbc.sql("SELECT count(*) FROM polling_station WHERE election_id = ?").param(electionId)
        .query(Integer.class).single();
    if (left == 0) {
      gsbSession(electionId).ifPresent(s -> applySession(s, s.session().lastDataSourceRemoved(), actor));
    }
    return Optional.empty();
  }

  private Optional<Refusal> check(long electionId, Long id, Form form) {
    if (form.number() == null || form.number() < 1 || form.number() > MAX_NUMBER) {
      return Optional.of(Refusal.NUMBER_INVALID);
    }
    if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
      return Optional.of(Refusal.NAME_INVALID);
    }
    String postcode = form.postcode() == null ? "" : form.postcode().strip().toUpperCase(java.util.Locale.ROOT);
    if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
      return Optional.of(Refusal.POSTCODE_INVALID);
    }
    if (!List.of("FIXED", "SPECIAL", "MOBILE").contains(form.kind())) {
      return Optional.of(Refusal.KIND_INVALID);
    }
    if (form.eligibleVoters() != null && (form.eligibleVoters() < 0 || form.eligibleVoters() > 999_999_999L)) {
      return Optional.of(Refusal.VOTERS_INVALID);
    }
    boolean taken = jdbc.sql("SELECT count(*) FROM polling_station WHERE election_id = ? AND number = ? AND id <> ?")
        .params(electionId, form.number(), id == null ? -1 : id)
        .query(Integer.class)
        .single() > 0;
    return taken ? Optional.of(Refusal.NUMBER_TAKEN) : Optional.empty();
  }

  private Optional<StoredSession> gsbSession(long electionId) {
    return jdbc.sql("SELECT id FROM committee WHERE election_id = ? AND kind = 'GSB'")
        .param(electionId)
        .query(Long.class)
        .optional()
        .flatMap(dataEntry::currentSession);
  }

  private void applySession(StoredSession s, SessionOutcome outcome, Actor actor) {
    if (outcome instanceof SessionOutcome.Changed changed && !changed.session().equals(s.session())) {
      if (!dataEntry.updateSession(s.id(), changed.session(), s.version(), Instant.now(clock))) {
        throw new IllegalStateException("the committee session changed at the same moment; nothing was stored");
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("committee", s.committeeId());
      details.put("session", s.session().number());
      details.put("from", s.session().status().name());
      details.put("to", changed.session().status().name());
      audit.record("COMMITTEE_SESSION_UPDATED", AuditLevel.INFO, actor, details);
    }
  }

  private static Map<String, Object> details(long electionId, long id, Form form) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", electionId);
    details.put("id", id);
    details.put("pollingStation", form.number());
    details.put("name", form.name().strip());
    details.put("kind", form.kind());
    details.put("eligibleVoters", form.eligibleVoters());
    return details;
  }

  private static String postcode(Form form) {
    String p = form.postcode() == null ? "" : form.postcode().strip().toUpperCase(java.util.Locale.ROOT);
    if (p.isEmpty()) {
      return null;
    }
    return p.length() == 6 ? p.substring(0, 4) + " " + p.substring(4) : p;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Station row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    long voters = rs.getLong("eligible_voters");
    Long eligible = rs.wasNull() ? null : voters;
    return new Station(rs.getLong("id"), rs.getInt("number"), rs.getString("name"), rs.getString("postcode"),
        rs.getString("locality"), rs.getString("kind"), eligible, rs.getInt("started") == 1);
  }
}
