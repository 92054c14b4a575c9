package nl.uitslag.domain.apportionment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import nl.uitslag.domain.apportionment.ApportionmentInput.SubList;

/**
 * Invariants of multi-district elections with list groups (P 12, P 13, P 16, P 18) over random
 * TK-, PS2- and EK-like elections: shared candidates, small lists, zeros and deceased candidates.
 */
class ListGroupPropertiesTest {

  private static ApportionmentInput generate(long seed) {
    Random r = new Random(seed);
    ElectionType type = List.of(ElectionType.TK, ElectionType.PS2, ElectionType.EK).get(r.nextInt(3));
    int districts = 1 + r.nextInt(6);
    List<ApportionmentInput.District> ds = new ArrayList<>();
    for (int d = 1; d <= districts; d++) {
      ds.add(new ApportionmentInput.District(d, type == ElectionType.EK ? 1 + r.nextInt(1000) : 1));
    }
    int lists = 1 + r.nextInt(8);
    List<CandidateList> cl = new ArrayList<>();
    Set<String> deceased = new HashSet<>();
    for (int l = 1; l <= lists; l++) {
      List<Integer> all = new ArrayList<>();
      for (int d = 1; d <= districts; d++) {
        all.add(d);
      }
      List<List<Integer>> parts = new ArrayList<>();
      if (districts > 1 && r.nextBoolean()) {
        // a list group: split the districts into consecutive parts
        int start = 0;
        while (start < districts) {
          int len = 1 + r.nextInt(districts - start);
          parts.add(all.subList(start, start + len));
          start += len;
        }
      } else {
        parts.add(all);
      }
      int pool = 1 + r.nextInt(12);
      List<SubList> subs = new ArrayList<>();
      for (List<Integer> part : parts) {
        List<String> ids = new ArrayList<>();
        int n = 1 + r.nextInt(pool);
        while (ids.size() < n) {
          String id = l + "." + (1 + r.nextInt(pool));
          if (!ids.contains(id)) {
            ids.add(id);
          }
        }
        Map<Integer, VoteCounts> votes = new HashMap<>();
        for (int d : part) {
          List<Long> v = new ArrayList<>();
          for (int c = 0; c < n; c++) {
            int kind = r.nextInt(4);
            v.add(kind == 0 ? 0L : kind == 1 ? (long) r.nextInt(5) : (long) r.nextInt(kind == 2 ? 200 : 5000));
          }
          votes.put(d, VoteCounts.of(v));
        }
        subs.add(new SubList(part, ids, votes));
        if (r.nextInt(10) == 0) {
          deceased.add(ids.get(r.nextInt(ids.size())));
        }
      }
      cl.add(new CandidateList(l, "L" + l, subs));
    }
    int seats = 1 + r.nextInt(40);
    return new ApportionmentInput(type, seats, OptionalInt.empty(), ds, cl, deceased, List.of());
  }

  @Property(tries = 500)
  void seatsCandidatesAndGroupsAreConsistent(@ForAll @IntRange(min = 0, max = 1_000_000_000) int seed) {
    ApportionmentInput in = generate(seed);
    ApportionmentOutcome out = Apportionment.apportion(in);
    // draw lots with the last option until the computation completes
    List<String> drawn = new ArrayList<>();
    for (int k = 0; k < 60 && out instanceof ApportionmentOutcome.LotRequired; k++) {
      List<String> options = ((ApportionmentOutcome.LotRequired) out).lot().options();
      assertThat(options).hasSizeGreaterThan(1);
      drawn.add(options.get(options.size() - 1));
      out = Apportionment.apportion(in.withLots(drawn));
    }
    assertThat(out).isInstanceOf(ApportionmentOutcome.Completed.class);
    ApportionmentResult r = ((ApportionmentOutcome.Completed) out).result();
    for (StepKind kind : List.of(StepKind.GROUP_LARGEST_REMAINDER, StepKind.GROUP_EXHAUSTION_SEAT_REMOVED,
        StepKind.GROUP_HIGHEST_AVERAGE, StepKind.GROUP_SEAT_WITHDRAWN)) {
      net.jqwik.api.statistics.Statistics.label(kind.name())
          .collect(r.steps().stream().anyMatch(st -> st.kind() == kind));
    }
    int total = r.seats().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(total + r.unassignedSeats()).isEqualTo(in.seats());
    for (CandidateList l : in.lists()) {
      int sum = 0;
      Set<String> electedInGroup = new HashSet<>();
      for (int s = 0; s < l.sublists().size(); s++) {
        String key = l.sublists().size() == 1 ? "" + l.number() : l.number() + "." + (s + 1);
        ListResult lr = r.lists().get(key);
        assertThat(lr).as(key).isNotNull();
        sum += lr.seats();
        assertThat(lr.elected()).as("list %s", key).hasSize(lr.seats());
        assertThat(l.sublists().get(s).candidates()).containsAll(lr.elected());
        for (String id : lr.elected()) {
          assertThat(in.deceased()).doesNotContain(id);
          assertThat(electedInGroup.add(id)).as("%s elected twice in group %d", id, l.number()).isTrue();
        }
        assertThat(lr.ranking()).doesNotHaveDuplicates();
      }
      assertThat(sum).isEqualTo(r.seats().get(l.number()));
    }
  }
}
