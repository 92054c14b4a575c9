package nl.uitslag.app.csb;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kieskringen of a multi-district CSB, their candidate-list files and deceased candidates (V10). */
@Repository
class CsbDistrictRepository {
  private final JdbcClient jdbc;

  CsbDistrictRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A kieskring (EK: voting body) with its stemwaarde, null until entered (and always for other types), and the
   * basis of the U 2 check when the coordinator entered it (else null).
   */
  record District(int number, String name, Long voteWeight, CsbDistrictService.WeightBasis basis) {}

  /** A 230b as received: its contest ("9", or "alle" for every kieskring), name, fingerprint and bytes. */
  record ListsFile(String contestId, String fileName, String fingerprint, byte[] content, String importedAt) {}

  List<District> districts(long committeeId) {
    return jdbc.sql("SELECT number, name, vote_weight, inhabitants, members, body_kind FROM csb_district"
            + " WHERE committee_id = ? ORDER BY number")
        .param(committeeId)
        .query((rs, n) -> {
          long w = rs.getLong(3);
          Long weight = rs.wasNull() ? null : w;
          long inhabitants = rs.getLong(4);
          boolean noBasis = rs.wasNull();
          CsbDistrictService.WeightBasis basis = noBasis ? null : new CsbDistrictService.WeightBasis(
              nl.uitslag.domain.apportionment.Stemwaarde.BodyKind.valueOf(rs.getString(6)), inhabitants, rs.getInt(5));
          return new District(rs.getInt(1), rs.getString(2), weight, basis);
        })
        .list();
  }

  /** Adds the kieskring or renames it; the stemwaarde stays. */
  void upsertDistrict(long committeeId, int number, String name) {
    jdbc.sql("INSERT INTO csb_district (committee_id, number, name) VALUES (?, ?, ?)"
            + " ON CONFLICT (committee_id, number) DO UPDATE SET name = excluded.name")
        .params(committeeId, number, name)
        .update();
  }

  void setWeight(long committeeId, int number, String name, long weight, CsbDistrictService.WeightBasis basis,
      long userId, Instant now) {
    jdbc.sql("INSERT INTO csb_district (committee_id, number, name, vote_weight, weight_recorded_by,"
            + " weight_recorded_at, inhabitants, members, body_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (committee_id, number) DO UPDATE SET"
            + " name = excluded.name, vote_weight = excluded.vote_weight,"
            + " weight_recorded_by = excluded.weight_recorded_by, weight_recorded_at = excluded.weight_recorded_at,"
            + " inhabitants = excluded.inhabitants, members = excluded.members, body_kind = excluded.body_kind")
        .params(committeeId, number, name, weight, userId, now.toString(),
            basis == null ? null : basis.inhabitants(), basis == null ? null : basis.members(),
            basis == null ? null : basis.kind().name())
        .update();
  }

  List<ListsFile> listsFiles(long committeeId) {
    return jdbc.sql("SELECT contest_id, file_name, fingerprint, content, imported_at FROM csb_district_lists"
            + " WHERE committee_id = ? ORDER BY contest_id")
        .param(committeeId)
        .query((rs, n) -> new ListsFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
            rs.getString(5)))
        .list();
  }

  /** Stores the file of a contest, replacing an earlier one; returns whether one was replaced. */
  boolean storeListsFile(long committeeId, String contestId, String fileName, String fingerprint, byte[] content,
      long userId, Instant now) {
    int removed = jdbc.sql("DELETE FROM csb_district_lists WHERE committee_id = ? AND contest_id = ?")
        .params(committeeId, contestId).update();
    jdbc.sql("INSERT INTO csb_district_lists (committee_id, contest_id, file_name, fingerprint, content, imported_by,"
            + " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(committeeId, contestId, fileName, fingerprint, content, userId, now.toString())
        .update();
    return removed > 0;
  }

  List<String> deceased(long committeeId) {
    return jdbc.sql("SELECT candidate_id FROM csb_deceased_candidate WHERE committee_id = ? ORDER BY candidate_id")
        .param(committeeId)
        .query(String.class)
        .list();
  }

  boolean addDeceased(long committeeId, String candidateId, long userId, Instant now) {
    return jdbc.sql("INSERT INTO csb_deceased_candidate (committee_id, candidate_id, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(committeeId, candidateId, userId, now.toString())
        .update() == 1;
  }

  boolean removeDeceased(long committeeId, String candidateId) {
    return jdbc.sql("DELETE FROM csb_deceased_candidate WHERE committee_id = ? AND candidate_id = ?")
        .params(committeeId, candidateId)
        .update() == 1;
  }
}
