package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A save is computed from a read taken without the write lock and stored only if the session and the entry are
 * still the versions read (issue 10): a save that lost a race is computed again on what is stored now, a session
 * paused in between refuses it, and under many simultaneous saves every acknowledged save is stored and audited
 * exactly once.
 */
@SpringBootTest
class DataEntrySaveOutsideLockTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired DataEntryService service;
  @Autowired DataEntryRepository repo;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;

  private DataEntryFixture fx;
  private CommitteeInfo c;
  private long ps;
  private UserId anna;
  private Actor annaActor;

  @BeforeEach
  void claimed() {
    fx = new DataEntryFixture(elections, users, 1);
    c = service.committee(fx.committeeId).orElseThrow();
    service.changeSession(c, DataEntryService.SessionAction.START, Actor.console());
    ps = fx.stations.get(0);
    long id = users.findByUsername(fx.anna).orElseThrow().id();
    anna = new UserId(id);
    annaActor = new Actor(id, fx.anna, "127.0.0.1");
    assertThat(service.claim(c, ps, EntryNumber.FIRST, anna, annaActor).accepted()).isTrue();
  }

  @Test
  void aSaveReadBeforeAnotherSaveLandedIsComputedAgainOnTheNewVersion() {
    DataEntryService.SaveSnapshot old = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    assertThat(old.stored().version()).isEqualTo(1);
    // The typist's other request (the Save button while an autosave was on its way) lands first.
    assertThat(service.save(c, ps, EntryNumber.FIRST, anna, Map.of("B", new FieldValue.Count(7)), 10, annaActor)
        .accepted()).isTrue();
    long savedBefore = savedEvents();

    var step = service.save(old, Map.of("A", new FieldValue.Count(100)), 20, annaActor);

    assertThat(step.accepted()).isTrue();
    var stored = repo.entry(repo.currentSession(fx.committeeId).orElseThrow().id(), ps);
    assertThat(stored.version()).isEqualTo(3);
    var entry = ((FirstEntryInProgress) stored.state()).entry();
    // Both saves are in: the second was applied on top of the first, not on the stale read.
    assertThat(entry.results().valueOf("A")).isEqualTo(new FieldValue.Count(100));
    assertThat(entry.results().valueOf("B")).isEqualTo(new FieldValue.Count(7));
    assertThat(entry.progress()).isEqualTo(20);
    assertThat(savedEvents()).isEqualTo(savedBefore + 1);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void aSessionPausedBetweenReadingAndStoringRefusesTheSaveAndStoresNothing() {
    DataEntryService.SaveSnapshot read = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
    service.changeSession(c, DataEntryService.SessionAction.PAUSE, Actor.console());
    long savedBefore = savedEvents();

    var step = service.save(read, Map.of("A", new FieldValue.Count(100)), 20, annaActor);

    assertThat(step.accepted()).isFalse();
    assertThat(step.refusal()).isEqualTo(DataEntryService.SESSION_NOT_OPEN);
    assertThat(repo.entry(read.session().id(), ps).version()).isEqualTo(1);
    assertThat(savedEvents()).isEqualTo(savedBefore);
  }

  @Test
  void manySimultaneousSavesOfOneEntryAreEachStoredAndAuditedExactlyOnce() throws Exception {
    int saves = 8;
    long savedBefore = savedEvents();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(saves);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 1; i <= saves; i++) {
      int value = i;
      // Every request reads before any stores, so all but one must be computed again.
      DataEntryService.SaveSnapshot read = service.readForSave(c, ps, EntryNumber.FIRST, anna).orElseThrow();
      outcomes.add(pool.submit(() -> {
        start.await();
        try {
          return service.save(read, Map.of("A", new FieldValue.Count(value)), 50, annaActor).accepted()
              ? "accepted" : "refused";
        } catch (DataEntryService.ConcurrentChangeException e) {
          return "concurrent";
        }
      }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get());
    }
    pool.shutdown();

    long accepted = results.stream().filter("accepted"::equals).count();
    assertThat(results).allMatch(r -> r.equals("accepted") || r.equals("concurrent"));
    assertThat(accepted).isPositive();
    // No acknowledged save lost: each one is a version of the row and an audit event.
    assertThat(repo.entry(repo.currentSession(fx.committeeId).orElseThrow().id(), ps).version())
        .isEqualTo(1 + accepted);
    assertThat(savedEvents()).isEqualTo(savedBefore + accepted);
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void aSaveInsideACallersTransactionIsStoredWithItAndGoneWhenItRollsBack() {
    long savedBefore = savedEvents();
    Boolean accepted = tx.execute(t -> {
      boolean ok = service.save(c, ps, EntryNumber.FIRST, anna, Map.of("A", new FieldValue.Count(3)), 5, annaActor)
          .accepted();
      t.setRollbackOnly();
      return ok;
    });
    assertThat(accepted).isTrue();
    assertThat(repo.entry(repo.currentSession(fx.committeeId).orElseThrow().id(), ps).version()).isEqualTo(1);
    assertThat(savedEvents()).isEqualTo(savedBefore);
  }

  @Test
  void savesOfThreeTypistsWrittenTogetherAreEachStoredAndAuditedOnce() throws Exception {
    DataEntryFixture three = new DataEntryFixture(elections, users, 3);
    CommitteeInfo gsb = service.committee(three.committeeId).orElseThrow();
    service.changeSession(gsb, DataEntryService.SessionAction.START, Actor.console());
    List<String> typists = List.of(three.anna, three.bert, three.carla);
    for (int t = 0; t < 3; t++) {
      long id = users.findByUsername(typists.get(t)).orElseThrow().id();
      assertThat(service.claim(gsb, three.stations.get(t), EntryNumber.FIRST, new UserId(id), Actor.console())
          .accepted()).isTrue();
    }
    long before = savedEvents(three.committeeId);
    int rounds = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> accepted = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      long id = users.findByUsername(typists.get(t)).orElseThrow().id();
      long station = three.stations.get(t);
      Actor actor = new Actor(id, typists.get(t), "127.0.0.1");
      accepted.add(pool.submit(() -> {
        start.await();
        int n = 0;
        for (int r = 1; r <= rounds; r++) {
          if (service.save(gsb, station, EntryNumber.FIRST, new UserId(id), Map.of("A", new FieldValue.Count(r)), r,
              actor).accepted()) {
            n++;
          }
        }
        return n;
      }));
    }
    start.countDown();
    long sessionId = repo.currentSession(three.committeeId).orElseThrow().id();
    for (int t = 0; t < 3; t++) {
      // Every save of a typist is their only writer: none may be lost or refused.
      assertThat(accepted.get(t).get()).isEqualTo(rounds);
      var stored = repo.entry(sessionId, three.stations.get(t));
      assertThat(stored.version()).isEqualTo(1 + rounds);
      assertThat(((FirstEntryInProgress) stored.state()).entry().results().valueOf("A"))
          .isEqualTo(new FieldValue.Count(rounds));
    }
    pool.shutdown();
    assertThat(savedEvents(three.committeeId)).isEqualTo(before + 3L * rounds);
    assertThat(audit.verify()).isEmpty();
  }

  private long savedEvents() {
    return savedEvents(fx.committeeId);
  }

  private long savedEvents(long committeeId) {
    return audit.events(10_000).stream()
        .filter(e -> e.eventType().equals("DATA_ENTRY_SAVED") && e.details().contains("\"committee\":" + committeeId + ","))
        .count();
  }
}
