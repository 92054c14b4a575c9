package nl.uitslag.app.csb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;
import org.springframework.stereotype.Component;

/**
 * The definitive kieskring totals as the CSB's double entry stores them: one entry per HSB (source "HSB9" for
 * kieskring 9, the ManagingAuthority of its 510c), Definitive only after two equal entries (product.md §3).
 */
@Component
class StoredDistrictTotals implements DistrictTotals {
  private final CsbRepository repo;

  StoredDistrictTotals(CsbRepository repo) {
    this.repo = repo;
  }

  @Override
  public Optional<Map<Integer, GsbResults>> definitive(Csb c, Map<Integer, ResultsShape> shapes) {
    Map<Integer, GsbResults> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, ResultsShape> e : shapes.entrySet()) {
      DataEntryState s = repo.entry(c.committeeId(), DistrictTotals.sourceId(e.getKey()), e.getValue()).state();
      if (!(s instanceof DataEntryState.Definitive d)) {
        return Optional.empty();
      }
      out.put(e.getKey(), (GsbResults) d.results());
    }
    return Optional.of(out);
  }
}
