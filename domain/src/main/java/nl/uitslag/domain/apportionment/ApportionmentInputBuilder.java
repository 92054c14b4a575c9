package nl.uitslag.domain.apportionment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.ContestLists;

/**
 * Builds the centraal stembureau's apportionment input from the counted votes of every kieskring (EK: voting body)
 * and the candidate lists submitted there: kieskringen with the same candidates in the same order form one list (a
 * stel gelijkluidende lijsten), different candidate lists under one number form a lijstengroep (Kieswet P 1, P 12),
 * and a candidate on several lists of a group is one person (P 15 lid 1, P 16). The one implementation shared by
 * the independent verifier and the CSB in the app.
 */
public final class ApportionmentInputBuilder {
  private ApportionmentInputBuilder() {}

  /**
   * One kieskring: its number (from the election definition), its stemwaarde (Kieswet U 2; 1 unless EK), the
   * candidate lists submitted there (null when unknown: candidates then come from the count, by position or
   * ShortCode) and its counted votes. EK: the votes are ballots, multiplied by the stemwaarde in the computation.
   */
  public record DistrictCount(int number, long voteWeight, ContestLists lists,
      nl.uitslag.domain.count.VoteCounts votes) {
    public DistrictCount {
      Objects.requireNonNull(votes, "votes");
    }
  }

  /**
   * The input with, for every candidate id, the candidate as nominated (absent when no candidate list was given),
   * the list numbers that became a lijstengroep, and the id of every (kieskring, list, position).
   */
  public record Built(ApportionmentInput input, Map<String, Candidate> people, List<Integer> groups,
      Map<String, String> positions) {
    public Built {
      people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
      groups = List.copyOf(groups);
      positions = Map.copyOf(positions);
    }

    /** The candidate id of the candidate at this position of list {@code list} in kieskring {@code district}. */
    public String candidateId(int district, int list, int position) {
      return positions.get(district + ":" + list + ":" + position);
    }
  }

  /**
   * Builds the input without deceased candidates or lots (add them with {@link ApportionmentInput#withDeceased} and
   * {@link ApportionmentInput#withLots}). Candidate ids are "list.position" in a single kieskring and
   * "list.ShortCode" (else "list.name") in several, so one person on several lists of a group has one id.
   *
   * @throws ApportionmentInputException when two kieskringen have the same number
   */
  public static Built build(ElectionType type, int seats, OptionalInt preferencePercent,
      List<DistrictCount> districts) {
    Set<Integer> seenDistricts = new HashSet<>();
    Set<Integer> numbers = new TreeSet<>();
    for (DistrictCount d : districts) {
      if (!seenDistricts.add(d.number())) {
        throw new ApportionmentInputException("kieskring " + d.number() + " occurs twice");
      }
      d.votes().lists().forEach(l -> numbers.add(l.listNumber()));
      if (d.lists() != null) {
        d.lists().lists().forEach(l -> numbers.add(l.number()));
      }
    }
    boolean several = districts.size() > 1;
    Map<String, Candidate> people = new LinkedHashMap<>();
    Map<String, String> positions = new LinkedHashMap<>();
    List<Integer> groups = new ArrayList<>();
    List<ApportionmentInput.CandidateList> lists = new ArrayList<>();
    for (int n : numbers) {
      Map<List<String>, List<Integer>> subDistricts = new LinkedHashMap<>();
      Map<List<String>, Map<Integer, VoteCounts>> subVotes = new LinkedHashMap<>();
      String name = null;
      for (DistrictCount d : districts) {
        CandidateList cl = d.lists() == null ? null : d.lists().list(n);
        ListVotes lv = d.votes().list(n);
        if (cl == null && lv == null) {
          continue;
        }
        if (cl == null && d.lists() != null) {
          // Not nominated here (P 1): a count of 0 is padding of a file format; votes would be a counting error.
          if (lv.votes() != 0 || lv.candidates().stream().anyMatch(cv -> cv.votes() != 0)) {
            throw new ApportionmentInputException("list " + n + " has votes in kieskring " + d.number()
                + " where it was not submitted");
          }
          continue;
        }
        if (name == null) {
          name = lv != null ? lv.appellation() : cl.appellation();
        }
        Map<String, Long> byKey = candidateVotes(d.lists(), n, lv);
        List<String> ids = new ArrayList<>();
        List<Long> v = new ArrayList<>();
        if (cl != null) {
          Set<String> seen = new HashSet<>();
          for (Candidate c : cl.candidates()) {
            String id = n + "." + identity(c, several, seen);
            ids.add(id);
            people.put(id, c);
            positions.put(d.number() + ":" + n + ":" + c.position(), id);
            v.add(byKey.getOrDefault(candidateKey(d.lists(), n, new CandidateVotes(c.position(), null, 0, null)),
                0L));
          }
        } else {
          for (CandidateVotes cv : lv.candidates()) {
            String id = n + "." + candidateKey(null, n, cv);
            ids.add(id);
            if (cv.position() != null) {
              positions.put(d.number() + ":" + n + ":" + cv.position(), id);
            }
            v.add(cv.votes());
          }
        }
        subDistricts.computeIfAbsent(ids, k -> new ArrayList<>()).add(d.number());
        subVotes.computeIfAbsent(ids, k -> new LinkedHashMap<>()).put(d.number(), VoteCounts.of(v));
      }
      List<ApportionmentInput.SubList> sublists = new ArrayList<>();
      subDistricts.forEach((ids, ds) -> sublists.add(new ApportionmentInput.SubList(ds, ids, subVotes.get(ids))));
      if (sublists.size() > 1) {
        groups.add(n);
      }
      lists.add(new ApportionmentInput.CandidateList(n, name == null ? "" : name, sublists));
    }
    List<ApportionmentInput.District> ds = new ArrayList<>();
    districts.forEach(d -> ds.add(new ApportionmentInput.District(d.number(), d.voteWeight())));
    return new Built(new ApportionmentInput(type, seats, preferencePercent, ds, lists, Set.of(), List.of()), people,
        groups, positions);
  }

  /**
   * Who a candidate is across kieskringen: the ShortCode, else the name; in a single kieskring the position on the
   * list is enough. Two candidates of one list with the same name get their position added.
   */
  static String identity(Candidate c, boolean several, Set<String> seen) {
    if (!several) {
      return String.valueOf(c.position());
    }
    String id = c.shortCode() != null && !c.shortCode().isEmpty() ? c.shortCode() : c.name().listName();
    return seen.add(id) ? id : id + " #" + c.position();
  }

  /** Candidate votes keyed by ShortCode where the count or the 230b gives one, otherwise by list position. */
  public static Map<String, Long> candidateVotes(ContestLists nominated, int list, ListVotes l) {
    Map<String, Long> m = new LinkedHashMap<>();
    if (l == null) {
      return m;
    }
    for (CandidateVotes cv : l.candidates()) {
      m.merge(candidateKey(nominated, list, cv), cv.votes(), Long::sum);
    }
    return m;
  }

  /** How a counted candidate is matched to the 230b: the ShortCode of the count or the list, else the position. */
  public static String candidateKey(ContestLists nominated, int list, CandidateVotes cv) {
    if (cv.shortCode() != null) {
      return cv.shortCode();
    }
    CandidateList l = nominated == null ? null : nominated.list(list);
    Candidate c = l == null ? null : l.candidate(cv.position());
    if (c != null && c.shortCode() != null && !c.shortCode().isEmpty()) {
      return c.shortCode();
    }
    return String.valueOf(cv.position());
  }
}
