package nl.uitslag.app.dataentry;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each typist of a committee did in the current session: entries in progress, finished, last activity. */
@Repository
class TypistActivityRepository {
  private final JdbcClient jdbc;

  TypistActivityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One line per typist or coordinator of the committee. {@code inProgress}: first or second entries they are
   * typing now; {@code finished}: their first entries that were finalised and their second entries that reached
   * a comparison (different or definitive); {@code lastActivity}: the local date and time of their last
   * data-entry audit event (null when none). Corrections show in the station table, not here.
   */
  record TypistActivity(long userId, String fullName, String role, int inProgress, int finished, String lastActivity) {}

  List<TypistActivity> forCommittee(long committeeId, long sessionId) {
    return jdbc.sql(
            "SELECT u.id, u.full_name, u.role,"
                + " (SELECT count(*) FROM polling_station_entry e WHERE e.session_id = :s AND ("
                + "   (e.status = 'FIRST_ENTRY_IN_PROGRESS' AND e.first_by = u.id)"
                + "   OR (e.status = 'SECOND_ENTRY_IN_PROGRESS' AND e.second_by = u.id))) AS in_progress,"
                + " (SELECT count(*) FROM polling_station_entry e WHERE e.session_id = :s AND ("
                + "   (e.first_by = u.id AND e.status IN ('FIRST_ENTRY_FINISHED', 'SECOND_ENTRY_IN_PROGRESS',"
                + "     'ERRORS_IN_REPORT', 'ENTRIES_DIFFERENT', 'DEFINITIVE'))"
                + "   OR (e.second_by = u.id AND e.status IN ('ENTRIES_DIFFERENT', 'DEFINITIVE')))) AS finished,"
                + " (SELECT max(a.occurred_at) FROM audit_event a WHERE a.user_id = u.id"
                + "   AND a.event_type LIKE 'DATA\\_ENTRY\\_%' ESCAPE '\\') AS last_activity"
                + " FROM app_user u WHERE u.committee_id = :c AND u.role IN ('TYPIST', 'COORDINATOR')"
                + " ORDER BY u.role DESC, u.full_name")
        .param("s", sessionId)
        .param("c", committeeId)
        .query((rs, n) -> new TypistActivity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getInt(5), local(rs.getString(6))))
        .list();
  }

  private static String local(String instant) {
    if (instant == null) {
      return null;
    }
    return java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
  }
}
