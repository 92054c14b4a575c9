package nl.uitslag.app.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.domain.control.NotableThresholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored control check of a session, the notable-results thresholds of an election and the decisions. */
@Repository
class ControlRepository {
  private final JdbcClient jdbc;

  ControlRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The election facts the draw and the documents need. */
  record ElectionFacts(
      long id, String identifier, String name, String category, LocalDate pollingDay, String domainName,
      String domainId) {}

  /** A stored control check. */
  record StoredCheck(
      long sessionId, String electionIdentifier, int sessionNumber, String seed, List<Integer> listNumbers,
      int listCount, List<Integer> drawnLists, Map<Integer, Long> handTotals, Map<Integer, Long> softwareTotals,
      Integer stationsDefinitive, Integer stationsTotal, String remarks, String status, String drawnAt,
      String recordedAt, long version) {}

  /** A coordinator's decision about one flag. */
  record StoredDecision(String key, String decision, String explanation, String decidedBy, String decidedAt) {}

  Optional<ElectionFacts> election(long electionId) {
    return jdbc.sql("SELECT id, identifier, name, category, election_date, domain_name, domain_id FROM election"
            + " WHERE id = ?")
        .param(electionId)
        .query((rs, n) -> new ElectionFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            LocalDate.parse(rs.getString(5)), rs.getString(6), rs.getString(7)))
        .optional();
  }

  Optional<StoredCheck> check(long sessionId) {
    return jdbc.sql("SELECT * FROM control_check WHERE session_id = ?")
        .param(sessionId)
        .query((rs, n) -> {
          int definitive = rs.getInt("stations_definitive");
          Integer def = rs.wasNull() ? null : definitive;
          int total = rs.getInt("stations_total");
          Integer tot = rs.wasNull() ? null : total;
          return new StoredCheck(rs.getLong("session_id"), rs.getString("election_identifier"),
              rs.getInt("session_number"), rs.getString("seed"), numbers(rs.getString("list_numbers")),
              rs.getInt("list_count"), numbers(rs.getString("drawn_lists")), totals(rs.getString("hand_totals")),
              totals(rs.getString("software_totals")), def, tot, rs.getString("remarks"), rs.getString("status"),
              rs.getString("drawn_at"), rs.getString("recorded_at"), rs.getLong("version"));
        })
        .optional();
  }

  /** Inserts the draw; false when the session already has one (a draw is never replaced). */
  boolean insertDraw(long sessionId, String electionIdentifier, int sessionNumber, String seed,
      List<Integer> listNumbers, int count, List<Integer> drawn, long userId, Instant now) {
    return jdbc.sql("INSERT INTO control_check (session_id, election_identifier, session_number, seed, list_numbers,"
            + " list_count, drawn_lists, status, drawn_by, drawn_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAWN', ?, ?, 1)"
            + " ON CONFLICT (session_id) DO NOTHING")
        .params(sessionId, electionIdentifier, sessionNumber, seed, join(listNumbers), count, join(drawn), userId,
            now.toString())
        .update() == 1;
  }

  boolean storeComparison(long sessionId, Map<Integer, Long> hand, Map<Integer, Long> software, int definitive,
      int total, long expectedVersion) {
    return jdbc.sql("UPDATE control_check SET hand_totals = ?, software_totals = ?, stations_definitive = ?,"
            + " stations_total = ?, status = 'COMPARED', version = version + 1"
            + " WHERE session_id = ? AND version = ? AND status <> 'RECORDED'")
        .params(totalsText(hand), totalsText(software), definitive, total, sessionId, expectedVersion)
        .update() == 1;
  }

  boolean storeOutcome(long sessionId, String remarks, long userId, Instant now, long expectedVersion) {
    return jdbc.sql("UPDATE control_check SET remarks = ?, status = 'RECORDED', recorded_by = ?, recorded_at = ?,"
            + " version = version + 1 WHERE session_id = ? AND version = ? AND status = 'COMPARED'")
        .params(remarks, userId, now.toString(), sessionId, expectedVersion)
        .update() == 1;
  }

  Optional<NotableThresholds> thresholds(long electionId) {
    return jdbc.sql("SELECT * FROM notable_thresholds WHERE election_id = ?")
        .param(electionId)
        .query((rs, n) -> new NotableThresholds(rs.getInt("blank_percent"), rs.getInt("invalid_percent"),
            rs.getInt("list_share_deviation_points"), rs.getInt("difference_absolute"),
            rs.getInt("difference_percent"), rs.getInt("swap_factor"), rs.getInt("swap_minimum_votes"),
            rs.getInt("swap_minimum_expected"), rs.getInt("swap_minimum_reference_stations")))
        .optional();
  }

  void storeThresholds(long electionId, NotableThresholds t, Instant now) {
    jdbc.sql("INSERT INTO notable_thresholds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (election_id) DO UPDATE"
            + " SET blank_percent = excluded.blank_percent, invalid_percent = excluded.invalid_percent,"
            + " list_share_deviation_points = excluded.list_share_deviation_points,"
            + " difference_absolute = excluded.difference_absolute, difference_percent = excluded.difference_percent,"
            + " swap_factor = excluded.swap_factor, swap_minimum_votes = excluded.swap_minimum_votes,"
            + " swap_minimum_expected = excluded.swap_minimum_expected,"
            + " swap_minimum_reference_stations = excluded.swap_minimum_reference_stations,"
            + " updated_at = excluded.updated_at")
        .params(electionId, t.blankPercent(), t.invalidPercent(), t.listShareDeviationPoints(),
            t.differenceAbsolute(), t.differencePercent(), t.swapFactor(), t.swapMinimumVotes(),
            t.swapMinimumExpected(), t.swapMinimumReferenceStations(), now.toString())
        .update();
  }

  Map<String, StoredDecision> decisions(long sessionId) {
    Map<String, StoredDecision> out = new LinkedHashMap<>();
    jdbc.sql("SELECT d.flag_key, d.decision, d.explanation, u.full_name, d.decided_at FROM notable_decision d"
            + " JOIN app_user u ON u.id = d.decided_by WHERE d.session_id = ? ORDER BY d.flag_key")
        .param(sessionId)
        .query(rs -> {
          out.put(rs.getString(1), new StoredDecision(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5)));
        });
    return out;
  }

  void storeDecision(long sessionId, String key, String decision, String explanation, long userId, Instant now) {
    jdbc.sql("INSERT INTO notable_decision VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, flag_key) DO UPDATE"
            + " SET decision = excluded.decision, explanation = excluded.explanation,"
            + " decided_by = excluded.decided_by, decided_at = excluded.decided_at")
        .params(sessionId, key, decision, explanation, userId, now.toString())
        .update();
  }

  // ------------------------------------------------------------ text forms of the stored lists

  static String join(List<Integer> numbers) {
    StringBuilder b = new StringBuilder();
    for (Integer n : numbers) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(n);
    }
    return b.toString();
  }

  static List<Integer> numbers(String text) {
    List<Integer> out = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      for (String part : text.split(",")) {
        out.add(Integer.parseInt(part));
      }
    }
    return List.copyOf(out);
  }

  static String totalsText(Map<Integer, Long> totals) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Integer, Long> e : totals.entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  static Map<Integer, Long> totals(String text) {
    if (text == null) {
      return null;
    }
    Map<Integer, Long> out = new LinkedHashMap<>();
    if (!text.isEmpty()) {
      for (String part : text.split(",")) {
        String[] kv = part.split("=");
        out.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
      }
    }
    return out;
  }
}
