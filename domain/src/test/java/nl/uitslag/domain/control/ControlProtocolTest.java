package nl.uitslag.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worksheets, comparison and outcome of the control protocol on additions (osv.md §3). */
class ControlProtocolTest {

  private static final ListDraw.Result DRAW = ListDraw.draw(
      new ListDraw.Request("GR2022_WestMaasEnWaal", 1, "3 5 1 6 2 4", List.of(1, 2, 3, 4, 5, 6, 7, 8), 3));

  private static final Map<Integer, String> NAMES = Map.of(1, "A", 2, "B", 3, "C", 4, "D", 5, "E", 6, "F",
      7, "G", 8, "H");

  @Test
  void worksheetsFollowTheDrawOrderAndListEveryStationByNumber() {
    List<Worksheet> sheets = ControlProtocol.worksheets(DRAW, NAMES,
        List.of(new Worksheet.Row(12, "Kerk"), new Worksheet.Row(3, "School")));
    assertThat(sheets).extracting(Worksheet::listNumber).containsExactly(7, 2, 6);
    assertThat(sheets.get(0).listName()).isEqualTo("G");
    assertThat(sheets.get(0).rows()).extracting(Worksheet.Row::stationNumber).containsExactly(3, 12);
  }

  @Test
  void worksheetsRefuseDuplicateStationsAndUnknownLists() {
    assertThatThrownBy(() -> ControlProtocol.worksheets(DRAW, NAMES,
        List.of(new Worksheet.Row(3, "a"), new Worksheet.Row(3, "b")))).hasMessageContaining("twice");
    assertThatThrownBy(() -> ControlProtocol.worksheets(DRAW, Map.of(1, "A"), List.of()))
        .hasMessageContaining("no name for drawn list 7");
  }

  @Test
  void comparisonGivesHandMinusSoftwarePerDrawnList() {
    List<ListComparison> c = ControlProtocol.compare(DRAW, Map.of(7, 120L, 2, 300L, 6, 41L),
        Map.of(1, 5L, 2, 300L, 6, 40L, 7, 121L));
    assertThat(c).extracting(ListComparison::listNumber, ListComparison::difference).containsExactly(
        org.assertj.core.groups.Tuple.tuple(7, -1L), org.assertj.core.groups.Tuple.tuple(2, 0L),
        org.assertj.core.groups.Tuple.tuple(6, 1L));
    assertThat(c.get(1).matches()).isTrue();
  }

  @Test
  void comparisonNeedsAHandTotalForEveryDrawnListAndNoOther() {
    assertThatThrownBy(() -> ControlProtocol.compare(DRAW, Map.of(7, 1L, 2, 1L), Map.of(7, 1L, 2, 1L, 6, 1L)))
        .hasMessageContaining("no hand total for drawn list 6");
    assertThatThrownBy(() -> ControlProtocol.compare(DRAW, Map.of(7, 1L, 2, 1L, 6, 1L, 1, 1L),
        Map.of(7, 1L, 2, 1L, 6, 1L))).hasMessageContaining("list 1 was not drawn");
  }

  @Test
  void anOutcomeWithDifferencesNeedsRemarks() {
    List<ListComparison> differing = ControlProtocol.compare(DRAW, Map.of(7, 120L, 2, 300L, 6, 40L),
        Map.of(2, 300L, 6, 40L, 7, 121L));
    assertThatThrownBy(() -> new ControlProtocol.Outcome(DRAW, differing, "  "))
        .hasMessageContaining("remarks");
    ControlProtocol.Outcome o = new ControlProtocol.Outcome(DRAW, differing, "SB 4 hertelt lijst 7");
    assertThat(o.totalsMatch()).isFalse();
    List<ListComparison> equal = ControlProtocol.compare(DRAW, Map.of(7, 121L, 2, 300L, 6, 40L),
        Map.of(2, 300L, 6, 40L, 7, 121L));
    assertThat(new ControlProtocol.Outcome(DRAW, equal, null).totalsMatch()).isTrue();
  }

  @Test
  void anOutcomeMustCoverExactlyTheDrawnListsInOrder() {
    assertThatThrownBy(() -> new ControlProtocol.Outcome(DRAW, List.of(new ListComparison(7, 1, 1)), ""))
        .hasMessageContaining("exactly the drawn lists");
  }
}
