package nl.uitslag.app.csb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The investigations ordered by a CSB or HSB and the count files replaced under them (V13__csb_investigations.sql). */
@Repository
class CsbInvestigationRepository {
  private final JdbcClient jdbc;

  CsbInvestigationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String COLUMNS = "i.id, i.source, i.stations, i.reason, i.notable_flag, u.username,"
      + " i.ordered_at, i.replacement_fingerprint, i.outcome, i.closed_at";

  List<CsbInvestigationService.Order> all(long committeeId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM csb_investigation i JOIN app_user u ON u.id = i.ordered_by"
            + " WHERE i.committee_id = ? ORDER BY i.source, i.id")
        .param(committeeId)
        .query((rs, n) -> new CsbInvestigationService.Order(rs.getLong(1), rs.getString(2),
            CsbInvestigationService.parseStations(rs.getString(3)), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8),
            CsbInvestigationService.Outcome.valueOf(rs.getString(9)), rs.getString(10)))
        .list();
  }

  Optional<CsbInvestigationService.Order> open(long committeeId, String source) {
    return all(committeeId).stream()
        .filter(o -> o.source().equals(source) && o.outcome() == CsbInvestigationService.Outcome.OPEN)
        .findFirst();
  }

  long insert(long committeeId, String source, String stations, String reason, String flag, long userId,
      Instant now) {
    jdbc.sql("INSERT INTO csb_investigation (committee_id, source, stations, reason, notable_flag, ordered_by,"
            + " ordered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(committeeId, source, stations, reason, flag, userId, now.toString())
        .update();
    return jdbc.sql("SELECT last_insert_rowid()").query(Long.class).single();
  }

  boolean close(long id, CsbInvestigationService.Outcome outcome, Instant now) {
    return jdbc.sql("UPDATE csb_investigation SET outcome = ?, closed_at = ? WHERE id = ? AND outcome = 'OPEN'")
        .params(outcome.name(), now.toString(), id)
        .update() == 1;
  }

  void setReplacement(long id, String fingerprint) {
    jdbc.sql("UPDATE csb_investigation SET replacement_fingerprint = ? WHERE id = ?").params(fingerprint, id)
        .update();
  }

  /** Keeps the held file as history before a corrected file takes its place. */
  void archiveCountFile(long committeeId, String source, String replacedBy, long investigationId, Instant now) {
    jdbc.sql("INSERT INTO csb_count_file_history (committee_id, source, kind, file_name, fingerprint, content,"
            + " imported_by, imported_at, replaced_at, replaced_by, investigation_id)"
            + " SELECT committee_id, source, kind, file_name, fingerprint, content, imported_by, imported_at, ?, ?, ?"
            + " FROM csb_count_file WHERE committee_id = ? AND source = ?")
        .params(now.toString(), replacedBy, investigationId, committeeId, source)
        .update();
  }

  /** A replaced count file as history: name, fingerprint, when it was taken in and replaced, by which file. */
  record Replaced(String source, String fileName, String fingerprint, String importedAt, String replacedAt,
      String replacedBy, long investigationId) {}

  List<Replaced> history(long committeeId) {
    return jdbc.sql("SELECT source, file_name, fingerprint, imported_at, replaced_at, replaced_by, investigation_id"
            + " FROM csb_count_file_history WHERE committee_id = ? ORDER BY source, replaced_at")
        .param(committeeId)
        .query((rs, n) -> new Replaced(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7)))
        .list();
  }
}
