package nl.uitslag.app.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The coordinator's decisions about notable results in imported count files (V12__seal_notable.sql). */
@Repository
class ImportedNotableRepository {
  private final JdbcClient jdbc;

  ImportedNotableRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored decision; the user is named as in the audit viewer. */
  record StoredFileDecision(String decision, String explanation, String decidedBy, String decidedAt) {}

  /** The map key of a decision: source, file fingerprint and flag key. */
  static String key(String source, String fingerprint, String flagKey) {
    return source + "|" + fingerprint + "|" + flagKey;
  }

  Map<String, StoredFileDecision> decisions(long committeeId) {
    Map<String, StoredFileDecision> out = new LinkedHashMap<>();
    jdbc.sql("SELECT d.source, d.file_fingerprint, d.flag_key, d.decision, d.explanation, u.full_name, d.decided_at"
            + " FROM notable_count_file_decision d JOIN app_user u ON u.id = d.decided_by WHERE d.committee_id = ?")
        .param(committeeId)
        .query(rs -> {
          out.put(key(rs.getString(1), rs.getString(2), rs.getString(3)),
              new StoredFileDecision(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
        });
    return out;
  }

  void store(long committeeId, String source, String fingerprint, String flagKey, String decision,
      String explanation, long userId, Instant now) {
    jdbc.sql("INSERT INTO notable_count_file_decision (committee_id, source, file_fingerprint, flag_key, decision,"
            + " explanation, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (committee_id, source, file_fingerprint, flag_key) DO UPDATE"
            + " SET decision = excluded.decision, explanation = excluded.explanation,"
            + " decided_by = excluded.decided_by, decided_at = excluded.decided_at")
        .params(committeeId, source, fingerprint, flagKey, decision, explanation, userId, now.toString())
        .update();
  }
}
