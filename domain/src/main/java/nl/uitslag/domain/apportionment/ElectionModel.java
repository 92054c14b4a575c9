package nl.uitslag.domain.apportionment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated input in the form the computation uses: weighted votes per candidate and list, the
 * distinct persons of every list group, lists in ascending number order.
 */
final class ElectionModel {
  /** Upper bounds that keep every product of the computation inside 64 bits (apportionment.md §3.8). */
  static final int MAX_SEATS = 10_000;

  static final long MAX_TOTAL_VOTES = 10_000_000_000_000L;
  static final long MAX_VOTE_WEIGHT = 1_000_000L;

  final ElectionType type;
  final int seats;
  final int preferencePercent;
  final Unit[] units;
  final long totalVotes;

  /** A list as P 5–P 10 see it: an ordinary list, a stel gelijkluidende lijsten or a lijstengroep. */
  static final class Unit {
    final int number;
    final String key;
    final Sub[] subs;
    final long votes;
    /** Persons in order of first appearance over the sublists. */
    final String[] personIds;
    /** Votes of each person over all lists of the group together (P 15 lid 1). */
    final long[] personVotes;
    final boolean[] personDeceased;
    /** Distinct living persons: the candidate count of P 10. */
    final int living;

    Unit(int number, Sub[] subs, String[] personIds, long[] personVotes, boolean[] personDeceased) {
      this.number = number;
      this.key = Integer.toString(number);
      this.subs = subs;
      long v = 0;
      for (Sub s : subs) {
        v = Math.addExact(v, s.total);
      }
      this.votes = v;
      this.personIds = personIds;
      this.personVotes = personVotes;
      this.personDeceased = personDeceased;
      int alive = 0;
      for (boolean d : personDeceased) {
        if (!d) {
          alive++;
        }
      }
      this.living = alive;
    }

    boolean isGroup() {
      return subs.length > 1;
    }
  }

  /** One list of a lijstengroep (or the whole list when there is no group). */
  static final class Sub {
    final String key;
    final int lowestDistrict;
    /** Person index (into the unit's persons) of each candidate, in list order. */
    final int[] person;
    /** Weighted votes of each candidate on this list, in list order. */
    final long[] votes;
    final long total;
    /** Living candidates on this list (P 13 lid 1). */
    int living;

    Sub(String key, int lowestDistrict, int[] person, long[] votes) {
      this.key = key;
      this.lowestDistrict = lowestDistrict;
      this.person = person;
      this.votes = votes;
      long t = 0;
      for (long x : votes) {
        t = Math.addExact(t, x);
      }
      this.total = t;
    }
  }

  private ElectionModel(ElectionType type, int seats, int percent, Unit[] units) {
    this.type = type;
    this.seats = seats;
    this.preferencePercent = percent;
    this.units = units;
    long v = 0;
    for (Unit u : units) {
      v = Math.addExact(v, u.votes);
    }
    this.totalVotes = v;
  }

