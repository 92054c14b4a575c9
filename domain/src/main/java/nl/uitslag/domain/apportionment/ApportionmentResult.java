package nl.uitslag.domain.apportionment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The completed result of the apportionment: seats per list, elected candidates and rankings per
 * list, seats left empty, every step with the standings before it, and warnings.
 *
 * @param totalVotes the sum of all stemcijfers (EK: weighted)
 * @param quota the kiesdeler (zero when there are no votes)
 * @param preferenceThreshold the voorkeurdrempel in votes
 * @param seats seats per list number (a list group counts as one list), in list order
 * @param lists per list, or per list of a list group ("4.1", "4.2"), in list order
 */
public record ApportionmentResult(
    long totalVotes,
    Fraction quota,
    Fraction preferenceThreshold,
    Map<Integer, Integer> seats,
    Map<String, ListResult> lists,
    int unassignedSeats,
    List<Step> steps,
    List<Warning> warnings) {

  public ApportionmentResult {
    seats = Collections.unmodifiableMap(new LinkedHashMap<>(seats));
    lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** Seats of a list by number (0 for an unknown number). */
  public int seatsOf(int listNumber) {
    return seats.getOrDefault(listNumber, 0);
  }

  /** Elected candidates per list, in order of election. */
  public Map<String, List<String>> elected() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    lists.forEach((k, v) -> m.put(k, v.elected()));
    return m;
  }

  /** Ranking per list (P 19). */
  public Map<String, List<String>> ranking() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    lists.forEach((k, v) -> m.put(k, v.ranking()));
    return m;
  }

  public boolean hasWarning(WarningCode code) {
    return warnings.stream().anyMatch(w -> w.code() == code);
  }
}
