package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.ComparisonChecks;
import nl.uitslag.domain.results.CountingDifferencesPollingStation;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.DifferencesCounts;
import nl.uitslag.domain.results.ExtraInvestigation;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import nl.uitslag.domain.results.YesNo;

/**
 * A GR election whose GSB counts centrally, with a coordinator and two typists, and helpers that enter a
 * polling station's result twice through {@link DataEntryService}, as the typists' screens do.
 */
final class ResultsFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();

  final long electionId;
  final long committeeId;
  final List<Long> stations;
  final long coordinatorId;
  final long typist1;
  final long typist2;
  final String coordinator;

  ResultsFixture(ElectionRepository elections, UserRepository users, ElectionView election, List<ListView> lists,
      List<PollingStationView> pollingStations) {
    int n = SEQ.incrementAndGet();
    Instant now = Instant.parse("2026-03-18T21:00:00Z");
    electionId = elections.insertElection(election, now);
    for (ListView l : lists) {
      elections.insertList(electionId, l);
    }
    for (PollingStationView ps : pollingStations) {
      elections.insertPollingStation(electionId, ps);
    }
    committeeId = elections.insertCommittee(electionId, "GSB", "Gemeentelijk stembureau " + election.domainName(),
        election.domainId());
    stations = elections.pollingStations(electionId).stream().map(PollingStationView::id).toList();
    coordinator = "rcoord" + n;
    coordinatorId = users.insert(coordinator, "Coby Coördinator", "unused", Role.COORDINATOR, committeeId, false, now);
    typist1 = users.insert("rtyp1_" + n, "Anna Invoer", "unused", Role.TYPIST, committeeId, false, now);
    typist2 = users.insert("rtyp2_" + n, "Bert Invoer", "unused", Role.TYPIST, committeeId, false, now);
  }

  /** A small election: list 1 with three candidates, list 2 with two, the given number of polling stations. */
  static ResultsFixture small(ElectionRepository elections, UserRepository users, int stationCount) {
    int n = SEQ.get() + 1;
    ElectionView e = new ElectionView(0, "GR2026_Klein" + n, "Gemeenteraad Klein " + n, "GR", "GR1",
        LocalDate.of(2026, 3, 18), 19, "Kleindorp", "0999", "CSO", 1000L);
    List<ListView> lists = List.of(
        new ListView(1, "Partij Een", candidates(3)),
        new ListView(2, "Partij Twee", candidates(2)));
    List<PollingStationView> ps = new ArrayList<>();
    for (int i = 1; i <= stationCount; i++) {
      ps.add(new PollingStationView(0, i, "Buurthuis " + i, "1234 A" + (char) ('A' + i), null, "FIXED", 500L));
    }
    return new ResultsFixture(elections, users, e, lists, ps);
  }

  private static List<CandidateView> candidates(int count) {
    List<CandidateView> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new CandidateView(i, "K.", null, null, "Kandidaat" + i, "Kleindorp", null));
    }
    return out;
  }

  /**
   * A consistent Na 31-2 Bijlage 1 of the small election with the given candidate votes (list 1: three, list
   * 2: two) and blank and invalid votes; A = D = H, no differences.
   */
  static CsoFirstSessionResults smallResult(int[] list1, int[] list2, int blank, int invalid) {
    int l1 = list1[0] + list1[1] + list1[2];
    int l2 = list2[0] + list2[1];
    int h = l1 + l2 + blank + invalid;
    return new CsoFirstSessionResults(
        new ExtraInvestigation(YesNo.NO, YesNo.NO),
        new CountingDifferencesPollingStation(YesNo.YES, YesNo.NO),
        new VoterCounts(h, 0, null, h),
        new VotesCounts(List.of(new ListTotal(1, l1), new ListTotal(2, l2)), l1 + l2, blank, invalid, h),
        new DifferencesCounts(new ComparisonChecks(true, false, false), 0, 0, YesNo.EMPTY),
        List.of(new ListVotes(1, List.of(list1[0], list1[1], list1[2]), l1),
            new ListVotes(2, List.of(list2[0], list2[1]), l2)));
  }

  CommitteeInfo committee(DataEntryService service) {
    return service.committee(committeeId).orElseThrow();
  }

  Actor coordinatorActor() {
    return new Actor(coordinatorId, coordinator, "127.0.0.1");
  }

  /** Enters the result twice, by the two typists, so that it becomes definitive. */
  void enterTwice(DataEntryService service, long pollingStationId, PollingStationResults results) {
    CommitteeInfo c = committee(service);
    enter(service, c, pollingStationId, EntryNumber.FIRST, typist1, results);
    enter(service, c, pollingStationId, EntryNumber.SECOND, typist2, results);
  }

  static void enter(DataEntryService service, CommitteeInfo c, long pollingStationId, EntryNumber n, long typist,
      PollingStationResults results) {
    Actor actor = new Actor(typist, "typist" + typist, "127.0.0.1");
    UserId user = new UserId(typist);
    assertThat(service.claim(c, pollingStationId, n, user, actor).accepted()).as("claim").isTrue();
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (ResultsField f : results.fields()) {
      values.put(f.path(), f.value());
    }
    DataEntryService.Step saved = service.save(c, pollingStationId, n, user, values, 100, actor);
    assertThat(saved.accepted()).as("save: %s %s", saved.refusal(), saved.detail()).isTrue();
    DataEntryService.Step done = service.finalise(c, pollingStationId, n, user, true, actor);
    assertThat(done.accepted()).as("finalise: %s %s", done.refusal(), done.detail()).isTrue();
  }
}
