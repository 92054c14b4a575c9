package nl.uitslag.domain.apportionment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For one list (or list group) with its seats: the distribution over the lists of a group (P 12,
 * P 13), the candidates elected on preference votes (P 15, P 16) and in list order (P 17, P 18), and
 * the ranking for later vacancies (P 19, P 19a). A single list is handled as a group of one.
 */
final class CandidateElection {
  private final ElectionModel m;
  private final LotBox lots;
  private final List<Step> steps;
  private final long total;
  private final int seatCount;

  CandidateElection(ElectionModel model, LotBox lots, List<Step> steps) {
    this.m = model;
    this.lots = lots;
    this.steps = steps;
    this.total = model.totalVotes;
    this.seatCount = model.seats;
  }

  /** Whether a person's votes (over all lists of the group) pass the voorkeurdrempel (P 15 lid 1). */
  boolean qualifies(long personVotes) {
    if (total == 0) {
      return false;
    }
    // votes > p % · V / S  ⇔  100 · S · votes > p · V   (EK, U 15 lid 1: ≥)
    int c = Fraction.compareProducts(
        Math.multiplyExact(personVotes, 100L), seatCount, m.preferencePercent, total);
    return m.type.preferenceThresholdInclusive() ? c >= 0 : c > 0;
  }

  List<ListResult> elect(ElectionModel.Unit u, int unitSeats) {
    Group g = new Group(u, unitSeats);
    if (u.isGroup()) {
      g.distribute();
    } else {
      g.subSeats[0] = unitSeats;
    }
    g.preferenceElection();
    g.listOrderElection();
    List<ListResult> results = new ArrayList<>(u.subs.length);
    for (int j = 0; j < u.subs.length; j++) {
      results.add(g.result(j));
    }
    return results;
  }

  /** The state of one list group during P 12 – P 19. */
  private final class Group {
    final ElectionModel.Unit u;
    final ElectionModel.Sub[] subs;
    final int k;
    final int[] subSeats;
    final List<List<Integer>> elected = new ArrayList<>();
    final List<List<Integer>> preference = new ArrayList<>();
    /** Sub on which a person was elected by preference, or -1. */
    final int[] preferenceSub;
    final boolean[][] excluded;
    /** isElected[j][p]: person p holds a seat on list j (mirror of {@code elected}, for speed). */
    final boolean[][] isElected;
    // P 12 state
    int groupSeats;
    long[] remainder;
    boolean[] hadRemainderSeat;
    /** Order in which the group's seats were given (for P 16 lid 2: last given goes first). */
    final List<GroupSeat> sequence = new ArrayList<>();

    Group(ElectionModel.Unit u, int seatsOfGroup) {
      this.u = u;
      this.subs = u.subs;
      this.k = subs.length;
      this.subSeats = new int[k];
      this.groupSeats = seatsOfGroup;
      this.preferenceSub = new int[u.personIds.length];
      Arrays.fill(preferenceSub, -1);
      this.excluded = new boolean[k][u.personIds.length];
      this.isElected = new boolean[k][u.personIds.length];
      this.remainder = new long[k];
      this.hadRemainderSeat = new boolean[k];
      for (int j = 0; j < k; j++) {
        elected.add(new ArrayList<>());
        preference.add(new ArrayList<>());
      }
    }

    // ---- P 12, P 13: the group's seats over its lists ------------------------------------------

