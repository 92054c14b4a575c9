package nl.uitslag.documents.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import nl.uitslag.domain.control.ListDraw;
import nl.uitslag.domain.control.Worksheet;

/**
 * The input of the hand-count worksheets of the control protocol on additions: the draw (seed, every hash,
 * the lists drawn) and one worksheet per drawn list with an empty cell per polling station. No figure of the
 * software appears on them.
 */
public record ControlWorksheets(
    ElectionHeading election, ListDraw.Result draw, List<Worksheet> worksheets, ZonedDateTime createdAt) {

  public ControlWorksheets {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(draw, "draw");
    worksheets = Checks.list(worksheets, "worksheets");
    List<Integer> sheetLists = worksheets.stream().map(Worksheet::listNumber).toList();
    if (!sheetLists.equals(draw.drawnLists())) {
      throw new IllegalArgumentException("one worksheet per drawn list, in draw order: drawn "
          + draw.drawnLists() + ", sheets " + sheetLists);
    }
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
