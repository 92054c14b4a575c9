package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import nl.uitslag.domain.apportionment.ApportionmentInput.CandidateList;
import org.junit.jupiter.api.Test;

/** Malformed input and lot outcomes that do not answer the lot are rejected with a clear message. */
class InputValidationTest {

  private static final List<ApportionmentInput.District> ONE = List.of(district(1, 1));

  private static ApportionmentInput with(ElectionType type, int seats, List<ApportionmentInput.District> d,
      List<CandidateList> lists) {
    return new ApportionmentInput(type, seats, OptionalInt.empty(), d, lists, Set.of(), List.of());
  }

  @Test
  void seatsMustBePositive() {
    assertThatThrownBy(() -> Apportionment.apportion(gr(0, 10)))
        .isInstanceOf(ApportionmentInputException.class).hasMessageContaining("seats");
  }

  @Test
  void listNumbersAreUnique() {
    assertThatThrownBy(() -> Apportionment.apportion(with(ElectionType.GR1, 5, ONE,
        List.of(fixture(1, 10), fixture(1, 20)))))
        .hasMessageContaining("list 1 occurs twice");
  }

  @Test
  void voteCountMustMatchTheCandidates() {
    CandidateList bad = new CandidateList(1, "A", List.of(
        sub(List.of(1), List.of("a", "b"), Map.of(1, List.of(1L)))));
    assertThatThrownBy(() -> Apportionment.apportion(with(ElectionType.GR1, 5, ONE, List.of(bad))))
        .hasMessageContaining("list 1, district 1: 1 vote counts for 2 candidates");
  }

  @Test
  void negativeVotesAreRejected() {
    assertThatThrownBy(() -> Apportionment.apportion(grLists(5, votes(3, -1))))
        .hasMessageContaining("votes must be 0 or more");
  }

  @Test
  void candidateIdsAreUniqueAcrossLists() {
    assertThatThrownBy(() -> Apportionment.apportion(ApportionmentInput.simple(ElectionType.GR1, 5,
        List.of(CandidateList.of(1, "A", List.of("x"), 5), CandidateList.of(2, "B", List.of("x"), 5)))))
        .hasMessageContaining("\"x\" is also used on another list");
  }

  @Test
  void voteWeightsOnlyForTheEkU3() {
    assertThatThrownBy(() -> Apportionment.apportion(with(ElectionType.GR1, 5,
        List.of(district(1, 7)), List.of(fixture(1, 10)))))
        .hasMessageContaining("vote weights exist only for the EK");
  }

  @Test
  void listGroupsOnlyWhereTheLawHasThem() {
    CandidateList group = new CandidateList(1, "A", List.of(
        sub(List.of(1), List.of("a"), Map.of(1, List.of(1L))),
        sub(List.of(2), List.of("b"), Map.of(2, List.of(1L)))));
    assertThatThrownBy(() -> Apportionment.apportion(with(ElectionType.GR1, 5,
        List.of(district(1, 1), district(2, 1)), List.of(group))))
        .hasMessageContaining("list groups exist only for TK, PS2 and EK");
  }

  @Test
  void votesForAnUnknownDistrictAreRejected() {
    CandidateList l = new CandidateList(1, "A", List.of(
        sub(List.of(3), List.of("a"), Map.of(3, List.of(1L)))));
    assertThatThrownBy(() -> Apportionment.apportion(with(ElectionType.GR1, 5, ONE, List.of(l))))
        .hasMessageContaining("district 3 is not a district of this election");
  }

  @Test
  void deceasedMustBeACandidate() {
    assertThatThrownBy(() -> Apportionment.apportion(withDeceased(gr(5, 10), "9.9")))
        .hasMessageContaining("deceased candidate \"9.9\" is not on any list");
  }

  @Test
  void unknownSubcategoryIsRejected() {
    assertThatThrownBy(() -> ElectionType.fromSubcategory("XX"))
        .isInstanceOf(ApportionmentInputException.class).hasMessageContaining("XX");
  }

  @Test
  void aLotOutcomeThatIsNotAnOptionIsAnError() {
    assertThatThrownBy(() -> Apportionment.apportion(withLots(gr(1, 50, 50), "list 3")))
        .isInstanceOf(LotOutcomeMismatchException.class)
        .hasMessageContaining("\"list 3\" does not answer the lot")
        .hasMessageContaining("[list 1, list 2]");
    // a candidate id cannot answer a lot between lists
    assertThatThrownBy(() -> Apportionment.apportion(withLots(gr(1, 50, 50), "1.1")))
        .isInstanceOf(LotOutcomeMismatchException.class);
  }

  @Test
  void lotOutcomesThatNoLotAskedForAreAnError() {
    assertThatThrownBy(() -> Apportionment.apportion(withLots(gr(1, 60, 40), "list 1")))
        .isInstanceOf(LotOutcomeMismatchException.class)
        .hasMessageContaining("not asked for");
  }

  @Test
  void totalsBeyondTheSupportedRangeAreRejectedNotOverflowed() {
    assertThatThrownBy(() -> Apportionment.apportion(grLists(5,
        votes(ElectionModel.MAX_TOTAL_VOTES + 1))))
        .hasMessageContaining("more than");
    assertThatThrownBy(() -> Apportionment.apportion(grLists(5,
        votes(ElectionModel.MAX_TOTAL_VOTES / 2 + 1), votes(ElectionModel.MAX_TOTAL_VOTES / 2 + 1))))
        .hasMessageContaining("exceed the supported");
  }
}
