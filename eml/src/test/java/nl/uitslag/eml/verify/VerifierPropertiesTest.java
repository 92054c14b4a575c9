package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Invariants of the verifier on seeded synthetic GR1 elections (510b with several polling stations, and a 520
 * holding the apportionment of the same votes): a consistent set agrees; a seat moved between lists in the 520 is
 * found on both lists; a list total changed in any one polling station is found at that station.
 */
class VerifierPropertiesTest {
  static final LocalDateTime CREATED = LocalDateTime.of(2022, 3, 21, 12, 0);
  static final ElectionIdentifier ELECTION = new ElectionIdentifier("GR2022_Test", "Gemeenteraad Test 2022",
      ElectionCategory.GR, "GR1", new ElectionDomain("0999", "Test"), LocalDate.of(2022, 3, 16), null);

  /** A synthetic election: votes[unit][list][candidate], the seats, and the engine's result. */
  record Synthetic(long[][][] votes, int seats, ApportionmentResult result) {}

  static Synthetic election(long seed) {
    Random rnd = new Random(seed);
    int lists = 2 + rnd.nextInt(4);
    int units = 2 + rnd.nextInt(3);
    int[] candidates = new int[lists];
    for (int l = 0; l < lists; l++) {
      candidates[l] = 1 + rnd.nextInt(5);
    }
    long[][][] votes = new long[units][lists][];
    for (int u = 0; u < units; u++) {
      for (int l = 0; l < lists; l++) {
        votes[u][l] = new long[candidates[l]];
        for (int c = 0; c < candidates[l]; c++) {
          votes[u][l][c] = rnd.nextInt(40) + (u == 0 && c == 0 ? 1 : 0);
        }
      }
    }
    int seats = 5 + rnd.nextInt(12);
    List<ApportionmentInput.CandidateList> input = new ArrayList<>();
    for (int l = 0; l < lists; l++) {
      long[] sum = new long[candidates[l]];
      List<String> ids = new ArrayList<>();
      for (int c = 0; c < candidates[l]; c++) {
        ids.add((l + 1) + "." + (c + 1));
        for (int u = 0; u < units; u++) {
          sum[c] += votes[u][l][c];
        }
      }
      input.add(ApportionmentInput.CandidateList.of(l + 1, "L" + (l + 1), ids, sum));
    }
    ApportionmentOutcome outcome = Apportionment.apportion(ApportionmentInput.simple(ElectionType.GR1, seats, input));
    ApportionmentResult result = outcome instanceof ApportionmentOutcome.Completed
        ? ((ApportionmentOutcome.Completed) outcome).result() : null;
    return new Synthetic(votes, seats, result);
  }

  static VoteCounts group(long[][] votes) {
    List<ListVotes> lists = new ArrayList<>();
    long counted = 0;
    for (int l = 0; l < votes.length; l++) {
      List<CandidateVotes> cs = new ArrayList<>();
      long sum = 0;
      for (int c = 0; c < votes[l].length; c++) {
        cs.add(new CandidateVotes(c + 1, votes[l][c]));
        sum += votes[l][c];
      }
      lists.add(new ListVotes(l + 1, "L" + (l + 1), sum, null, cs));
      counted += sum;
    }
    return new VoteCounts(lists, 0, null, counted, null, Map.of(RejectedReason.BLANK, 0L,
        RejectedReason.INVALID, 0L), Map.of(), Map.of(), Map.of());
  }

  static byte[] count(long[][][] votes) {
    long[][] total = new long[votes[0].length][];
    for (int l = 0; l < total.length; l++) {
      total[l] = new long[votes[0][l].length];
      for (long[][] unit : votes) {
        for (int c = 0; c < total[l].length; c++) {
          total[l][c] += unit[l][c];
        }
      }
    }
    List<ReportingUnitCount> units = new ArrayList<>();
    for (int u = 0; u < votes.length; u++) {
      units.add(new ReportingUnitCount("0999::SB" + (u + 1), "Stembureau " + (u + 1), null, null, group(votes[u]),
          List.of()));
    }
    Count count = new Count(ELECTION, new ManagingAuthority("0999", "Test"), null, null,
        List.of(new ContestCount("geen", null, group(total), units)));
    return EmlWriter.writeCount(EmlKind.E510B, count, CREATED);
  }