  static ElectionModel of(ApportionmentInput in) {
    ElectionType type = in.type();
    if (in.seats() < 1 || in.seats() > MAX_SEATS) {
      throw bad("seats must be between 1 and " + MAX_SEATS + ", not " + in.seats());
    }
    int percent = in.preferencePercent().orElse(type.preferencePercent());
    if (percent < 0 || percent > 100) {
      throw bad("preference threshold must be between 0 and 100 %, not " + percent);
    }
    Map<Integer, Long> weights = new LinkedHashMap<>();
    if (in.districts().isEmpty()) {
      throw bad("at least one district is required");
    }
    for (ApportionmentInput.District d : in.districts()) {
      if (weights.put(d.number(), d.voteWeight()) != null) {
        throw bad("district " + d.number() + " occurs twice");
      }
      if (d.voteWeight() < 1 || d.voteWeight() > MAX_VOTE_WEIGHT) {
        throw bad("district " + d.number() + ": vote weight must be between 1 and " + MAX_VOTE_WEIGHT);
      }
      if (d.voteWeight() != 1 && type != ElectionType.EK) {
        throw bad("district " + d.number() + ": vote weights exist only for the EK (Kieswet U 3)");
      }
    }
    if (in.lists().isEmpty()) {
      throw bad("at least one list is required");
    }
    List<ApportionmentInput.CandidateList> sorted = new ArrayList<>(in.lists());
    sorted.sort(Comparator.comparingInt(ApportionmentInput.CandidateList::number));
    int candidateCount = 0;
    for (ApportionmentInput.CandidateList l : sorted) {
      for (ApportionmentInput.SubList sub : l.sublists()) {
        candidateCount += sub.candidates().size();
      }
    }
    Set<String> allIds = new HashSet<>(Math.max(16, candidateCount * 2));
    Set<String> deceased = in.deceased();
    Unit[] units = new Unit[sorted.size()];
    for (int u = 0; u < units.length; u++) {
      ApportionmentInput.CandidateList list = sorted.get(u);
      String where = "list " + list.number();
      if (list.number() < 1) {
        throw bad(where + ": list numbers start at 1");
      }
      if (u > 0 && sorted.get(u - 1).number() == list.number()) {
        throw bad(where + " occurs twice");
      }
      if (list.sublists().isEmpty()) {
        throw bad(where + " has no candidates");
      }
      if (list.sublists().size() > 1 && !type.listGroups()) {
        throw bad(where + ": list groups exist only for TK, PS2 and EK, not " + type);
      }
      boolean single = list.sublists().size() == 1;
      String[] singleIds = null;
      long[] singleVotes = null;
      Map<String, Integer> personIndex = single ? null : new LinkedHashMap<>();
      List<Long> personVotes = single ? null : new ArrayList<>();
      Set<Integer> usedDistricts = new HashSet<>();
      Sub[] subs = new Sub[list.sublists().size()];
      for (int s = 0; s < subs.length; s++) {
        ApportionmentInput.SubList sub = list.sublists().get(s);
        String key = subs.length == 1 ? list.number() + "" : list.number() + "." + (s + 1);
        String sw = subs.length == 1 ? where : "list " + key;
        if (sub.districts().isEmpty()) {
          throw bad(sw + " is in no district");
        }
        int lowest = Integer.MAX_VALUE;
        for (int d : sub.districts()) {
          if (!weights.containsKey(d)) {
            throw bad(sw + ": district " + d + " is not a district of this election");
          }
          if (!usedDistricts.add(d)) {
            throw bad(where + ": district " + d + " is covered by two lists of the group");
          }
          lowest = Math.min(lowest, d);
        }
        if (sub.votes().size() != sub.districts().size()) {
          // every district of the list has votes (checked below), so there is a key too many
          for (int d : sub.votes().keySet()) {
            if (!sub.districts().contains(d)) {
              throw bad(sw + ": votes given for district " + d + " where the list was not submitted");
            }
          }
        }
        int n = sub.candidates().size();
        if (n == 0) {
          throw bad(sw + " has no candidates");
        }
        long[] votes = new long[n];
        int[] person = new int[n];
        Set<String> seen = single ? null : new HashSet<>();
        for (int c = 0; c < n; c++) {
          String id = sub.candidates().get(c);
          if (id == null || id.isBlank()) {
            throw bad(sw + ": candidate " + (c + 1) + " has no id");
          }
          if (single) {
            // one list without group: its persons are its candidates, in list order
            if (!allIds.add(id)) {
              throw bad(sw + ": candidate \"" + id + "\" " + (sub.candidates().subList(0, c).contains(id)
                  ? "occurs twice on the list" : "is also used on another list"));
            }
            person[c] = c;
            continue;
          }
          if (!seen.add(id)) {
            throw bad(sw + ": candidate \"" + id + "\" occurs twice on the list");
          }
          Integer p = personIndex.get(id);
          if (p == null) {
            if (!allIds.add(id)) {
              throw bad(sw + ": candidate id \"" + id + "\" is also used on another list");
            }
            p = personIndex.size();
            personIndex.put(id, p);
            personVotes.add(0L);
          }
          person[c] = p;
        }
        for (int d : sub.districts()) {
          VoteCounts counts = sub.votes().get(d);
          if (counts == null) {
            throw bad(sw + ": no votes for district " + d);
          }
          long[] dv = counts.values;
          if (dv.length != n) {
            throw bad(sw + ", district " + d + ": " + dv.length + " vote counts for " + n + " candidates");
          }
          int badCandidate = addWeighted(votes, dv, weights.get(d));
          if (badCandidate >= 0) {
            throw bad(sw + ", district " + d + ", candidate " + (badCandidate + 1)
                + (dv[badCandidate] < 0 ? ": votes must be 0 or more"
                    : ": more than " + MAX_TOTAL_VOTES + " votes"));
          }
        }
        if (single) {
          singleIds = sub.candidates().toArray(new String[0]);
          singleVotes = votes;
        } else {
          for (int c = 0; c < n; c++) {
            personVotes.set(person[c], personVotes.get(person[c]) + votes[c]);
          }
        }
        subs[s] = new Sub(key, lowest, person, votes);
      }
      String[] ids = single ? singleIds : personIndex.keySet().toArray(new String[0]);
      long[] pv = single ? singleVotes : new long[ids.length];
      boolean[] dead = new boolean[ids.length];
      for (int p = 0; p < ids.length; p++) {
        if (!single) {
          pv[p] = personVotes.get(p);
        }
        dead[p] = !deceased.isEmpty() && deceased.contains(ids[p]);
      }
      for (Sub s : subs) {
        int alive = 0;
        for (int p : s.person) {
          if (!dead[p]) {
            alive++;
          }
        }
        s.living = alive;
      }
      units[u] = new Unit(list.number(), subs, ids, pv, dead);
    }
    for (String d : deceased) {
      if (!allIds.contains(d)) {
        throw bad("deceased candidate \"" + d + "\" is not on any list");
      }
    }
    ElectionModel model = new ElectionModel(type, in.seats(), percent, units);
    if (model.totalVotes > MAX_TOTAL_VOTES) {
      throw bad("total votes " + model.totalVotes + " exceed the supported " + MAX_TOTAL_VOTES);
    }
    return model;
  }

  /**
   * Adds weight · counts to the totals; returns the first candidate whose count is negative or whose
   * total would pass {@link #MAX_TOTAL_VOTES}, or -1. Kept small so the JIT compiles it on its own.
   */
  private static int addWeighted(long[] totals, long[] counts, long weight) {
    if (weight == 1) {
      for (int c = 0; c < counts.length; c++) {
        long x = counts[c];
        // totals[c] ≤ 10^13 and x ≤ 10^13: the sum cannot overflow
        if (x < 0 || x > MAX_TOTAL_VOTES || (totals[c] += x) > MAX_TOTAL_VOTES) {
          return c;
        }
      }
      return -1;
    }
    for (int c = 0; c < counts.length; c++) {
      long x = counts[c];
      // weight ≤ 10^6, so x ≤ 10^13 keeps x · weight below 2^63
      if (x < 0 || x > MAX_TOTAL_VOTES / weight || (totals[c] += x * weight) > MAX_TOTAL_VOTES) {
        return c;
      }
    }
    return -1;
  }

  private static ApportionmentInputException bad(String message) {
    return new ApportionmentInputException(message);
  }
}
