package nl.uitslag.domain.apportionment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the seat apportionment (P 5–P 10): full seats, residual seats, P 9, P 10; then the
 * distribution inside list groups and the candidate election, delegated to {@link CandidateElection}.
 *
 * <p>All values are compared by cross-multiplication of non-negative longs (apportionment.md §3.8);
 * fractions are only built for the step standings.
 */
final class ApportionmentRun {
  private final ElectionModel m;
  private final ElectionModel.Unit[] units;
  private final int n;
  private final int seatCount;
  private final long total;
  private final LotBox lots;
  private final List<Step> steps = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();

  private final long[] votes;
  private final int[] full;
  private final int[] seats;
  /** Numerator of the remainder over denominator S: v·S − f·V (P 6), never recomputed. */
  private final long[] remainder;
  private final int[] round1;
  private final int[] round2;
  private final boolean[] lostToMajority;
  private final List<ResidualRecord> residualHistory = new ArrayList<>();
  private int unassigned;

  /** A residual seat as needed for the tie-group rule of P 9 (apportionment.md §3.5 item 3). */
  private record ResidualRecord(StepKind kind, int list, int[] options, int[] assigned) {}

  ApportionmentRun(ElectionModel model, List<String> recordedLots) {
    this.m = model;
    this.units = model.units;
    this.n = units.length;
    this.seatCount = model.seats;
    this.total = model.totalVotes;
    this.lots = new LotBox(recordedLots);
    this.votes = new long[n];
    for (int i = 0; i < n; i++) {
      votes[i] = units[i].votes;
    }
    this.full = new int[n];
    this.seats = new int[n];
    this.remainder = new long[n];
    this.round1 = new int[n];
    this.round2 = new int[n];
    this.lostToMajority = new boolean[n];
  }

  List<Step> steps() {
    return steps;
  }

  List<Warning> warnings() {
    return warnings;
  }

  ApportionmentResult execute() {
    boolean below19 = m.type.usesLargestRemainders(seatCount);
    String code = m.type.name();
    if ((code.endsWith("1") && !below19 && !code.equals("PS1"))
        || (code.endsWith("2") && below19 && !code.equals("PS2"))) {
      warn(WarningCode.SUBCATEGORY_SEAT_COUNT_MISMATCH,
          code + " with " + seatCount + " seats: the residual seats follow "
              + (below19 ? "P 8 (fewer than 19 seats)" : "P 7 (19 seats or more)"));
    }
    if (total == 0) {
      unassigned = seatCount;
      warn(WarningCode.NO_VOTES, "no valid votes were cast: no kiesdeler and no seats");
    } else {
      fullSeats();
      int residual = seatCount - sum(seats);
      if (residual > 0) {
        assignResidual(residual, false);
      }
      boolean majority = residual > 0 && m.type.absoluteMajorityRule() && absoluteMajority();
      boolean exhausted = exhaustion();
      if (majority && exhausted && below19) {
        warn(WarningCode.ABSOLUTE_MAJORITY_AND_EXHAUSTION,
            "P 9 and P 10 were both applied; the law does not say whether the P 9 seat counts as the"
                + " list's residual seat in the continued application. This result follows the Kiesraad"
                + " software (Abacus); consult the Kiesraad before establishing it.");
      }
    }
    if (unassigned > 0 && total > 0) {
      warn(WarningCode.SEATS_UNASSIGNED,
          unassigned + " seat(s) stay unassigned: no list with candidates left can take them");
    }
    Fraction quota = total == 0 ? Fraction.ZERO : Fraction.of(total, seatCount);
    Fraction threshold = quota.multiply(Fraction.of(m.preferencePercent, 100));
    CandidateElection election = new CandidateElection(m, lots, steps);
    Map<Integer, Integer> seatMap = new LinkedHashMap<>();
    Map<String, ListResult> listResults = new LinkedHashMap<>();
    int groupUnassigned = 0;
    for (int i = 0; i < n; i++) {
      List<ListResult> results = election.elect(units[i], seats[i]);
      int unitSeats = 0;
      for (ListResult r : results) {
        listResults.put(r.list(), r);
        unitSeats += r.seats();
      }
      groupUnassigned += seats[i] - unitSeats;
      seatMap.put(units[i].number, unitSeats);
    }
    if (groupUnassigned > 0) {
      unassigned += groupUnassigned;
      warn(WarningCode.SEATS_UNASSIGNED,
          groupUnassigned + " seat(s) of list groups stay unassigned: no list of the group has"
              + " candidates left");
    }
    lots.checkAllUsed();
    return new ApportionmentResult(
        total, quota, threshold, seatMap, listResults, unassigned, steps, warnings);
  }

