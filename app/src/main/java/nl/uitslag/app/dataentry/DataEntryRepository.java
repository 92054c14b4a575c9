package nl.uitslag.app.dataentry;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.Definitive;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryInProgress;
import nl.uitslag.domain.dataentry.DataEntryStatus;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Committee sessions and the double-entry state per polling station and session, as stored. Every update
 * names the version it was based on and is refused (returns false) when someone changed the row meanwhile.
 */
@Repository
public class DataEntryRepository {
  private final JdbcClient jdbc;

  public DataEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The GSB a user works for, with its election: what the data-entry screens need to know. */
  public record CommitteeInfo(
      long committeeId, String kind, String name, long electionId, String electionName, String category,
      String countingMethod) {}

  /** A stored committee session. */
  public record StoredSession(long id, long committeeId, CommitteeSession session, long version) {}

  /** A stored double-entry state; version 0 means no row yet (nothing entered). */
  public record StoredEntry(DataEntryState state, long version) {}

  /** One line of the status overview. */
  public record StationStatus(
      long pollingStationId, int number, String name, DataEntryStatus status, String firstBy, String secondBy,
      Long firstById, Long secondById, boolean withWarnings, String updatedAt) {}

  /** A polling station of the election. */
  public record Station(long id, int number, String name) {}

  public Optional<CommitteeInfo> committee(long committeeId) {
    return jdbc.sql(
            "SELECT c.id, c.kind, c.name, e.id AS election_id, e.name AS election_name, e.category,"
                + " e.counting_method FROM committee c JOIN election e ON e.id = c.election_id WHERE c.id = ?")
        .param(committeeId)
        .query(
            (rs, n) ->
                new CommitteeInfo(
                    rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getLong("election_id"),
                    rs.getString("election_name"), rs.getString("category"), rs.getString("counting_method")))
        .optional();
  }

  /** The lists of the election with their number of candidates, in list order (one query). */
  public List<ListShape> listShapes(long electionId) {
    return jdbc.sql(
            "SELECT list_number, count(*) AS candidates FROM candidate WHERE election_id = ?"
                + " GROUP BY list_number ORDER BY list_number")
        .param(electionId)
        .query((rs, n) -> new ListShape(rs.getInt("list_number"), rs.getInt("candidates")))
        .list();
  }

