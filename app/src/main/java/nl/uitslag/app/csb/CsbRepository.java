package nl.uitslag.app.csb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.results.ResultsShape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CSB's stored entries, count files, deceased candidates, lots and documents (V5__csb.sql). */
@Repository
class CsbRepository {
  private final JdbcClient jdbc;

  CsbRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored double-entry state; version 0 means no row yet (nothing entered). */
  record StoredEntry(DataEntryState state, long version) {}

  /** A candidate recorded as deceased (P 19a). */
  record Deceased(int listNumber, int position) {
    String candidateId() {
      return listNumber + "." + position;
    }
  }

  /** A stored document or count file, with its bytes exactly as generated or received. */
  record StoredFile(String kind, String fileName, String mediaType, String fingerprint, byte[] content,
      String createdAt) {}

  StoredEntry entry(long committeeId, String source, ResultsShape shape) {
    return jdbc.sql("SELECT state_json, version FROM csb_source_entry WHERE committee_id = ? AND source = ?")
        .params(committeeId, source)
        .query((rs, n) -> new StoredEntry(CsbStateJson.read(rs.getString(1), shape), rs.getLong(2)))
        .optional()
        .orElse(new StoredEntry(new Empty(), 0));
  }

  /** Stores a new state if nobody changed it since {@code expectedVersion} (0: no row yet). */
  boolean storeEntry(long committeeId, String source, DataEntryState state, long expectedVersion, Instant now) {
    String json = CsbStateJson.write(state);
    if (expectedVersion == 0) {
      return jdbc.sql("INSERT INTO csb_source_entry (committee_id, source, status, state_json, version, updated_at)"
              + " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (committee_id, source) DO NOTHING")
          .params(committeeId, source, state.status().name(), json, now.toString())
          .update() == 1;
    }
    return jdbc.sql("UPDATE csb_source_entry SET status = ?, state_json = ?, version = version + 1, updated_at = ?"
            + " WHERE committee_id = ? AND source = ? AND version = ?")
        .params(state.status().name(), json, now.toString(), committeeId, source, expectedVersion)
        .update() == 1;
  }

  void storeCountFile(long committeeId, String source, String kind, String fileName, String fingerprint,
      byte[] content, long userId, Instant now) {
    jdbc.sql("DELETE FROM csb_count_file WHERE committee_id = ? AND source = ?").params(committeeId, source).update();
    jdbc.sql("INSERT INTO csb_count_file (committee_id, source, kind, file_name, fingerprint, content, imported_by,"
            + " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(committeeId, source, kind, fileName, fingerprint, content, userId, now.toString())
        .update();
  }

  Optional<StoredFile> countFile(long committeeId, String source) {
    return jdbc.sql("SELECT kind, file_name, fingerprint, content, imported_at FROM csb_count_file"
            + " WHERE committee_id = ? AND source = ?")
        .params(committeeId, source)
        .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), "application/xml", rs.getString(3),
            rs.getBytes(4), rs.getString(5)))
        .optional();
  }

  /** Every accepted count file of the committee, by source, with its exact bytes (for the notable results). */
  List<CsbService.ImportedCountFile> countFiles(long committeeId) {
    return jdbc.sql("SELECT source, kind, file_name, fingerprint, content, imported_at FROM csb_count_file"
            + " WHERE committee_id = ? ORDER BY source")
        .param(committeeId)
        .query((rs, n) -> new CsbService.ImportedCountFile(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getBytes(5), rs.getString(6)))
        .list();
  }

  void deleteCountFile(long committeeId, String source) {
    jdbc.sql("DELETE FROM csb_count_file WHERE committee_id = ? AND source = ?").params(committeeId, source).update();
  }

  List<Deceased> deceased(long committeeId) {
    return jdbc.sql("SELECT list_number, position FROM csb_deceased WHERE committee_id = ?"
            + " ORDER BY list_number, position")
        .param(committeeId)
        .query((rs, n) -> new Deceased(rs.getInt(1), rs.getInt(2)))
        .list();
  }

  boolean addDeceased(long committeeId, int list, int position, long userId, Instant now) {
    return jdbc.sql("INSERT INTO csb_deceased (committee_id, list_number, position, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(committeeId, list, position, userId, now.toString())
        .update() == 1;
  }

  boolean removeDeceased(long committeeId, int list, int position) {
    return jdbc.sql("DELETE FROM csb_deceased WHERE committee_id = ? AND list_number = ? AND position = ?")
        .params(committeeId, list, position)
        .update() == 1;
  }

  List<String> lots(long committeeId) {
    return jdbc.sql("SELECT outcome FROM csb_lot WHERE committee_id = ? ORDER BY seq")
        .param(committeeId)
        .query(String.class)
        .list();
  }

  void addLot(long committeeId, String outcome, long userId, Instant now) {
    jdbc.sql("INSERT INTO csb_lot (committee_id, seq, outcome, recorded_by, recorded_at) VALUES (?,"
            + " (SELECT coalesce(max(seq), 0) + 1 FROM csb_lot WHERE committee_id = ?), ?, ?, ?)")
        .params(committeeId, committeeId, outcome, userId, now.toString())
        .update();
  }

  int clearLots(long committeeId) {
    return jdbc.sql("DELETE FROM csb_lot WHERE committee_id = ?").param(committeeId).update();
  }

  void storeDocument(long committeeId, String kind, String fileName, String mediaType, String fingerprint,
      byte[] content, long userId, Instant now) {
    jdbc.sql("INSERT INTO csb_document (committee_id, kind, file_name, media_type, fingerprint, content, created_by,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(committeeId, kind, fileName, mediaType, fingerprint, content, userId, now.toString())
        .update();
  }

  List<StoredFile> documents(long committeeId) {
    return jdbc.sql("SELECT kind, file_name, media_type, fingerprint, content, created_at FROM csb_document"
            + " WHERE committee_id = ? ORDER BY kind")
        .param(committeeId)
        .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBytes(5), rs.getString(6)))
        .list();
  }

  int deleteDocuments(long committeeId) {
    return jdbc.sql("DELETE FROM csb_document WHERE committee_id = ?").param(committeeId).update();
  }
}
