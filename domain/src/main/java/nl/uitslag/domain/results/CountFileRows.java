package nl.uitslag.domain.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The UncountedVotes rows of a GSB's or HSB's count file (510b, 510c) that the keyed totals form does not hold:
 * the explanations of a difference between admitted voters and counted ballots (meegenomen stembiljetten, geen
 * verklaring, ...), and whether the file records the admitted voters (A stempassen, D toegelaten kiezers) at all —
 * the real TK2021 510c files carry neither.
 *
 * <p>They travel with the totals from the file that carried them (its fingerprint confirmed from paper), are added
 * up by the HSB and written again in its 510c and the CSB's 510d; the second entry does not re-key them.
 *
 * @param admittedVotersRecorded false when the file has neither "geldige stempassen" nor "toegelaten kiezers":
 *     then A and D are unknown, not 0, and the checks that use them (F.201, F.312, W.206) do not apply
 * @param explanations the explanation rows the file carries, in schema order; a row absent from the file is absent
 *     here (not 0), so a written file carries exactly the rows its sources carried
 */
public record CountFileRows(boolean admittedVotersRecorded, Map<Explanation, Integer> explanations) {
  /** Totals typed from paper: admitted voters recorded, no explanation rows. */
  public static final CountFileRows NONE = new CountFileRows(true, Map.of());

  public CountFileRows {
    Objects.requireNonNull(explanations, "explanations");
    Map<Explanation, Integer> ordered = new EnumMap<>(Explanation.class);
    for (Map.Entry<Explanation, Integer> e : explanations.entrySet()) {
      Explanation reason = Objects.requireNonNull(e.getKey(), "reason");
      Counts.check(path(reason), Objects.requireNonNull(e.getValue(), "count"));
      ordered.put(reason, e.getValue());
    }
    explanations = Collections.unmodifiableMap(new LinkedHashMap<>(ordered));
  }

  /** The field path of an explanation row, for messages: {@code explanation.<NAME>}. */
  public static String path(Explanation reason) {
    return "explanation." + reason.name();
  }

  /**
   * The rows of a sum of totals (the HSB adds up its municipalities, Kieswet O 2): each explanation row is the sum
   * over the sources that carry it and is present when any source carries it; the admitted voters are recorded
   * only when every source records them (a sum with an unknown part is unknown). Added in long; a sum above
   * {@link Counts#MAX} is refused, never wrapped.
   */
  public static CountFileRows sum(List<CountFileRows> rows) {
    boolean recorded = true;
    Map<Explanation, Long> sums = new EnumMap<>(Explanation.class);
    for (CountFileRows r : rows) {
      recorded &= r.admittedVotersRecorded();
      r.explanations().forEach((k, v) -> sums.merge(k, (long) v, Long::sum));
    }
    Map<Explanation, Integer> out = new EnumMap<>(Explanation.class);
    for (Map.Entry<Explanation, Long> e : sums.entrySet()) {
      if (e.getValue() > Counts.MAX) {
        throw new InvalidResultsException(path(e.getKey()), "the total exceeds " + Counts.MAX + " (" + e.getValue()
            + ")");
      }
      out.put(e.getKey(), e.getValue().intValue());
    }
    return new CountFileRows(recorded, out);
  }
}
