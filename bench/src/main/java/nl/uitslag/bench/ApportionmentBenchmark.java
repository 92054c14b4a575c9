package nl.uitslag.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import nl.uitslag.domain.apportionment.ApportionmentInput.District;
import nl.uitslag.domain.apportionment.ApportionmentInput.SubList;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ElectionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seat apportionment and candidate election for a Tweede Kamer-sized election (product.md §6): 150 seats, 20
 * kieskringen, 30 lists of 50 candidates each, votes drawn from a fixed seed; and a 17-seat GR1 council.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApportionmentBenchmark {
  ApportionmentInput tweedeKamer;
  ApportionmentInput gemeenteraad;

  @Setup
  public void setUp() {
    tweedeKamer = tweedeKamer(20251029L);
    gemeenteraad = gemeenteraad(20260318L);
    // Fail fast if the generated input needs a lot: then the benchmark would measure a partial run.
    if (!(Apportionment.apportion(tweedeKamer) instanceof ApportionmentOutcome.Completed)
        || !(Apportionment.apportion(gemeenteraad) instanceof ApportionmentOutcome.Completed)) {
      throw new IllegalStateException("benchmark input requires a lot; pick another seed");
    }
  }

  @Benchmark
  public ApportionmentOutcome tweedeKamer150Seats20Districts30Lists() {
    return Apportionment.apportion(tweedeKamer);
  }

  @Benchmark
  public ApportionmentOutcome gemeenteraad17Seats8Lists() {
    return Apportionment.apportion(gemeenteraad);
  }

  static ApportionmentInput tweedeKamer(long seed) {
    Random random = new Random(seed);
    List<District> districts = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int d = 1; d <= 20; d++) {
      districts.add(new District(d, 1));
      numbers.add(d);
    }
    List<CandidateList> lists = new ArrayList<>();
    for (int l = 1; l <= 30; l++) {
      // A skewed party size, like real results: a few large parties and a long tail.
      double size = Math.pow(random.nextDouble(), 3);
      List<String> candidates = new ArrayList<>();
      for (int c = 1; c <= 50; c++) {
        candidates.add(l + "." + c);
      }
      Map<Integer, nl.uitslag.domain.apportionment.VoteCounts> votes = new HashMap<>();
      for (int d = 1; d <= 20; d++) {
        List<Long> perCandidate = new ArrayList<>();
        long listVotes = (long) (size * 200_000) + random.nextInt(5_000);
        for (int c = 1; c <= 50; c++) {
          long v = c == 1 ? listVotes / 2 : random.nextInt((int) Math.max(1, listVotes / 100));
          perCandidate.add(v);
        }
        votes.put(d, nl.uitslag.domain.apportionment.VoteCounts.of(perCandidate));
      }
      lists.add(new CandidateList(l, "Lijst " + l, List.of(new SubList(numbers, candidates, votes))));
    }
    return new ApportionmentInput(
        ElectionType.TK, 150, OptionalInt.empty(), districts, lists, Set.of(), List.of());
  }

  static ApportionmentInput gemeenteraad(long seed) {
    Random random = new Random(seed);
    List<CandidateList> lists = new ArrayList<>();
    for (int l = 1; l <= 8; l++) {
      long[] votes = new long[20];
      for (int c = 0; c < votes.length; c++) {
        votes[c] = c == 0 ? 500 + random.nextInt(3000) : random.nextInt(200);
      }
      lists.add(CandidateList.of(l, votes));
    }
    return ApportionmentInput.simple(ElectionType.GR1, 17, lists);
  }
}
