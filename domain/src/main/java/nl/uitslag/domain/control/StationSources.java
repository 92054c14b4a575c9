package nl.uitslag.domain.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.domain.control.StationCounts.DifferenceExplanation;
import nl.uitslag.domain.control.StationCounts.ListCount;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.YesNo;

/**
 * Turns what the notable-results checks read out of its two sources: a definitive double entry at the GSB,
 * and the polling stations of an imported municipal count file (EML 510b) at the HSB or CSB.
 */
public final class StationSources {

  /** The explanation reasons of a 510b's UncountedVotes (kr: the counted explanations of D ≠ H). */
  private static final Set<UncountedReason> EXPLANATIONS = EnumSet.of(
      UncountedReason.BALLOTS_TAKEN_AWAY, UncountedReason.TOO_FEW_BALLOTS_ISSUED,
      UncountedReason.TOO_MANY_BALLOTS_ISSUED, UncountedReason.NO_POSTAL_BALLOTS,
      UncountedReason.TOO_MANY_POSTAL_BALLOTS, UncountedReason.LOST_BALLOTS, UncountedReason.OTHER_EXPLANATION);

  private static final Pattern STATION_ID = Pattern.compile(".*::SB(\\d+)");

  private StationSources() {}

  /** The figures of a definitive entry: D, H, F, G, the "explained?" answer and the list pages. */
  public static StationCounts fromResults(int number, String name, ResultsModel results) {
    Objects.requireNonNull(results, "results");
    DifferenceExplanation explanation = DifferenceExplanation.NOT_STATED;
    if (results instanceof PollingStationResults p) {
      YesNo explained = p.differences().differenceExplained();
      explanation = explained.isYes() ? DifferenceExplanation.EXPLAINED
          : explained.isNo() ? DifferenceExplanation.NOT_EXPLAINED : DifferenceExplanation.NOT_STATED;
    }
    List<ListCount> lists = new ArrayList<>();
    for (ListVotes l : results.lists()) {
      List<Long> candidates = new ArrayList<>();
      for (int v : l.candidateVotes()) {
        candidates.add((long) v);
      }
      lists.add(new ListCount(l.listNumber(), results.votes().listTotal(l.listNumber()), candidates));
    }
    return new StationCounts(number, name, results.voters().totalAdmittedVoters(),
        results.votes().totalVotesCast(), results.votes().blankVotes(), results.votes().invalidVotes(),
        explanation, lists);
  }

  /**
   * The polling stations of one contest of a 510b. H is valid + blank + invalid; D is the admitted voters
   * (when a file lacks them, D is taken as H so no difference is invented). The difference counts as
   * explained when no "geen verklaring" is given and the explanations add up to |D − H|; not explained when
   * "geen verklaring" is more than 0 or they do not add up; not stated when the file gives none.
   *
   * @throws IllegalArgumentException when a reporting unit id does not end in "::SB" and a number
   */
  public static List<StationCounts> fromCountFile(ContestCount contest) {
    Objects.requireNonNull(contest, "contest");
    List<StationCounts> stations = new ArrayList<>();
    for (ReportingUnitCount unit : contest.units()) {
      stations.add(fromReportingUnit(unit));
    }
    return List.copyOf(stations);
  }

  static StationCounts fromReportingUnit(ReportingUnitCount unit) {
    Matcher m = STATION_ID.matcher(unit.id());
    if (!m.matches()) {
      throw new IllegalArgumentException("reporting unit " + unit.id() + " is not a polling station (…::SB<n>)");
    }
    VoteCounts v = unit.votes();
    long h = v.totalCounted() + v.blank() + v.invalid();
    Long admitted = v.uncounted(UncountedReason.ADMITTED_VOTERS);
    long d = admitted == null ? h : admitted;
    Long none = v.uncounted(UncountedReason.NO_EXPLANATION);
    long explained = 0;
    boolean anyExplanation = none != null;
    for (UncountedReason r : EXPLANATIONS) {
      Long value = v.uncounted(r);
      if (value != null) {
        explained += value;
        anyExplanation = true;
      }
    }
    DifferenceExplanation explanation;
    if (none != null && none > 0) {
      explanation = DifferenceExplanation.NOT_EXPLAINED;
    } else if (anyExplanation) {
      explanation = explained == Math.abs(d - h)
          ? DifferenceExplanation.EXPLAINED : DifferenceExplanation.NOT_EXPLAINED;
    } else {
      explanation = DifferenceExplanation.NOT_STATED;
    }
    List<ListCount> lists = new ArrayList<>();
    for (nl.uitslag.domain.count.ListVotes l : v.lists()) {
      // The swap rule compares candidates by position; a candidate without a position keeps its file order.
      java.util.TreeMap<Integer, Long> byPosition = new java.util.TreeMap<>();
      int next = 1;
      for (CandidateVotes c : l.candidates()) {
        int position = c.position() != null ? c.position() : next;
        if (byPosition.put(position, c.votes()) != null) {
          throw new IllegalArgumentException("list " + l.listNumber() + " of " + unit.id()
              + " has candidate position " + position + " twice");
        }
        next = position + 1;
      }
      List<Long> candidates = new ArrayList<>();
      int size = byPosition.isEmpty() ? 0 : byPosition.lastKey();
      for (int p = 1; p <= size; p++) {
        candidates.add(byPosition.getOrDefault(p, 0L));
      }
      lists.add(new ListCount(l.listNumber(), l.votes(), candidates));
    }
    return new StationCounts(Integer.parseInt(m.group(1)), unit.name(), d, h, v.blank(), v.invalid(),
        explanation, lists);
  }
}