  /** The 520 of a result, optionally with the last elected candidate of list {@code from} moved to list {@code to}. */
  static byte[] result(ApportionmentResult r, int from, int to) {
    List<ResultEntry> entries = new ArrayList<>();
    Map<String, ListResult> lists = r.lists();
    for (ListResult l : lists.values()) {
      int n = Integer.parseInt(l.list());
      List<String> elected = new ArrayList<>(l.elected());
      if (n == from) {
        elected.remove(elected.size() - 1);
      }
      if (n == to) {
        elected.add(from + ".moved");
      }
      if (elected.isEmpty()) {
        continue;
      }
      entries.add(new ElectedList(n, "L" + n, null));
      int order = 0;
      for (String id : elected) {
        order++;
        entries.add(new ElectedCandidate(order, null, new PersonName("X.", null, null, "Candidate " + id), null,
            null, null, null, l.preferenceElected().contains(id) ? 1 : 2));
      }
    }
    ElectionResult result = new ElectionResult(ELECTION, new ManagingAuthority("CSB", "Centraal stembureau"),
        List.of(new ContestResult("geen", null, entries)));
    return EmlWriter.writeResult(result, CREATED);
  }

  static VerificationReport verify(byte[] count, byte[] result) throws IOException {
    Path dir = Files.createTempDirectory("verify");
    try {
      Files.write(dir.resolve("count.xml"), count);
      Files.write(dir.resolve("result.xml"), result);
      return Verifier.verify(dir);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Property(tries = 40, maxDiscardRatio = 3)
  void aConsistentElectionAgrees(@ForAll long seed) throws IOException {
    Synthetic e = election(seed);
    Assume.that(e.result() != null && e.result().unassignedSeats() == 0);
    VerificationReport r = verify(count(e.votes()), result(e.result(), 0, 0));
    assertThat(r.differences()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Property(tries = 40, maxDiscardRatio = 3)
  void aSeatMovedBetweenListsInThe520IsFoundOnBothLists(@ForAll long seed) throws IOException {
    Synthetic e = election(seed);
    Assume.that(e.result() != null && e.result().unassignedSeats() == 0);
    int lists = e.votes()[0].length;
    int from = 0;
    for (int l = 1; l <= lists; l++) {
      if (e.result().seatsOf(l) > 0) {
        from = l;
        break;
      }
    }
    int to = from == lists ? 1 : from + 1;
    VerificationReport r = verify(count(e.votes()), result(e.result(), from, to));
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).filteredOn(c -> c.kind().equals("seats")).extracting(Check::location)
        .contains("result.xml, list " + from, "result.xml, list " + to);
  }

  @Property(tries = 40, maxDiscardRatio = 3)
  void aListTotalChangedInOneStationIsFoundAtThatStation(@ForAll long seed) throws IOException {
    Synthetic e = election(seed);
    Assume.that(e.result() != null && e.result().unassignedSeats() == 0);
    int unit = 1 + new Random(seed ^ 0x5DEECE66DL).nextInt(e.votes().length);
    String text = new String(count(e.votes()), StandardCharsets.UTF_8);
    int at = text.indexOf("<ReportingUnitIdentifier Id=\"0999::SB" + unit + "\"");
    int v = text.indexOf("<ValidVotes>", at) + "<ValidVotes>".length();
    int end = text.indexOf('<', v);
    long old = Long.parseLong(text.substring(v, end));
    byte[] changed = (text.substring(0, v) + (old + 1) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
    VerificationReport r = verify(changed, result(e.result(), 0, 0));
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).anySatisfy(c -> {
      assertThat(c.location()).endsWith("reporting unit 0999::SB" + unit + ", list 1");
      assertThat(c.published()).isEqualTo(String.valueOf(old + 1));
      assertThat(c.recomputed()).isEqualTo(String.valueOf(old));
    });
    assertThat(r.differences()).anySatisfy(c -> assertThat(c.location()).endsWith("total of list 1"));
  }
}
