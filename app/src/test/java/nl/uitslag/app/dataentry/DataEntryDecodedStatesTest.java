package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.DecodedStates;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.EntryInProgress;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The repository keeps each entry's last decoded state with the exact JSON text it stands for (issue 10), and a
 * save never works on a stale one: whatever changed the stored row without the typist's save path (a direct
 * write, a deleted entry claimed again by someone else at version 1), the next save sees what is stored.
 */
@SpringBootTest
class DataEntryDecodedStatesTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired DataEntryService service;
  @Autowired DataEntryRepository repo;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  private DataEntryFixture fx;
  private CommitteeInfo c;
  private long ps;
  private UserId anna;
  private Actor annaActor;
  private UserId bert;
  private Actor bertActor;

  @BeforeEach
  void claimed() {
    fx = new DataEntryFixture(elections, users, 1);
    c = service.committee(fx.committeeId).orElseThrow();
    service.changeSession(c, DataEntryService.SessionAction.START, Actor.console());
    ps = fx.stations.get(0);
    long a = users.findByUsername(fx.anna).orElseThrow().id();
    anna = new UserId(a);
    annaActor = new Actor(a, fx.anna, "127.0.0.1");
    long b = users.findByUsername(fx.bert).orElseThrow().id();
    bert = new UserId(b);
    bertActor = new Actor(b, fx.bert, "127.0.0.1");
    assertThat(service.claim(c, ps, EntryNumber.FIRST, anna, annaActor).accepted()).isTrue();
  }

  private long sessionId() {
    return repo.currentSession(fx.committeeId).orElseThrow().id();
  }

  private DataEntryService.Step annaSaves(String path, int value) {
    return service.save(c, ps, EntryNumber.FIRST, anna, Map.of(path, new FieldValue.Count(value)), 10, annaActor);
  }

  @Test
  void theTypistsNextSaveReusesTheStateTheirPreviousSaveWrote() {
    assertThat(annaSaves("A", 1).accepted()).isTrue();
    long reusedBefore = repo.decodedStates().reused();

    DataEntryService.SaveSnapshot read = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();

    assertThat(repo.decodedStates().reused()).isEqualTo(reusedBefore + 1);
    String stored = jdbc.sql("SELECT state_json FROM polling_station_entry WHERE session_id = ? AND polling_station_id = ?")
        .params(sessionId(), ps).query(String.class).single();
    assertThat(read.stored().state()).isEqualTo(DataEntryStateJson.read(stored));
  }

  @Test
  void aRowChangedBehindTheSavePathWithTheSameVersionIsReadAsStoredAndTheNextSaveBuildsOnIt() {
    assertThat(annaSaves("A", 1).accepted()).isTrue();
    DataEntryService.SaveSnapshot before = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    // Another writer (here plain SQL, as a restore or a future write path might) stores a different state and
    // leaves the version as it was: a cache keyed by version alone would keep serving A = 1.
    FirstEntryInProgress kept = (FirstEntryInProgress) before.stored().state();
    EntryInProgress changed = new EntryInProgress(kept.entry().typist(),
        kept.entry().results().with(Map.of("A", new FieldValue.Count(555))), kept.entry().progress(),
        kept.entry().clientState(), Instant.parse("2026-03-18T21:00:00Z"));
    DataEntryState other = new FirstEntryInProgress(changed, kept.isCorrection());
    jdbc.sql("UPDATE polling_station_entry SET state_json = ? WHERE session_id = ? AND polling_station_id = ?")
        .params(DataEntryStateJson.write(other), sessionId(), ps).update();

    DataEntryService.SaveSnapshot after = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    assertThat(after.stored().version()).isEqualTo(before.stored().version());
    assertThat(after.stored().state()).isEqualTo(other);

    assertThat(annaSaves("B", 7).accepted()).isTrue();
    var entry = ((FirstEntryInProgress) repo.entry(sessionId(), ps).state()).entry();
    assertThat(entry.results().valueOf("A")).isEqualTo(new FieldValue.Count(555));
    assertThat(entry.results().valueOf("B")).isEqualTo(new FieldValue.Count(7));
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void anEntryClearedAndClaimedAgainByAnotherTypistIsNotTheFirstTypistsAnyMore() {
    // An investigation no longer asking for corrected results clears the entry in a next session; Bert claims
    // the station again. Anna's save read before the clear: it must not pass the version check on Bert's
    // entry (versions of one entry never repeat, so the clear-and-claim cannot land on version 1 again).
    DataEntryService.SaveSnapshot annas = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    assertThat(annas.stored().version()).isEqualTo(1);
    assertThat(repo.clearEntry(sessionId(), ps, Instant.parse("2026-03-18T21:00:00Z"))).isTrue();
    assertThat(repo.clearEntry(sessionId(), ps, Instant.parse("2026-03-18T21:00:01Z"))).as("already empty").isFalse();
    assertThat(service.claim(c, ps, EntryNumber.FIRST, bert, bertActor).accepted()).isTrue();
    assertThat(repo.entry(sessionId(), ps).version()).isEqualTo(3);

    // The stale snapshot, taken while the entry was Anna's, is written now: refused, Bert's entry untouched.
    DataEntryService.Step stale = service.save(annas, Map.of("A", new FieldValue.Count(9)), 10, annaActor);
    assertThat(stale.accepted()).isFalse();
    var entry = ((FirstEntryInProgress) repo.entry(sessionId(), ps).state()).entry();
    assertThat(entry.typist()).isEqualTo(bert);
    assertThat(entry.results().valueOf("A")).isEqualTo(new FieldValue.Count(0));

    DataEntryService.SaveSnapshot now = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    assertThat(now.view()).as("not Anna's entry any more").isEmpty();
    assertThat(annaSaves("A", 9).accepted()).isFalse();
  }

  @Test
  void aKeptStateIsReusedOnlyForTheSameTextAndTheLeastRecentlyUsedIsDropped() {
    assertThat(annaSaves("A", 3).accepted()).isTrue();
    String json = jdbc.sql("SELECT state_json FROM polling_station_entry WHERE session_id = ? AND polling_station_id = ?")
        .params(sessionId(), ps).query(String.class).single();
    DataEntryState state = DataEntryStateJson.read(json);
    DataEntryState otherState = DataEntryStateJson.read(json.replace("\"A\":3", "\"A\":4"));
    assertThat(otherState).isNotEqualTo(state);

    DecodedStates kept = new DecodedStates(2);
    kept.remember(1, 1, json, state);
    assertThat(kept.read(1, 1, json)).isSameAs(state);
    assertThat(kept.read(1, 1, json.replace("\"A\":3", "\"A\":4"))).isEqualTo(otherState);
    assertThat(kept.reused()).isEqualTo(1);

    kept.remember(1, 2, json, state);
    kept.remember(1, 3, json, state);
    // Entry (1, 1) was the least recently used of three with room for two: decoded again, not reused.
    assertThat(kept.read(1, 1, json)).isEqualTo(state);
    assertThat(kept.reused()).isEqualTo(1);
    assertThat(kept.read(1, 3, json)).isSameAs(state);
    assertThat(kept.reused()).isEqualTo(2);
  }
}
