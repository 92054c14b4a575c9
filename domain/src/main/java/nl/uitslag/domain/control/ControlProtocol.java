package nl.uitslag.domain.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps of the control protocol on additions at the GSB (controleprotocol optellingen, osv.md §3): the
 * worksheets of the drawn lists, the comparison of the hand totals with the software's, and the recorded
 * outcome.
 */
public final class ControlProtocol {

  private ControlProtocol() {}

  /**
   * The worksheets of the drawn lists, in draw order, each with every polling station by number.
   *
   * @param listNames the name of every list by number
   * @param stations every polling station of the session as (number, name)
   */
  public static List<Worksheet> worksheets(
      ListDraw.Result draw, Map<Integer, String> listNames, List<Worksheet.Row> stations) {
    Objects.requireNonNull(draw, "draw");
    Objects.requireNonNull(listNames, "listNames");
    List<Worksheet.Row> rows = new ArrayList<>(stations);
    rows.sort((a, b) -> Integer.compare(a.stationNumber(), b.stationNumber()));
    Set<Integer> seen = new HashSet<>();
    for (Worksheet.Row r : rows) {
      if (!seen.add(r.stationNumber())) {
        throw new IllegalArgumentException("polling station " + r.stationNumber() + " appears twice");
      }
    }
    List<Worksheet> sheets = new ArrayList<>();
    for (int list : draw.drawnLists()) {
      String name = listNames.get(list);
      if (name == null) {
        throw new IllegalArgumentException("no name for drawn list " + list);
      }
      sheets.add(new Worksheet(list, name, rows));
    }
    return List.copyOf(sheets);
  }

  /**
   * Compares the hand totals with the software's totals, list by list in draw order.
   *
   * @param handTotals the hand total of every drawn list, and of no other
   * @param softwareTotals the software's total of at least every drawn list
   * @throws IllegalArgumentException when a drawn list has no hand total or a hand total is for a list that
   *     was not drawn
   */
  public static List<ListComparison> compare(
      ListDraw.Result draw, Map<Integer, Long> handTotals, Map<Integer, Long> softwareTotals) {
    Objects.requireNonNull(draw, "draw");
    for (Integer list : handTotals.keySet()) {
      if (!draw.drawnLists().contains(list)) {
        throw new IllegalArgumentException("list " + list + " was not drawn");
      }
    }
    List<ListComparison> result = new ArrayList<>();
    for (int list : draw.drawnLists()) {
      Long hand = handTotals.get(list);
      if (hand == null) {
        throw new IllegalArgumentException("no hand total for drawn list " + list);
      }
      Long software = softwareTotals.get(list);
      if (software == null) {
        throw new IllegalArgumentException("no software total for drawn list " + list);
      }
      result.add(new ListComparison(list, hand, software));
    }
    return List.copyOf(result);
  }

  /**
   * The recorded outcome of the check.
   *
   * @param draw the draw, with the seed it came from
   * @param comparisons one per drawn list, in draw order
   * @param remarks what the GSB found and did; required when a total differs
   */
  public record Outcome(ListDraw.Result draw, List<ListComparison> comparisons, String remarks) {
    public Outcome {
      Objects.requireNonNull(draw, "draw");
      comparisons = List.copyOf(comparisons);
      List<Integer> compared = new ArrayList<>();
      for (ListComparison c : comparisons) {
        compared.add(c.listNumber());
      }
      if (!compared.equals(draw.drawnLists())) {
        throw new IllegalArgumentException("the comparisons must cover exactly the drawn lists, in draw order");
      }
      remarks = remarks == null ? "" : remarks.strip();
      if (!allMatch(comparisons) && remarks.isEmpty()) {
        throw new IllegalArgumentException(
            "a control protocol with differences must say what was found and done (remarks)");
      }
    }

    /** True when every hand total equals the software's total. */
    public boolean totalsMatch() {
      return allMatch(comparisons);
    }

    private static boolean allMatch(List<ListComparison> comparisons) {
      for (ListComparison c : comparisons) {
        if (!c.matches()) {
          return false;
        }
      }
      return true;
    }
  }
}