    void distribute() {
      int seatsG = groupSeats;
      if (seatsG == 0) {
        return;
      }
      long vg = u.votes;
      List<Standing> standings = new ArrayList<>(k);
      int assigned = 0;
      for (int j = 0; j < k; j++) {
        long vs = Math.multiplyExact(subs[j].total, (long) seatsG);
        subSeats[j] = (int) (vs / vg);
        remainder[j] = vs - subSeats[j] * vg;
        assigned += subSeats[j];
        standings.add(new Standing(subs[j].key, 0, Fraction.of(vs, vg), true));
        for (int s = 0; s < subSeats[j]; s++) {
          sequence.add(new GroupSeat(j, StepKind.GROUP_FULL_SEATS, new int[] {j}, new int[] {j}));
        }
      }
      addStep(StepKind.GROUP_FULL_SEATS, u.key, "", Fraction.of(vg, seatsG), new int[0], standings);
      int residual = seatsG - assigned;
      for (int r = 0; r < residual; r++) {
        // P 12: largest remainders, at most one per list
        giveSeat(residual - r, j -> !hadRemainderSeat[j], false);
      }
      // P 13 lid 1: a list with more seats than candidates passes the excess on within the group
      int freed = 0;
      for (int j = 0; j < k; j++) {
        while (subSeats[j] > subs[j].living) {
          removeSeat(j);
          freed++;
        }
      }
      for (int f = 0; f < freed; f++) {
        if (giveSeat(freed - f, j -> subSeats[j] < subs[j].living, true) < 0) {
          groupSeats--;
        }
      }
    }

    /**
     * Gives one seat of the group by continued application of P 12 (largest remainders, once per
     * list) and then P 13 lid 2 (largest averages) to a list accepted by {@code eligible}; returns
     * the list or -1 when none can take it.
     */
    int giveSeat(int seatsLeftInRun, java.util.function.IntPredicate eligible, boolean averagesAllowed) {
      boolean[] ok = new boolean[k];
      boolean any = false;
      for (int j = 0; j < k; j++) {
        ok[j] = eligible.test(j) && !hadRemainderSeat[j];
        any |= ok[j];
      }
      StepKind kind = StepKind.GROUP_LARGEST_REMAINDER;
      if (!any && averagesAllowed) {
        kind = StepKind.GROUP_HIGHEST_AVERAGE;
        for (int j = 0; j < k; j++) {
          ok[j] = eligible.test(j);
          any |= ok[j];
        }
      }
      if (!any) {
        return -1;
      }
      int best = -1;
      for (int j = 0; j < k; j++) {
        if (ok[j] && (best < 0 || compare(kind, j, best) > 0)) {
          best = j;
        }
      }
      int[] tied = new int[k];
      int count = 0;
      for (int j = 0; j < k; j++) {
        if (ok[j] && compare(kind, j, best) == 0) {
          tied[count++] = j;
        }
      }
      tied = Arrays.copyOf(tied, count);
      int winner = tied[0];
      Fraction value = value(kind, best);
      if (tied.length > seatsLeftInRun) {
        winner = drawSub(kind == StepKind.GROUP_LARGEST_REMAINDER
            ? LotKind.GROUP_LARGEST_REMAINDER : LotKind.GROUP_HIGHEST_AVERAGE, tied, value);
      }
      List<Standing> standings = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        standings.add(new Standing(subs[j].key, subSeats[j], value(kind, j), ok[j]));
      }
      addStep(kind, subs[winner].key, "", value, tied, standings);
      subSeats[winner]++;
      if (kind == StepKind.GROUP_LARGEST_REMAINDER) {
        hadRemainderSeat[winner] = true;
      }
      int[] group = new int[] {winner};
      if (!sequence.isEmpty()) {
        GroupSeat previous = sequence.get(sequence.size() - 1);
        if (previous.kind == kind && contains(previous.options, winner)) {
          group = Arrays.copyOf(previous.assigned, previous.assigned.length + 1);
          group[group.length - 1] = winner;
        }
      }
      sequence.add(new GroupSeat(winner, kind, tied, group));
      return winner;
    }

    private int compare(StepKind kind, int i, int j) {
      if (kind == StepKind.GROUP_LARGEST_REMAINDER) {
        return Long.compare(remainder[i], remainder[j]);
      }
      return Fraction.compareProducts(subs[i].total, subSeats[j] + 1L, subs[j].total, subSeats[i] + 1L);
    }

