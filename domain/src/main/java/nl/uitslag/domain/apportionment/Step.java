package nl.uitslag.domain.apportionment;

import java.util.List;

/**
 * One step of the seat apportionment as printed in the proces-verbaal: which list got (or lost) a
 * seat, by which rule, at which value, with the standings of all lists before the step.
 *
 * @param number 1-based position in the sequence of steps
 * @param list the list that receives the seat ("3", or "4.2" inside a list group); for removals the
 *     list that loses it; empty for the full-seat step
 * @param fromList for P 9 and P 16 lid 2, the list that loses the seat; otherwise empty
 * @param value the winning value (remainder or average), or zero where no value is compared
 * @param tied the lists tied at that value (more than one means a tie; a lot if too few seats)
 */
public record Step(
    int number,
    StepKind kind,
    String list,
    String fromList,
    Fraction value,
    List<String> tied,
    List<Standing> standings) {

  public Step {
    tied = List.copyOf(tied);
    standings = List.copyOf(standings);
  }

  public String article() {
    return kind.article();
  }
}
