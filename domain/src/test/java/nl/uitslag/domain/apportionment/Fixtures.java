package nl.uitslag.domain.apportionment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;

/** Builders for the worked examples of apportionment.md §6. */
final class Fixtures {
  private Fixtures() {}

  /** The Abacus fixture: 50 candidates, all votes on candidate 1. */
  static CandidateList fixture(int number, long votes) {
    long[] v = new long[50];
    v[0] = votes;
    return CandidateList.of(number, v);
  }

  /** GR1 below 19 seats, GR2 from 19 seats, each list the 50-candidate fixture. */
  static ApportionmentInput gr(int seats, long... votes) {
    return of(seats < 19 ? ElectionType.GR1 : ElectionType.GR2, seats, votes);
  }

  static ApportionmentInput of(ElectionType type, int seats, long... votes) {
    List<CandidateList> lists = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      lists.add(fixture(i + 1, votes[i]));
    }
    return ApportionmentInput.simple(type, seats, lists);
  }

  /** GR by seat count with explicit candidate votes per list. */
  static ApportionmentInput grLists(int seats, long[]... lists) {
    List<CandidateList> l = new ArrayList<>();
    for (int i = 0; i < lists.length; i++) {
      l.add(CandidateList.of(i + 1, lists[i]));
    }
    return ApportionmentInput.simple(seats < 19 ? ElectionType.GR1 : ElectionType.GR2, seats, l);
  }

  static long[] votes(long... v) {
    return v;
  }

  /** {@code first} followed by {@code zeros} zeros. */
  static long[] head(long first, int zeros) {
    long[] v = new long[zeros + 1];
    v[0] = first;
    return v;
  }

  static long[] repeat(long value, int times) {
    long[] v = new long[times];
    Arrays.fill(v, value);
    return v;
  }

  static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  static ApportionmentResult completed(ApportionmentInput in) {
    ApportionmentOutcome out = Apportionment.apportion(in);
    assertThat(out).isInstanceOf(ApportionmentOutcome.Completed.class);
    return ((ApportionmentOutcome.Completed) out).result();
  }

  static Lot lot(ApportionmentInput in) {
    ApportionmentOutcome out = Apportionment.apportion(in);
    assertThat(out).isInstanceOf(ApportionmentOutcome.LotRequired.class);
    return ((ApportionmentOutcome.LotRequired) out).lot();
  }

  static int[] seats(ApportionmentResult r) {
    return r.seats().values().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Residual and correction steps as "KIND list" (or "KIND list<from") strings, full seats left out. */
  static List<String> trail(ApportionmentResult r) {
    return trail(r.steps());
  }

  static List<String> trail(List<Step> steps) {
    List<String> t = new ArrayList<>();
    for (Step s : steps) {
      if (s.kind() == StepKind.FULL_SEATS || s.kind() == StepKind.GROUP_FULL_SEATS) {
        continue;
      }
      t.add(abbreviation(s.kind()) + " " + s.list() + (s.fromList().isEmpty() ? "" : "<" + s.fromList()));
    }
    return t;
  }

  private static String abbreviation(StepKind k) {
    switch (k) {
      case LARGEST_REMAINDER:
        return "LR";
      case UNIQUE_HIGHEST_AVERAGE:
        return "UHA";
      case HIGHEST_AVERAGE:
        return "HA";
      case UNRESTRICTED_HIGHEST_AVERAGE:
        return "HA3";
      case ABSOLUTE_MAJORITY:
        return "P9";
      case EXHAUSTION_RESIDUAL_SEAT_REMOVED:
        return "P10r";
      case EXHAUSTION_FULL_SEAT_REMOVED:
        return "P10f";
      case GROUP_LARGEST_REMAINDER:
        return "GLR";
      case GROUP_HIGHEST_AVERAGE:
        return "GHA";
      case GROUP_EXHAUSTION_SEAT_REMOVED:
        return "P13";
      case GROUP_SEAT_WITHDRAWN:
        return "P16";
      default:
        return k.name();
    }
  }

  static ApportionmentInput withDeceased(ApportionmentInput in, String... ids) {
    return in.withDeceased(Set.of(ids));
  }

  static ApportionmentInput withLots(ApportionmentInput in, String... outcomes) {
    return in.withLots(List.of(outcomes));
  }

  static ApportionmentInput.District district(int number, long weight) {
    return new ApportionmentInput.District(number, weight);
  }

  static ApportionmentInput.SubList sub(List<Integer> districts, List<String> candidates,
      Map<Integer, List<Long>> votes) {
    Map<Integer, VoteCounts> counts = new java.util.HashMap<>();
    votes.forEach((d, v) -> counts.put(d, VoteCounts.of(v)));
    return new ApportionmentInput.SubList(districts, candidates, counts);
  }

  static ApportionmentInput multi(ElectionType type, int seats, List<ApportionmentInput.District> districts,
      List<CandidateList> lists) {
    return new ApportionmentInput(type, seats, OptionalInt.empty(), districts, lists, Set.of(), List.of());
  }
}
