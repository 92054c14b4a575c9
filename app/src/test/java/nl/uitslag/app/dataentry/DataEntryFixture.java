package nl.uitslag.app.dataentry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UserRepository;

/**
 * A small GR election with a GSB counting centrally (CSO, unless another method is given): list 1 with three candidates, list 2 with two, the
 * given number of polling stations, a coordinator and three typists. Every fixture has its own names, so tests
 * sharing one database do not meet.
 */
final class DataEntryFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();

  final long electionId;
  final long committeeId;
  final List<Long> stations;
  final String coordinator;
  final String anna;
  final String bert;
  final String carla;

  DataEntryFixture(ElectionRepository elections, UserRepository users, int stationCount) {
    this(elections, users, stationCount, "CSO");
  }

  DataEntryFixture(ElectionRepository elections, UserRepository users, int stationCount, String countingMethod) {
    int n = SEQ.incrementAndGet();
    Instant now = Instant.parse("2026-03-18T21:00:00Z");
    electionId = elections.insertElection(
        new ElectionView(0, "GR2026_Test" + n, "Gemeenteraad Test " + n, "GR", "GR1", LocalDate.of(2026, 3, 18),
            19, "Testdorp", "9999", countingMethod, null), now);
    elections.insertList(electionId, new ListView(1, "Partij Een", candidates(3)));
    elections.insertList(electionId, new ListView(2, "Partij Twee", candidates(2)));
    for (int i = 1; i <= stationCount; i++) {
      elections.insertPollingStation(electionId,
          new PollingStationView(0, i, "Stembureau " + i, null, null, "FIXED", null));
    }
    committeeId = elections.insertCommittee(electionId, "GSB", "Gemeentelijk stembureau Testdorp " + n, "9999");
    stations = elections.pollingStations(electionId).stream().map(PollingStationView::id).toList();
    coordinator = "coord" + n;
    anna = "anna" + n;
    bert = "bert" + n;
    carla = "carla" + n;
    // The hash is never checked: tests log in through the principal, not with a password.
    users.insert(coordinator, "Coby Coördinator", "unused", Role.COORDINATOR, committeeId, false, now);
    users.insert(anna, "Anna Invoer", "unused", Role.TYPIST, committeeId, false, now);
    users.insert(bert, "Bert Invoer", "unused", Role.TYPIST, committeeId, false, now);
    users.insert(carla, "Carla Invoer", "unused", Role.TYPIST, committeeId, false, now);
  }

  private static List<CandidateView> candidates(int count) {
    List<CandidateView> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new CandidateView(i, "K.", null, null, "Kandidaat" + i, "Testdorp", null));
    }
    return out;
  }

  /**
   * A consistent Na 31-2 Bijlage 1 as posted by the form: no errors and no warnings. A = D = H = 100,
   * E.1 = 61, E.2 = 35, E = 96, F = 2, G = 2.
   */
  static Map<String, String> consistentForm() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("extraInvestigation.otherReason.no", "true");
    p.put("extraInvestigation.ballotsRecounted.no", "true");
    p.put("countingDifferences.explainedBySb.yes", "true");
    p.put("countingDifferences.listTotalsDiffer.no", "true");
    p.put("A", "100");
    p.put("B", "");
    p.put("D", "100");
    p.put("E.1", "61");
    p.put("E.2", "35");
    p.put("E", "96");
    p.put("F", "2");
    p.put("G", "2");
    p.put("H", "100");
    p.put("compare.equal", "true");
    p.put("I", "");
    p.put("J", "");
    p.put("list.1.candidate.1", "41");
    p.put("list.1.candidate.2", "15");
    p.put("list.1.candidate.3", "5");
    p.put("list.1.total", "61");
    p.put("list.2.candidate.1", "30");
    p.put("list.2.candidate.2", "5");
    p.put("list.2.total", "35");
    return p;
  }
}
