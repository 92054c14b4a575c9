package nl.uitslag.app.csb;

import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;

/**
 * Where the centraal stembureau of an election with several kieskringen reads the definitive totals of each
 * kieskring (the HSB's 510c taken in as first entry and re-keyed from the paper O 7, product.md §2 flow 5): the
 * seam between the intake and the result.
 */
public interface DistrictTotals {
  /**
   * The definitive totals of every kieskring given, by number, each in the shape of that kieskring's candidate
   * lists; empty when any of them is not definitive yet.
   */
  Optional<Map<Integer, GsbResults>> definitive(Csb c, Map<Integer, ResultsShape> shapes);

  /** The source id under which the totals of kieskring {@code number} are entered: its HSB, as in the 510c. */
  static String sourceId(int number) {
    return "HSB" + number;
  }
}