  // ---- P 6: full seats ------------------------------------------------------------------------

  private void fullSeats() {
    List<Standing> standings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long vs = Math.multiplyExact(votes[i], (long) seatCount);
      full[i] = (int) (vs / total);
      seats[i] = full[i];
      remainder[i] = vs - full[i] * total;
      // value = stemcijfer / kiesdeler, so a reader sees how many kiesdelers the list reached
      standings.add(new Standing(units[i].key, 0, Fraction.of(vs, total), true));
    }
    addStep(StepKind.FULL_SEATS, "", "", Fraction.of(total, seatCount), new int[0], standings);
  }

  // ---- P 7 / P 8 (and their continued application under P 10) ------------------------------------

  private void assignResidual(int count, boolean continued) {
    boolean[] eligible = new boolean[n];
    for (int k = 0; k < count; k++) {
      StepKind kind = chooseMethod(eligible, continued);
      if (kind == null) {
        unassigned += count - k;
        return;
      }
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (eligible[i] && (best < 0 || compare(kind, i, best) > 0)) {
          best = i;
        }
      }
      int[] tied = tiedWith(kind, best, eligible);
      int remaining = count - k;
      Fraction value = value(kind, best);
      int winner = tied[0];
      if (tied.length > remaining) {
        // P 7 lid 1 / P 8 lid 2: more tied lists than seats left, one lot decides this one seat
        winner = drawList(lotKind(kind), tied, remaining, value);
      }
      List<Standing> standings = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        standings.add(new Standing(units[i].key, seats[i], value(kind, i), eligible[i]));
      }
      addStep(kind, units[winner].key, "", value, tied, standings);
      seats[winner]++;
      if (kind == StepKind.LARGEST_REMAINDER) {
        round1[winner]++;
      } else if (kind == StepKind.UNIQUE_HIGHEST_AVERAGE) {
        round2[winner]++;
      }
      residualHistory.add(new ResidualRecord(kind, winner, tied, assignedGroup(kind, winner)));
    }
  }

  /**
   * Fills {@code eligible} for the first applicable method and returns it, or null when no list
   * can take a seat.
   */
  private StepKind chooseMethod(boolean[] eligible, boolean continued) {
    if (!m.type.usesLargestRemainders(seatCount)) {
      return fill(eligible, StepKind.HIGHEST_AVERAGE, continued) ? StepKind.HIGHEST_AVERAGE : null;
    }
    if (fill(eligible, StepKind.LARGEST_REMAINDER, continued)) {
      return StepKind.LARGEST_REMAINDER;
    }
    if (fill(eligible, StepKind.UNIQUE_HIGHEST_AVERAGE, continued)) {
      return StepKind.UNIQUE_HIGHEST_AVERAGE;
    }
    // Round 3 (apportionment.md §3.3 item 3): only reachable after exhaustion, so that all seats
    // that can be filled are filled.
    if (fill(eligible, StepKind.UNRESTRICTED_HIGHEST_AVERAGE, continued)) {
      return StepKind.UNRESTRICTED_HIGHEST_AVERAGE;
    }
    return null;
  }

  private boolean fill(boolean[] eligible, StepKind kind, boolean continued) {
    boolean any = false;
    ResidualSeatPolicy policy = m.type.residualSeatPolicy();
    for (int i = 0; i < n; i++) {
      // Lists without votes never get residual seats; in the continued application of P 10 only
      // lists "on which candidates occur to whom no seat has been assigned" take part.
      boolean ok = votes[i] > 0 && (!continued || seats[i] < units[i].living);
      if (ok) {
        switch (kind) {
          case LARGEST_REMAINDER:
            ok = reaches(i, policy.largestRemainderMinimum()) && mayTakeRound1(i);
            break;
          case UNIQUE_HIGHEST_AVERAGE:
            ok = reaches(i, policy.averagesMinimum()) && mayTakeRound2(i);
            break;
          default:
            ok = reaches(i, policy.averagesMinimum());
        }
      }
      eligible[i] = ok;
      any |= ok;
    }
    return any;
  }

  /** v_i ≥ share · Q, i.e. v_i · S · den ≥ num · V (inclusive: P 8 lid 1 "75% … of meer", P 7 lid 2). */
  private boolean reaches(int i, Fraction share) {
    if (share.signum() == 0) {
      return true;
    }
    return Fraction.compareProducts(
            Math.multiplyExact(votes[i], (long) seatCount), share.denominator(),
            share.numerator(), total)
        >= 0;
  }

  // P 8 lid 1 and lid 3 "at most one seat per list", evaluated on the step history; a list that lost
  // a seat through P 9 may win one again (apportionment.md §3.6 item 5).
  private boolean mayTakeRound1(int i) {
    return round1[i] == 0 || (lostToMajority[i] && round1[i] == 1);
  }

  private boolean mayTakeRound2(int i) {
    return round2[i] == 0 || (lostToMajority[i] && round2[i] == 1 && round1[i] <= 1);
  }

  private int compare(StepKind kind, int i, int j) {
    if (kind == StepKind.LARGEST_REMAINDER) {
      return Long.compare(remainder[i], remainder[j]);
    }
    return Fraction.compareProducts(votes[i], seats[j] + 1L, votes[j], seats[i] + 1L);
  }

  private Fraction value(StepKind kind, int i) {
    if (kind == StepKind.LARGEST_REMAINDER) {
      return Fraction.of(remainder[i], seatCount);
    }
    return Fraction.of(votes[i], seats[i] + 1L);
  }

  private int[] tiedWith(StepKind kind, int best, boolean[] eligible) {
    int count = 0;
    int[] tied = new int[n];
    for (int i = 0; i < n; i++) {
      if (eligible[i] && compare(kind, i, best) == 0) {
        tied[count++] = i;
      }
    }
    return Arrays.copyOf(tied, count);
  }

  /** The tie group of P 9: lists that got a seat in one run of equal values (apportionment.md §3.5). */
  private int[] assignedGroup(StepKind kind, int winner) {
    if (!residualHistory.isEmpty()) {
      ResidualRecord previous = residualHistory.get(residualHistory.size() - 1);
      if (previous.kind == kind && contains(previous.options, winner)) {
        int[] group = Arrays.copyOf(previous.assigned, previous.assigned.length + 1);
        group[group.length - 1] = winner;
        return group;
      }
    }
    return new int[] {winner};
  }

  private static LotKind lotKind(StepKind kind) {
    switch (kind) {
      case LARGEST_REMAINDER:
        return LotKind.LARGEST_REMAINDER;
      case UNIQUE_HIGHEST_AVERAGE:
        return LotKind.UNIQUE_HIGHEST_AVERAGE;
      default:
        return LotKind.HIGHEST_AVERAGE;
    }
  }

  private int drawList(LotKind kind, int[] options, int seatsConcerned, Fraction value) {
    List<String> names = new ArrayList<>(options.length);
    for (int i : options) {
      names.add("list " + units[i].key);
    }
    int first = sum(seats) + 1;
    List<Integer> seatNumbers = new ArrayList<>(seatsConcerned);
    for (int s = 0; s < seatsConcerned; s++) {
      seatNumbers.add(first + s);
    }
    String outcome = lots.draw(new Lot(kind, names, seatNumbers, value, ""));
    return options[names.indexOf(outcome)];
  }

  // ---- P 9: absolute majority -------------------------------------------------------------------

  private boolean absoluteMajority() {
    if (residualHistory.isEmpty()) {
      // no residual seat was given (only possible when no list could take one): nothing to move
      return false;
    }
    for (int i = 0; i < n; i++) {
      // more than half of the votes, not more than half of the seats
      if (Math.multiplyExact(votes[i], 2L) > total && 2L * seats[i] <= seatCount) {
        ResidualRecord last = residualHistory.get(residualHistory.size() - 1);
        int[] losers = without(last.assigned, i);
        if (losers.length == 0) {
          return false;
        }
        int loser = losers[0];
        if (losers.length > 1) {
          // the last residual seat was one of a tie group: a lot decides which list gives it up
          List<String> names = new ArrayList<>();
          for (int l : losers) {
            names.add("list " + units[l].key);
          }
          String outcome = lots.draw(new Lot(LotKind.ABSOLUTE_MAJORITY, names,
              List.of(sum(seats)), value(last.kind, last.list), ""));
          loser = losers[names.indexOf(outcome)];
        }
        List<Standing> standings = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          standings.add(new Standing(units[j].key, seats[j], Fraction.of(votes[j], total), j == i));
        }
        addStep(StepKind.ABSOLUTE_MAJORITY, units[i].key, units[loser].key,
            Fraction.of(votes[i], total), losers, standings);
        seats[i]++;
        seats[loser]--;
        lostToMajority[loser] = true;
        return true;
      }
    }
    return false;
  }

  // ---- P 10: list exhaustion (deceased candidates already left out of the count, P 19a) ----------

  private boolean exhaustion() {
    int freed = 0;
    for (int i = 0; i < n; i++) {
      while (seats[i] > units[i].living) {
        // residual seats go first, then full seats
        StepKind kind = seats[i] > full[i]
            ? StepKind.EXHAUSTION_RESIDUAL_SEAT_REMOVED
            : StepKind.EXHAUSTION_FULL_SEAT_REMOVED;
        List<Standing> standings = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          standings.add(new Standing(units[j].key, seats[j], Fraction.of(units[j].living), j == i));
        }
        addStep(kind, units[i].key, "", Fraction.of(units[i].living), new int[0], standings);
        seats[i]--;
        freed++;
      }
    }
    if (freed == 0) {
      return false;
    }
    if (m.type.exhaustionPolicy() == ExhaustionPolicy.KEEP_EMPTY) {
      unassigned += freed;
      warn(WarningCode.EXCESS_SEATS_KEPT_EMPTY,
          freed + " seat(s) of exhausted lists stay empty (Kieswet Ya 29 / Pa 25)");
      return true;
    }
    assignResidual(freed, true);
    return true;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private void addStep(StepKind kind, String list, String from, Fraction value, int[] tied,
      List<Standing> standings) {
    List<String> names = new ArrayList<>(tied.length);
    for (int i : tied) {
      names.add(units[i].key);
    }
    steps.add(new Step(steps.size() + 1, kind, list, from, value, names, standings));
  }

  private void warn(WarningCode code, String message) {
    warnings.add(new Warning(code, message));
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }

  private static boolean contains(int[] a, int x) {
    for (int y : a) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  private static int[] without(int[] a, int x) {
    int[] r = new int[a.length];
    int c = 0;
    for (int y : a) {
      if (y != x) {
        r[c++] = y;
      }
    }
    return Arrays.copyOf(r, c);
  }
}
