package nl.uitslag.app.dataentry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The investigations ordered by the CSB in a next GSB session, as stored (table {@code investigation}, V3). */
@Repository
public class InvestigationRepository {
  private final JdbcClient jdbc;

  public InvestigationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An investigation of one polling station.
   *
   * @param reason aanleiding en opdracht, as the CSB ordered it
   * @param findings bevindingen; null while the investigation is in progress
   * @param corrected whether the GSB decided the results are corrected; null while undecided
   */
  public record StoredInvestigation(
      long pollingStationId, int stationNumber, String stationName, String reason, String findings,
      Boolean corrected) {

    /** Concluded: findings recorded and the question "corrected results?" answered (abacus.md §2). */
    public boolean concluded() {
      return findings != null && !findings.isBlank() && corrected != null;
    }

    /** Whether this station's corrected results are entered twice in the session. */
    public boolean correctedResults() {
      return Boolean.TRUE.equals(corrected);
    }
  }

  /** The investigations of a session, by polling-station number. */
  public List<StoredInvestigation> forSession(long sessionId) {
    return jdbc.sql(
            "SELECT i.polling_station_id, ps.number, ps.name, i.reason, i.findings, i.corrected_results"
                + " FROM investigation i JOIN polling_station ps ON ps.id = i.polling_station_id"
                + " WHERE i.session_id = ? ORDER BY ps.number")
        .param(sessionId)
        .query((rs, n) -> {
          int corrected = rs.getInt("corrected_results");
          Boolean c = rs.wasNull() ? null : corrected == 1;
          return new StoredInvestigation(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
              rs.getString(5), c);
        })
        .list();
  }

  public Optional<StoredInvestigation> find(long sessionId, long pollingStationId) {
    return forSession(sessionId).stream().filter(i -> i.pollingStationId() == pollingStationId).findFirst();
  }

  /** Whether the station's results are to be entered in this session (its investigation says corrected). */
  public boolean ordered(long sessionId, long pollingStationId) {
    return jdbc.sql("SELECT count(*) FROM investigation WHERE session_id = ? AND polling_station_id = ?"
            + " AND corrected_results = 1")
        .params(sessionId, pollingStationId)
        .query(Integer.class)
        .single() > 0;
  }

  /** Adds an investigation; false when the station already has one in this session. */
  public boolean insert(long sessionId, long pollingStationId, String reason, Instant now) {
    return jdbc.sql("INSERT INTO investigation (session_id, polling_station_id, reason, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, polling_station_id) DO NOTHING")
        .params(sessionId, pollingStationId, reason, now.toString(), now.toString())
        .update() == 1;
  }

  public boolean update(long sessionId, long pollingStationId, String reason, String findings, Boolean corrected,
      Instant now) {
    return jdbc.sql("UPDATE investigation SET reason = ?, findings = ?, corrected_results = ?, updated_at = ?"
            + " WHERE session_id = ? AND polling_station_id = ?")
        .params(reason, findings, corrected == null ? null : (corrected ? 1 : 0), now.toString(), sessionId,
            pollingStationId)
        .update() == 1;
  }

  public boolean delete(long sessionId, long pollingStationId) {
    return jdbc.sql("DELETE FROM investigation WHERE session_id = ? AND polling_station_id = ?")
        .params(sessionId, pollingStationId)
        .update() == 1;
  }

  public int count(long sessionId) {
    return jdbc.sql("SELECT count(*) FROM investigation WHERE session_id = ?").param(sessionId)
        .query(Integer.class).single();
  }
}