  /** The candidates' display names per list, in list and candidate order (one query). */
  public Map<Integer, List<String>> candidateNames(long electionId) {
    Map<Integer, List<String>> names = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT list_number, initials, name_prefix, last_name FROM candidate WHERE election_id = ?"
                + " ORDER BY list_number, position")
        .param(electionId)
        .query(
            rs -> {
              String prefix = rs.getString("name_prefix");
              String last = rs.getString("last_name");
              String name = (prefix == null || prefix.isBlank() ? last : prefix + " " + last) + ", "
                  + rs.getString("initials");
              names.computeIfAbsent(rs.getInt("list_number"), k -> new java.util.ArrayList<>()).add(name);
            });
    return names;
  }

  public Map<Integer, String> listNames(long electionId) {
    Map<Integer, String> names = new java.util.TreeMap<>();
    jdbc.sql("SELECT number, name FROM political_group WHERE election_id = ?")
        .param(electionId)
        .query(rs -> {
          names.put(rs.getInt("number"), rs.getString("name"));
        });
    return names;
  }

  public Optional<Station> station(long electionId, long pollingStationId) {
    return jdbc.sql("SELECT id, number, name FROM polling_station WHERE election_id = ? AND id = ?")
        .params(electionId, pollingStationId)
        .query((rs, n) -> new Station(rs.getLong("id"), rs.getInt("number"), rs.getString("name")))
        .optional();
  }

  public int stationCount(long electionId) {
    return jdbc.sql("SELECT count(*) FROM polling_station WHERE election_id = ?")
        .param(electionId)
        .query(Integer.class)
        .single();
  }

  // ---------------------------------------------------------------- sessions

  /** The latest session of the committee, if one was created. */
  public Optional<StoredSession> currentSession(long committeeId) {
    return jdbc.sql(
            "SELECT * FROM committee_session WHERE committee_id = ? ORDER BY number DESC LIMIT 1")
        .param(committeeId)
        .query(
            (rs, n) ->
                new StoredSession(
                    rs.getLong("id"),
                    rs.getLong("committee_id"),
                    new CommitteeSession(
                        rs.getInt("number"), CommitteeSessionStatus.valueOf(rs.getString("status"))),
                    rs.getLong("version")))
        .optional();
  }

  public long insertSession(long committeeId, CommitteeSession session, Instant now) {
    return jdbc.sql(
            "INSERT INTO committee_session (committee_id, number, status, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, 1, ?, ?) RETURNING id")
        .params(committeeId, session.number(), session.status().name(), now.toString(), now.toString())
        .query(Long.class)
        .single();
  }

  /** Stores a new session status; false when the stored version is no longer {@code expectedVersion}. */
  public boolean updateSession(long sessionId, CommitteeSession session, long expectedVersion, Instant now) {
    return jdbc.sql(
            "UPDATE committee_session SET status = ?, version = version + 1, updated_at = ?"
                + " WHERE id = ? AND version = ?")
        .params(session.status().name(), now.toString(), sessionId, expectedVersion)
        .update()
        == 1;
  }

  // ---------------------------------------------------------------- entries

  /**
   * In a next session only the polling stations whose investigation concluded with corrected results are
   * entered (abacus.md §2); in the first session every station is. Two parameters: the session id twice.
   */
  static final String ORDERED_ONLY =
      " AND (NOT EXISTS (SELECT 1 FROM committee_session cs WHERE cs.id = ? AND cs.number > 1)"
          + " OR ps.id IN (SELECT polling_station_id FROM investigation WHERE session_id = ?"
          + " AND corrected_results = 1))";

  /** Every session of the committee, by number. */
  public List<StoredSession> sessions(long committeeId) {
    return jdbc.sql("SELECT * FROM committee_session WHERE committee_id = ? ORDER BY number")
        .param(committeeId)
        .query(
            (rs, n) ->
                new StoredSession(
                    rs.getLong("id"),
                    rs.getLong("committee_id"),
                    new CommitteeSession(
                        rs.getInt("number"), CommitteeSessionStatus.valueOf(rs.getString("status"))),
                    rs.getLong("version")))
        .list();
  }

  /**
   * The last definitive state of a polling station in a session of the committee numbered below
   * {@code beforeSessionNumber}: what the station's result was before that session. A next session holds an
   * entry only for stations whose results it corrected, so the latest one is the one in force.
   */
  public Optional<Definitive> latestDefinitive(long committeeId, long pollingStationId, int beforeSessionNumber) {
    return jdbc.sql(
            "SELECT e.state_json FROM polling_station_entry e JOIN committee_session cs ON cs.id = e.session_id"
                + " WHERE cs.committee_id = ? AND cs.number < ? AND e.polling_station_id = ?"
                + " AND e.status = 'DEFINITIVE' ORDER BY cs.number DESC LIMIT 1")
        .params(committeeId, beforeSessionNumber, pollingStationId)
        .query((rs, n) -> (Definitive) DataEntryStateJson.read(rs.getString(1)))
        .optional();
  }

  /** Removes the entry of a station in a session (its investigation no longer asks for corrected results). */
  /**
   * Empties an entry but keeps its row with a higher version, so versions of one entry never repeat: a save
   * computed from a read before this (the version it expects) can then never be taken for a save on a later
   * claim, which would start at version 1 again if the row were deleted. True if an entry was emptied.
   */
  public boolean clearEntry(long sessionId, long pollingStationId, Instant now) {
    StoredEntry e = entry(sessionId, pollingStationId);
    if (e.version() == 0 || e.state() instanceof Empty) {
      return false;
    }
    return storeEntry(sessionId, pollingStationId, new Empty(), e.version(), now);
  }

  public StoredEntry entry(long sessionId, long pollingStationId) {
    return jdbc.sql(
            "SELECT state_json, version FROM polling_station_entry WHERE session_id = ? AND polling_station_id = ?")
        .params(sessionId, pollingStationId)
        .query((rs, n) -> new StoredEntry(decoded.read(sessionId, pollingStationId, rs.getString(1)), rs.getLong(2)))
        .optional()
        .orElse(new StoredEntry(new Empty(), 0));
  }

  /**
   * Stores a new state based on the given version: inserts the row when {@code expectedVersion} is 0,
   * otherwise updates it only if its version is still the expected one. False when someone else was first.
   */
  public boolean storeEntry(
      long sessionId, long pollingStationId, DataEntryState state, long expectedVersion, Instant now) {
    return storeEntry(sessionId, pollingStationId, state, DataEntryStateJson.write(state), expectedVersion, now);
  }

  /**
   * Like {@link #storeEntry(long, long, DataEntryState, long, Instant)} with the state's JSON written beforehand
   * ({@code json} must be {@code DataEntryStateJson.write(state)}), so it is not built while the write lock is held.
   */
  boolean storeEntry(
      long sessionId, long pollingStationId, DataEntryState state, String json, long expectedVersion, Instant now) {
    Long firstBy = firstBy(state);
    Long secondBy = secondBy(state);
    int warnings = withWarnings(state) ? 1 : 0;
    boolean stored;
    if (expectedVersion == 0) {
      stored = jdbc.sql(
              "INSERT INTO polling_station_entry (session_id, polling_station_id, status, first_by, second_by,"
                  + " with_warnings, state_json, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)"
                  + " ON CONFLICT (session_id, polling_station_id) DO NOTHING")
          .params(sessionId, pollingStationId, state.status().name(), firstBy, secondBy, warnings, json,
              now.toString())
          .update()
          == 1;
    } else {
      stored = jdbc.sql(
              "UPDATE polling_station_entry SET status = ?, first_by = ?, second_by = ?, with_warnings = ?,"
                  + " state_json = ?, version = version + 1, updated_at = ?"
                  + " WHERE session_id = ? AND polling_station_id = ? AND version = ?")
          .params(state.status().name(), firstBy, secondBy, warnings, json, now.toString(), sessionId,
              pollingStationId, expectedVersion)
          .update()
          == 1;
    }
    if (stored) {
      // The next read of this entry (the typist's next autosave) then finds this text and skips decoding it.
      decoded.remember(sessionId, pollingStationId, json, state);
    }
    return stored;
  }

  /** The decoded states of recently used entries, each kept with the exact JSON text it was read from. */
  private final DecodedStates decoded = new DecodedStates(DECODED_STATES_KEPT);

  /** For tests: the kept decoded states (a method, as this bean is reached through a proxy). */
  DecodedStates decodedStates() {
    return decoded;
  }

  /** More than the typists at work at once in any GSB; each kept state of a TK form is some 100 KB. */
  private static final int DECODED_STATES_KEPT = 256;

  /**
   * Decoding a stored state of a TK form (1103 values) was about a third of an autosave's CPU (issue 10), and a
   * typist's next save reads back exactly the text their previous save wrote. Each entry's last state is kept
   * with that text, and reused only when the text read from the database is the same, character for character:
   * decoding is a pure function of the text ({@code DataEntryStateJson} round-trips every state), so a reused
   * state is always the one a fresh decode would give, whatever wrote the row (a coordinator, a deleted and
   * re-created entry back at version 1, a restored backup, a rolled-back transaction). No write path has to
   * remember to invalidate it; a miss only costs the decode it saves.
   */
  static final class DecodedStates {
    private record Key(long sessionId, long pollingStationId) {}

    private record Decoded(String json, DataEntryState state) {}

    private final java.util.LinkedHashMap<Key, Decoded> byEntry;
    private final java.util.concurrent.atomic.AtomicLong reused = new java.util.concurrent.atomic.AtomicLong();

    DecodedStates(int capacity) {
      byEntry = new java.util.LinkedHashMap<>(capacity, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Decoded> eldest) {
          return size() > capacity;
        }
      };
    }

    /** The state stored as {@code json}: the kept one when the text is the same, else decoded now and kept. */
    DataEntryState read(long sessionId, long pollingStationId, String json) {
      Key key = new Key(sessionId, pollingStationId);
      Decoded kept;
      synchronized (byEntry) {
        kept = byEntry.get(key);
      }
      if (kept != null && kept.json().equals(json)) {
        reused.incrementAndGet();
        return kept.state();
      }
      DataEntryState state = DataEntryStateJson.read(json);
      remember(sessionId, pollingStationId, json, state);
      return state;
    }

    /** Keeps {@code state} as the decoding of {@code json} ({@code json} is its {@code DataEntryStateJson.write}). */
    void remember(long sessionId, long pollingStationId, String json, DataEntryState state) {
      synchronized (byEntry) {
        byEntry.put(new Key(sessionId, pollingStationId), new Decoded(json, state));
      }
    }

    /** How many reads found their text kept and were not decoded (for tests and profiles). */
    long reused() {
      return reused.get();
    }
  }

  /**
   * The status of every polling station in the session, optionally of one category, by number: one query
   * whatever the number of stations (a station without a row has not been started).
   */
  public List<StationStatus> overview(long electionId, long sessionId, DataEntryStatus only, boolean descending) {
    String sql =
        "SELECT ps.id, ps.number, ps.name, COALESCE(e.status, 'NOT_STARTED') AS status,"
            + " u1.full_name AS first_name, u2.full_name AS second_name, e.first_by, e.second_by,"
            + " COALESCE(e.with_warnings, 0) AS with_warnings, e.updated_at"
            + " FROM polling_station ps"
            + " LEFT JOIN polling_station_entry e ON e.polling_station_id = ps.id AND e.session_id = ?"
            + " LEFT JOIN app_user u1 ON u1.id = e.first_by"
            + " LEFT JOIN app_user u2 ON u2.id = e.second_by"
            + " WHERE ps.election_id = ?" + ORDERED_ONLY
            + (only == null ? "" : " AND COALESCE(e.status, 'NOT_STARTED') = ?")
            + " ORDER BY ps.number" + (descending ? " DESC" : "");
    var statement = jdbc.sql(sql).param(sessionId).param(electionId).param(sessionId).param(sessionId);
    if (only != null) {
      statement = statement.param(only.name());
    }
    return statement
        .query(
            (rs, n) -> {
              long f = rs.getLong("first_by");
              Long fId = rs.wasNull() ? null : f;
              long s = rs.getLong("second_by");
              Long sId = rs.wasNull() ? null : s;
              return new StationStatus(
                  rs.getLong("id"), rs.getInt("number"), rs.getString("name"),
                  DataEntryStatus.valueOf(rs.getString("status")), rs.getString("first_name"),
                  rs.getString("second_name"), fId, sId, rs.getInt("with_warnings") == 1,
                  rs.getString("updated_at"));
            })
        .list();
  }

  /** The number of polling stations per overview category (every category present, zero when none). */
  public Map<DataEntryStatus, Integer> countsPerStatus(long electionId, long sessionId) {
    Map<DataEntryStatus, Integer> counts = new EnumMap<>(DataEntryStatus.class);
    for (DataEntryStatus s : DataEntryStatus.values()) {
      counts.put(s, 0);
    }
    jdbc.sql(
            "SELECT COALESCE(e.status, 'NOT_STARTED') AS status, count(*) AS n FROM polling_station ps"
                + " LEFT JOIN polling_station_entry e ON e.polling_station_id = ps.id AND e.session_id = ?"
                + " WHERE ps.election_id = ?" + ORDERED_ONLY + " GROUP BY 1")
        .params(sessionId, electionId, sessionId, sessionId)
        .query(rs -> {
          counts.put(DataEntryStatus.valueOf(rs.getString("status")), rs.getInt("n"));
        });
    return counts;
  }

  // ---------------------------------------------------------------- denormalised columns

  private static Long firstBy(DataEntryState s) {
    if (s instanceof FirstEntryInProgress f) {
      return f.entry().typist().value();
    }
    if (s instanceof FirstEntryHasErrors f) {
      return f.first().by().value();
    }
    if (s instanceof FirstEntryFinalised f) {
      return f.first().by().value();
    }
    if (s instanceof SecondEntryInProgress f) {
      return f.first().by().value();
    }
    if (s instanceof EntriesDifferent f) {
      return f.first().by().value();
    }
    if (s instanceof FirstEntryCorrection f) {
      return f.correction().entry().typist().value();
    }
    if (s instanceof SecondEntryCorrection f) {
      return f.keptFirst().by().value();
    }
    if (s instanceof Definitive f) {
      return f.first().by().value();
    }
    return null;
  }

  private static Long secondBy(DataEntryState s) {
    if (s instanceof SecondEntryInProgress f) {
      return f.second().typist().value();
    }
    if (s instanceof EntriesDifferent f) {
      return f.second().by().value();
    }
    if (s instanceof FirstEntryCorrection f) {
      return f.keptSecond().by().value();
    }
    if (s instanceof SecondEntryCorrection f) {
      return f.correction().entry().typist().value();
    }
    if (s instanceof Definitive f) {
      return f.second().by().value();
    }
    return null;
  }

  private static boolean withWarnings(DataEntryState s) {
    if (s instanceof FirstEntryFinalised f) {
      return f.first().withWarnings();
    }
    if (s instanceof Definitive d) {
      return d.finalisedWithWarnings();
    }
    return false;
  }
}