    private Fraction value(StepKind kind, int j) {
      if (kind == StepKind.GROUP_LARGEST_REMAINDER) {
        return Fraction.of(remainder[j], Math.max(1, groupSeats));
      }
      return Fraction.of(subs[j].total, subSeats[j] + 1L);
    }

    private void removeSeat(int j) {
      List<Standing> standings = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        standings.add(new Standing(subs[i].key, subSeats[i], Fraction.of(subs[i].living), i == j));
      }
      addStep(StepKind.GROUP_EXHAUSTION_SEAT_REMOVED, subs[j].key, "",
          Fraction.of(subs[j].living), new int[0], standings);
      subSeats[j]--;
      for (int s = sequence.size() - 1; s >= 0; s--) {
        if (sequence.get(s).sub == j) {
          sequence.remove(s);
          break;
        }
      }
    }

    private int drawSub(LotKind kind, int[] options, Fraction value) {
      List<String> names = new ArrayList<>();
      for (int j : options) {
        names.add("list " + subs[j].key);
      }
      int given = 0;
      for (int s : subSeats) {
        given += s;
      }
      String outcome = lots.draw(new Lot(kind, names, List.of(given + 1), value, u.key));
      return options[names.indexOf(outcome)];
    }

    // ---- P 15, P 16: preference votes -----------------------------------------------------------

    void preferenceElection() {
      int persons = u.personIds.length;
      Integer[] order = new Integer[persons];
      int q = 0;
      for (int p = 0; p < persons; p++) {
        if (!u.personDeceased[p] && qualifies(u.personVotes[p])) {
          order[q++] = p;
        }
      }
      Integer[] qualified = Arrays.copyOf(order, q);
      // decreasing votes; equal votes keep list order (person index = order of first appearance)
      Arrays.sort(qualified, (a, b) -> a.equals(b) ? 0
          : u.personVotes[a] != u.personVotes[b]
              ? Long.compare(u.personVotes[b], u.personVotes[a]) : Integer.compare(a, b));
      int electedCount = 0;
      int idx = 0;
      while (idx < qualified.length) {
        int free = totalSeats() - electedCount;
        if (free == 0) {
          return;
        }
        int end = idx;
        while (end < qualified.length && u.personVotes[qualified[end]] == u.personVotes[qualified[idx]]) {
          end++;
        }
        List<Integer> block = new ArrayList<>(Arrays.asList(qualified).subList(idx, end));
        if (block.size() <= free) {
          // equal votes that all fit: list order, no lot (apportionment.md §4.3, §5 row 3)
          for (int p : block) {
            electPreferential(p);
            electedCount++;
          }
        } else {
          // P 15 lid 2: fewer seats than tied candidates: one lot per seat
          while (free > 0) {
            List<String> names = new ArrayList<>();
            for (int p : block) {
              names.add(u.personIds[p]);
            }
            List<Integer> concerned = new ArrayList<>();
            for (int s = 1; s <= free; s++) {
              concerned.add(electedCount + s);
            }
            String outcome = lots.draw(new Lot(LotKind.CANDIDATE, names, concerned,
                Fraction.of(u.personVotes[block.get(0)]), u.key));
            int p = block.remove(names.indexOf(outcome));
            electPreferential(p);
            electedCount++;
            free--;
          }
          return;
        }
        idx = end;
      }
    }

    private int totalSeats() {
      int t = 0;
      for (int s : subSeats) {
        t += s;
      }
      return t;
    }

    private void electPreferential(int p) {
      // P 16 lid 1: on the list with most votes for him among those with a free seat;
      // equal votes: the list of the kieskring with the lowest number
      int best = bestSub(p, true);
      if (best < 0) {
        best = bestSub(p, false);
        withdrawLastSeat(best);
      }
      elected.get(best).add(p);
      isElected[best][p] = true;
      preference.get(best).add(p);
      preferenceSub[p] = best;
    }

    private int bestSub(int p, boolean needFreeSeat) {
      int best = -1;
      long bestVotes = -1;
      for (int j = 0; j < k; j++) {
        int pos = position(j, p);
        if (pos < 0 || (needFreeSeat && elected.get(j).size() >= subSeats[j])) {
          continue;
        }
        long v = subs[j].votes[pos];
        if (v > bestVotes || (v == bestVotes && subs[j].lowestDistrict < subs[best].lowestDistrict)) {
          best = j;
          bestVotes = v;
        }
      }
      return best;
    }

    /** P 16 lid 2: the group seat given last, on a list that still has a free seat, moves to {@code to}. */
    private void withdrawLastSeat(int to) {
      for (int s = sequence.size() - 1; s >= 0; s--) {
        GroupSeat seat = sequence.get(s);
        if (!hasFreeSeat(seat.sub)) {
          continue;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int j : seat.assigned) {
          if (hasFreeSeat(j) && !candidates.contains(j)) {
            candidates.add(j);
          }
        }
        int from = seat.sub;
        if (candidates.size() > 1) {
          int[] options = candidates.stream().mapToInt(Integer::intValue).toArray();
          from = drawSub(seat.kind == StepKind.GROUP_HIGHEST_AVERAGE
              ? LotKind.GROUP_HIGHEST_AVERAGE : LotKind.GROUP_LARGEST_REMAINDER, options,
              value(seat.kind, seat.sub));
        }
        List<Standing> standings = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
          standings.add(new Standing(subs[j].key, subSeats[j],
              Fraction.of(subSeats[j] - elected.get(j).size()), j == from));
        }
        addStep(StepKind.GROUP_SEAT_WITHDRAWN, subs[to].key, subs[from].key, Fraction.ZERO,
            new int[0], standings);
        subSeats[from]--;
        subSeats[to]++;
        for (int t = sequence.size() - 1; t >= 0; t--) {
          if (sequence.get(t).sub == from) {
            sequence.remove(t);
            break;
          }
        }
        return;
      }
      throw new IllegalStateException("P 16 lid 2: no list of group " + u.key + " has a free seat");
    }

    private boolean hasFreeSeat(int j) {
      return elected.get(j).size() < subSeats[j];
    }

    // ---- P 17, P 18: list order; late exhaustion inside a group ---------------------------------

    void listOrderElection() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int j = 0; j < k; j++) {
          while (elected.get(j).size() < subSeats[j]) {
            int p = nextInListOrder(j, false);
            if (p >= 0) {
              elected.get(j).add(p);
              isElected[j][p] = true;
              continue;
            }
            // P 13 continued (late exhaustion): the list has no candidate left for this seat
            removeSeat(j);
            final int exhausted = j;
            if (giveSeat(1, i -> i != exhausted && nextInListOrder(i, true) >= 0, true) < 0) {
              groupSeats--;
            }
            changed = true;
          }
        }
        // P 18: a person elected on several lists of the group keeps the list with most votes for
        // him (equal: lowest kieskring number); the other lists go on in list order
        for (int p = 0; p < u.personIds.length; p++) {
          if (preferenceSub[p] >= 0) {
            continue;
          }
          int count = 0;
          for (int j = 0; j < k; j++) {
            if (isElected[j][p]) {
              count++;
            }
          }
          if (count < 2) {
            continue;
          }
          int keep = -1;
          long keepVotes = -1;
          for (int j = 0; j < k; j++) {
            if (isElected[j][p]) {
              long v = subs[j].votes[position(j, p)];
              if (v > keepVotes || (v == keepVotes && subs[j].lowestDistrict < subs[keep].lowestDistrict)) {
                keep = j;
                keepVotes = v;
              }
            }
          }
          for (int j = 0; j < k; j++) {
            if (j != keep && isElected[j][p]) {
              elected.get(j).remove(Integer.valueOf(p));
              isElected[j][p] = false;
              excluded[j][p] = true;
              changed = true;
            }
          }
        }
      }
    }

    /** The next candidate of list j in list order who can still be elected there, or -1. */
    private int nextInListOrder(int j, boolean notElectedAnywhere) {
      for (int p : subs[j].person) {
        if (u.personDeceased[p] || preferenceSub[p] >= 0 || excluded[j][p]
            || isElected[j][p]) {
          continue;
        }
        if (notElectedAnywhere && electedSomewhere(p)) {
          continue;
        }
        return p;
      }
      return -1;
    }

    private boolean electedSomewhere(int p) {
      for (int j = 0; j < k; j++) {
        if (isElected[j][p]) {
          return true;
        }
      }
      return false;
    }

    private int position(int j, int p) {
      int[] person = subs[j].person;
      for (int c = 0; c < person.length; c++) {
        if (person[c] == p) {
          return c;
        }
      }
      return -1;
    }

    // ---- P 19, P 19a: ranking -------------------------------------------------------------------

    ListResult result(int j) {
      ElectionModel.Sub sub = subs[j];
      List<String> original = new ArrayList<>(sub.person.length);
      boolean deceasedOnList = false;
      for (int p : sub.person) {
        if (u.personDeceased[p]) {
          deceasedOnList = true;
        } else {
          original.add(u.personIds[p]);
        }
      }
      List<String> electedIds = ids(elected.get(j));
      List<String> preferenceIds = ids(preference.get(j));
      List<String> ranking;
      // P 19 lid 5: with 19 seats or more, no new ranking for a list without elected candidates
      // that is not part of a group that got seats (U 15 lid 2 for the EK: never a lid-2 block)
      boolean groupHasSeats = totalSeats() > 0;
      if (electedIds.isEmpty() && seatCount >= 19 && !(u.isGroup() && groupHasSeats)) {
        ranking = original;
      } else {
        ranking = new ArrayList<>(sub.person.length);
        boolean[] placed = new boolean[u.personIds.length];
        for (int p : preference.get(j)) {
          ranking.add(u.personIds[p]);
          placed[p] = true;
        }
        if (m.type.rankingHasThresholdBlock()) {
          // P 19 lid 2: the others above the threshold, by decreasing votes, equal votes list order
          List<Integer> above = new ArrayList<>();
          for (int p : sub.person) {
            if (!u.personDeceased[p] && !placed[p] && qualifies(u.personVotes[p])) {
              above.add(p);
            }
          }
          above.sort((a, b) -> Long.compare(u.personVotes[b], u.personVotes[a]));
          for (int p : above) {
            ranking.add(u.personIds[p]);
            placed[p] = true;
          }
        }
        for (int p : sub.person) {
          if (!placed[p] && !u.personDeceased[p]) {
            ranking.add(u.personIds[p]);
          }
        }
      }
      return new ListResult(sub.key, subSeats[j], electedIds, preferenceIds, ranking,
          deceasedOnList || !ranking.equals(original));
    }

    private List<String> ids(List<Integer> persons) {
      List<String> r = new ArrayList<>(persons.size());
      for (int p : persons) {
        r.add(u.personIds[p]);
      }
      return r;
    }
  }

  /** A seat of a list group in the order it was given, with its tie group (P 16 lid 2). */
  private record GroupSeat(int sub, StepKind kind, int[] options, int[] assigned) {}

  private void addStep(StepKind kind, String list, String from, Fraction value, int[] tied,
      List<Standing> standings) {
    List<String> names = new ArrayList<>(tied.length);
    for (int i : tied) {
      names.add(standings.get(i).list());
    }
    steps.add(new Step(steps.size() + 1, kind, list, from, value, names, standings));
  }

  private static boolean contains(int[] a, int x) {
    for (int y : a) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }
}
