package nl.uitslag.app.dataentry;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinator's explanations of accepted warnings (table {@code warning_explanation}), read by the report of
 * the committee session: one text per warning code (W.201 …), polling station and session.
 */
@Repository
public class WarningExplanationRepository {
  private final JdbcClient jdbc;

  public WarningExplanationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One explanation of a warning, as recorded by a coordinator. */
  public record WarningExplanation(
      long sessionId, long pollingStationId, String code, String explanation, long recordedBy, String recordedByName,
      String recordedAt) {}

  /** Every explanation of the session, by polling station number and code (for the report). */
  public List<WarningExplanation> forSession(long sessionId) {
    return jdbc.sql(
            "SELECT w.session_id, w.polling_station_id, w.code, w.explanation, w.recorded_by, u.full_name,"
                + " w.recorded_at FROM warning_explanation w JOIN polling_station ps ON ps.id = w.polling_station_id"
                + " JOIN app_user u ON u.id = w.recorded_by WHERE w.session_id = ? ORDER BY ps.number, w.code")
        .param(sessionId)
        .query(WarningExplanationRepository::row)
        .list();
  }

  /** The explanations of one polling station in the session, by code. */
  public List<WarningExplanation> forStation(long sessionId, long pollingStationId) {
    return jdbc.sql(
            "SELECT w.session_id, w.polling_station_id, w.code, w.explanation, w.recorded_by, u.full_name,"
                + " w.recorded_at FROM warning_explanation w JOIN app_user u ON u.id = w.recorded_by"
                + " WHERE w.session_id = ? AND w.polling_station_id = ? ORDER BY w.code")
        .params(sessionId, pollingStationId)
        .query(WarningExplanationRepository::row)
        .list();
  }

  /** Records or replaces the explanation of one warning. */
  void store(long sessionId, long pollingStationId, String code, String explanation, long by, Instant at) {
    jdbc.sql(
            "INSERT INTO warning_explanation (session_id, polling_station_id, code, explanation, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, polling_station_id, code)"
                + " DO UPDATE SET explanation = excluded.explanation, recorded_by = excluded.recorded_by,"
                + " recorded_at = excluded.recorded_at")
        .params(sessionId, pollingStationId, code, explanation, by, at.toString())
        .update();
  }

  private static WarningExplanation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new WarningExplanation(
        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
        rs.getString(7));
  }
}
