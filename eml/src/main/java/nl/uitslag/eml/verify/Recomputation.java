package nl.uitslag.eml.verify;

import java.util.List;

/**
 * What the verifier recomputed, for the report: the totals of every count file read (per level: 510b, 510c, 510d),
 * and, when the seats could be recomputed, the seats per list and every step of the apportionment (Kieswet P 6-P 9).
 *
 * @param totals one row per count file and contest, lowest level first
 * @param seats the recomputed seats per list, in list order; empty when the seats were not recomputed
 * @param steps the steps of the seat apportionment as the proces-verbaal prints them; empty when not recomputed
 * @param quota the kiesdeler as a mixed number ("2 463 7/15"), or null
 */
public record Recomputation(List<LevelTotal> totals, List<ListSeats> seats, List<StepRow> steps, String quota) {
  public Recomputation {
    totals = List.copyOf(totals);
    seats = List.copyOf(seats);
    steps = List.copyOf(steps);
  }

  /** The total of one count file's contest: eligible voters, valid votes, blank and invalid ballots. */
  public record LevelTotal(String level, String file, String contest, long reportingUnits, long eligibleVoters,
      long valid, long blank, long invalid) {}

  /** A list's recomputed seats and votes (stemcijfer). */
  public record ListSeats(int number, String name, long votes, int seats) {}

  /** One step: number, kind, article, the list that got (or lost) a seat, the deciding value and the tied lists. */
  public record StepRow(int number, String kind, String article, String list, String fromList, String value,
      String tied) {}
}
