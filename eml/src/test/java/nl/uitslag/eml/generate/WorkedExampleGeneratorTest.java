package nl.uitslag.eml.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import nl.uitslag.eml.verify.CheckStatus;
import nl.uitslag.eml.verify.VerificationReport;
import nl.uitslag.eml.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example tk_group of apportionment.md §6.5 written as a TK election: the polling stations of every
 * kieskring add up to the example's figures exactly, each kieskring's 230b carries its own lists (the lijstengroep
 * with A1 on both X and Y), the 520 has the seats and elected candidates worked out by hand in the reference
 * (Kieswet P 12, P 15, P 16 lid 1, P 17), and the independent verifier agrees with the whole set.
 */
class WorkedExampleGeneratorTest {
  @TempDir Path a;
  @TempDir Path b;

  private static final WorkedExample EX = WorkedExample.TK_GROUP;

  static EmlDocument read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return EmlReader.read(in, p.toString(), ReadOptions.none());
    }
  }

  /** Per kieskring, list and candidate position: the votes of every polling station of every 510b added up. */
  static Map<Integer, Map<Integer, long[]>> stationSums(GeneratedSet set) throws IOException {
    Map<Integer, Map<Integer, long[]>> out = new TreeMap<>();
    for (Path p : set.files()) {
      if (!p.getFileName().toString().contains("_gemeente_")) {
        continue;
      }
      ContestCount c = ((EmlDocument.Counts) read(p)).count().contests().get(0);
      Map<Integer, long[]> district = out.computeIfAbsent(Integer.parseInt(c.contestId()), k -> new TreeMap<>());
      for (ReportingUnitCount u : c.units()) {
        for (ListVotes l : u.votes().lists()) {
          long[] sum = district.computeIfAbsent(l.listNumber(), k -> new long[l.candidates().size()]);
          for (CandidateVotes cv : l.candidates()) {
            sum[cv.position() - 1] += cv.votes();
          }
        }
      }
    }
    return out;
  }

  static Map<Integer, Map<Integer, long[]>> exampleFigures() {
    Map<Integer, Map<Integer, long[]>> out = new TreeMap<>();
    for (WorkedExample.District d : EX.districts()) {
      Map<Integer, long[]> m = new TreeMap<>();
      d.lists().forEach(l -> m.put(l.number(), l.votes()));
      out.put(d.number(), m);
    }
    return out;
  }

  static String show(Map<Integer, Map<Integer, long[]>> m) {
    StringBuilder s = new StringBuilder();
    m.forEach((d, lists) -> lists.forEach((l, v) -> s.append(d).append('/').append(l).append('=')
        .append(java.util.Arrays.toString(v)).append(' ')));
    return s.toString();
  }

  @Test
  void tkGroup_thePollingStationsOfEveryKieskringAddUpToTheExampleExactly() throws IOException {
    GeneratedSet set = WorkedExampleGenerator.generate(EX, 1, a);
    assertThat(show(stationSums(set))).isEqualTo(show(exampleFigures()));
    // The figures of the reference itself (apportionment.md §6.5), so the record cannot drift unnoticed.
    assertThat(show(exampleFigures())).isEqualTo("1/1=[300, 50, 20, 10] 1/2=[200, 30, 10, 5] 1/3=[90, 10] "
        + "2/1=[200, 40, 30, 10] 2/2=[150, 20, 5, 5] 3/1=[150, 100, 20, 10] 3/2=[100, 20, 10, 5] ");
    assertThat(set.municipalities()).isEqualTo(6);
    assertThat(set.pollingStations()).isBetween(12, 24);
  }

  @Test
  void tkGroup_everyMunicipalityHasSeveralStationsAndItsTotalIsTheirSumAndTheKieskring510cTheSumOfItsMunicipalities()
      throws IOException {
    GeneratedSet set = WorkedExampleGenerator.generate(EX, 1, a);
    Map<String, VoteCounts> municipal = new LinkedHashMap<>();
    for (Path p : set.files()) {
      String f = p.getFileName().toString();
      if (f.contains("_gemeente_")) {
        Count c = ((EmlDocument.Counts) read(p)).count();
        ContestCount cc = c.contests().get(0);
        assertThat(cc.units()).as(f).hasSizeBetween(2, 4);
        long valid = cc.units().stream().mapToLong(u -> u.votes().totalCounted()).sum();
        assertThat(cc.total().totalCounted()).as(f).isEqualTo(valid);
        municipal.put(c.authority().id(), cc.total());
      }
    }
    assertThat(municipal).containsOnlyKeys("0014", "0016", "0018", "0020", "0022", "0024");
    for (WorkedExample.District d : EX.districts()) {
      Count c = ((EmlDocument.Counts) read(a.resolve("Telling_TK2029_kieskring_" + d.number() + ".eml.xml"))).count();
      assertThat(c.authority().id()).isEqualTo("HSB" + d.number());
      ContestCount cc = c.contests().get(0);
      assertThat(cc.contestId()).isEqualTo(String.valueOf(d.number()));
      assertThat(cc.units()).hasSize(2);
      long valid = d.lists().stream().mapToLong(WorkedExample.ExampleList::total).sum();
      assertThat(cc.total().totalCounted()).isEqualTo(valid);
    }
  }

  @Test
  void tkGroup_eachKieskringsCandidateListsAreItsOwn_theLijstengroepWithA1OnBothListsP12() throws IOException {
    WorkedExampleGenerator.generate(EX, 1, a);
    Map<Integer, ContestLists> lists = new TreeMap<>();
    for (int d = 1; d <= 3; d++) {
      ContestLists cl = ((EmlDocument.Lists) read(a.resolve("Kandidatenlijsten_TK2029_kieskring_" + d + ".eml.xml")))
          .lists().contests().get(0);
      assertThat(cl.contestId()).isEqualTo(String.valueOf(d));
      lists.put(d, cl);
    }
    assertThat(lists.get(1).lists()).extracting(CandidateList::number).containsExactly(1, 2, 3);
    assertThat(lists.get(2).lists()).extracting(CandidateList::number).containsExactly(1, 2);
    assertThat(lists.get(3).lists()).extracting(CandidateList::number).containsExactly(1, 2);
    assertThat(codes(lists.get(1).list(1))).containsExactly("A1", "A2", "A3", "A4");
    assertThat(codes(lists.get(2).list(1))).containsExactly("A1", "A2", "A3", "A4");
    assertThat(codes(lists.get(3).list(1))).containsExactly("A1", "A5", "A6", "A7");
    assertThat(lists.get(3).list(1).type()).isEqualTo("lijstengroep");
    assertThat(lists.get(1).list(2).type()).isEqualTo("stel gelijkluidende lijsten");
    assertThat(lists.get(1).list(3).type()).isEqualTo("op zichzelf staande lijst");
    // One person: the same name on both lists of the group.
    assertThat(lists.get(1).list(1).candidate(1).name()).isEqualTo(lists.get(3).list(1).candidate(1).name());
  }

  static List<String> codes(CandidateList l) {
    return l.candidates().stream().map(c -> c.shortCode()).collect(Collectors.toList());
  }

  /** Per list of the 520: its elected candidates' ShortCodes in order, "*" for Ranking 1 (preference, P 15). */
  static Map<Integer, List<String>> elected(ElectionResult r) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    int list = 0;
    for (ResultEntry e : r.contests().get(0).entries()) {
      if (e instanceof ElectedList l) {
        list = l.listNumber();
        out.put(list, new ArrayList<>());
      } else {
        ElectedCandidate c = (ElectedCandidate) e;
        out.get(list).add(c.shortCode() + (c.ranking() == 1 ? "*" : ""));
      }
    }
    return out;
  }

  @Test
  void tkGroup_the520HasTheSeatsAndElectedWorkedOutByHand_P12P15P16P17() throws IOException {
    GeneratedSet set = WorkedExampleGenerator.generate(EX, 1, a);
    // apportionment.md §6.5: A 6, B 4, C 0.
    assertThat(set.seats()).containsExactlyInAnyOrderEntriesOf(Map.of(1, 6, 2, 4, 3, 0));
    assertThat(set.seats()).isEqualTo(EX.expectedSeats());
    ElectionResult r = ((EmlDocument.Result) read(a.resolve("Resultaat_TK2029.eml.xml"))).result();
    Map<Integer, List<String>> elected = elected(r);
    // X: A1 (P 16 lid 1: 500 of his 650 votes on X), A2, A3 by preference, A4 by list order (P 17);
    // Y: A5 by preference, A6 by list order, A1 passed over; B: B1, B2 by preference, B3, B4.
    assertThat(elected).containsOnlyKeys(1, 2);
    assertThat(elected.get(1)).containsExactly("A1*", "A2*", "A3*", "A4", "A5*", "A6");
    assertThat(elected.get(2)).containsExactly("B1*", "B2*", "B3", "B4");
    Map<Integer, List<String>> plain = new TreeMap<>();
    elected.forEach((k, v) -> plain.put(k, v.stream().map(s -> s.replace("*", "")).toList()));
    assertThat(plain).isEqualTo(new TreeMap<>(EX.expectedElected()));
    // A1 is one person with his votes over both lists (P 15 lid 1).
    ElectedCandidate a1 = r.contests().get(0).entries().stream().filter(e -> e instanceof ElectedCandidate)
        .map(e -> (ElectedCandidate) e).filter(c -> "A1".equals(c.shortCode())).findFirst().orElseThrow();
    assertThat(a1.votes()).isEqualTo(650L);
    ElectedList groupA = (ElectedList) r.contests().get(0).entries().get(0);
    assertThat(groupA.votes()).isEqualTo(940L);
  }

  @Test
  void tkGroup_theIndependentVerifierAgreesWithEveryLevelAndTheResult() {
    WorkedExampleGenerator.generate(EX, 1, a);
    VerificationReport r = Verifier.verify(a);
    assertThat(r.checks().stream().filter(c -> c.status() != CheckStatus.OK)
        .map(c -> c.status() + " " + c.kind() + " " + c.location() + ": " + c.message())
        .collect(Collectors.joining("\n"))).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.checks().stream().map(c -> c.kind()).distinct()).contains("seats", "elected", "unit-sum");
  }

  @Test
  void tkGroup_theSameSeedGivesTheSameBytesAndAnotherSeedAnotherSpreadButTheSameResult() throws IOException {
    GeneratedSet x = WorkedExampleGenerator.generate(EX, 1, a);
    GeneratedSet y = WorkedExampleGenerator.generate(EX, 1, b);
    assertThat(x.files()).hasSameSizeAs(y.files());
    for (int i = 0; i < x.files().size(); i++) {
      assertThat(Files.readAllBytes(x.files().get(i))).as(x.files().get(i).getFileName().toString())
          .isEqualTo(Files.readAllBytes(y.files().get(i)));
    }
    WorkedExampleGenerator.generate(EX, 2, b);
    assertThat(Files.readAllBytes(b.resolve("Telling_TK2029_gemeente_0014.eml.xml")))
        .isNotEqualTo(Files.readAllBytes(a.resolve("Telling_TK2029_gemeente_0014.eml.xml")));
    assertThat(Files.readAllBytes(b.resolve("Resultaat_TK2029.eml.xml")))
        .isEqualTo(Files.readAllBytes(a.resolve("Resultaat_TK2029.eml.xml")));
  }

  @Property(tries = 15)
  void tkGroup_anySeedAddsUpToTheExampleAndGivesItsSeats(@ForAll @LongRange(min = -1_000_000, max = 1_000_000)
      long seed) throws IOException {
    Path dir = Files.createTempDirectory("worked-example");
    try {
      GeneratedSet set = WorkedExampleGenerator.generate(EX, seed, dir);
      assertThat(show(stationSums(set))).isEqualTo(show(exampleFigures()));
      assertThat(set.seats()).isEqualTo(EX.expectedSeats());
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void anUnknownExampleIsRefusedWithTheNamesThatExist() {
    assertThatThrownBy(() -> WorkedExample.byName("tk_nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no worked example tk_nope").hasMessageContaining("tk_group");
    assertThat(WorkedExample.byName(" TK_GROUP ")).isSameAs(WorkedExample.TK_GROUP);
  }

  @Test
  void anExampleListWithMoreCandidatesThanVoteCountsIsRefused() {
    assertThatThrownBy(() -> new WorkedExample.ExampleList(1, "lijstengroep", null, List.of("A1", "A2"),
        new long[] {1})).hasMessageContaining("2 candidates, 1 vote counts");
  }
}
