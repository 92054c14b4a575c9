package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.completed;
import static nl.uitslag.domain.apportionment.Fixtures.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder.Built;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder.DistrictCount;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.PersonName;
import org.junit.jupiter.api.Test;

/**
 * The builder from per-kieskring counts and candidate lists to the apportionment input: stel gelijkluidende lijsten
 * and lijstengroepen (Kieswet P 1, P 12), one person over several lists (P 15 lid 1, P 16), vote weights (U 3); the
 * §6.5 examples of apportionment.md end to end.
 */
class ApportionmentInputBuilderTest {

  /** A candidate list of names; the name doubles as ShortCode when {@code codes} is set. */
  static CandidateList list(int number, String name, boolean codes, String... candidates) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < candidates.length; i++) {
      cs.add(new Candidate(i + 1, codes ? candidates[i] : null, new PersonName("X.", null, null, candidates[i]), null,
          "Ergens", null));
    }
    return new CandidateList(number, name, "lijst", null, true, cs);
  }

  static ListVotes votes(int number, String name, long... candidateVotes) {
    List<CandidateVotes> cv = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < candidateVotes.length; i++) {
      cv.add(new CandidateVotes(i + 1, candidateVotes[i]));
      total += candidateVotes[i];
    }
    return new ListVotes(number, name, total, null, cv);
  }

  static nl.uitslag.domain.count.VoteCounts count(ListVotes... lists) {
    long total = 0;
    for (ListVotes l : lists) {
      total += l.votes();
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.INVALID, 0L);
    rejected.put(RejectedReason.BLANK, 0L);
    return new nl.uitslag.domain.count.VoteCounts(List.of(lists), total, null, total, null, rejected, Map.of(),
        Map.of(), Map.of());
  }

  /** apportionment.md §6.5 tk_group: three kieskringen, list 1 a lijstengroep, list 2 identical, list 3 in one. */
  static List<DistrictCount> tkGroup(boolean codes) {
    CandidateList x = list(1, "A", codes, "A1", "A2", "A3", "A4");
    CandidateList y = list(1, "A", codes, "A1", "A5", "A6", "A7");
    CandidateList b = list(2, "B", codes, "B1", "B2", "B3", "B4");
    CandidateList c = list(3, "C", codes, "C1", "C2");
    return List.of(
        new DistrictCount(1, 1, new ContestLists("1", "Een", List.of(x, b, c)),
            count(votes(1, "A", 300, 50, 20, 10), votes(2, "B", 200, 30, 10, 5), votes(3, "C", 90, 10))),
        new DistrictCount(2, 1, new ContestLists("2", "Twee", List.of(x, b)),
            count(votes(1, "A", 200, 40, 30, 10), votes(2, "B", 150, 20, 5, 5))),
        new DistrictCount(3, 1, new ContestLists("3", "Drie", List.of(y, b)),
            count(votes(1, "A", 150, 100, 20, 10), votes(2, "B", 100, 20, 10, 5))));
  }

  @Test
  void tkGroup_identicalListsFormOneListAndDifferentOnesAGroup_P12() {
    Built built = ApportionmentInputBuilder.build(ElectionType.TK, 10, OptionalInt.empty(), tkGroup(true));
    ApportionmentInput in = built.input();
    assertThat(built.groups()).containsExactly(1);
    assertThat(in.lists()).hasSize(3);
    assertThat(in.lists().get(0).sublists()).extracting(ApportionmentInput.SubList::districts)
        .containsExactly(List.of(1, 2), List.of(3));
    assertThat(in.lists().get(1).sublists()).singleElement()
        .extracting(ApportionmentInput.SubList::districts).isEqualTo(List.of(1, 2, 3));
    // One person on both lists of the group has one id (P 15 lid 1: his votes on all lists count together).
    assertThat(built.candidateId(1, 1, 1)).isEqualTo("1.A1").isEqualTo(built.candidateId(3, 1, 1));
    assertThat(built.candidateId(3, 1, 2)).isEqualTo("1.A5");
    assertThat(built.people().get("1.A5").position()).isEqualTo(2);

    ApportionmentResult r = completed(in);
    assertThat(seats(r)).containsExactly(6, 4, 0);
    assertThat(r.lists().get("1.1").elected()).containsExactly("1.A1", "1.A2", "1.A3", "1.A4");
    assertThat(r.lists().get("1.2").elected()).containsExactly("1.A5", "1.A6");
    assertThat(r.lists().get("2").elected()).containsExactly("2.B1", "2.B2", "2.B3", "2.B4");
  }

  @Test
  void withoutShortCodesThePersonIsRecognisedByName_P16() {
    Built built = ApportionmentInputBuilder.build(ElectionType.TK, 10, OptionalInt.empty(), tkGroup(false));
    assertThat(built.candidateId(1, 1, 1)).isEqualTo("1.A1, X.").isEqualTo(built.candidateId(3, 1, 1));
    ApportionmentResult r = completed(built.input());
    assertThat(r.lists().get("1.2").elected()).containsExactly("1.A5, X.", "1.A6, X.");
  }

  @Test
  void singleKieskringUsesPositions() {
    Built built = ApportionmentInputBuilder.build(ElectionType.GR2, 19, OptionalInt.empty(), List.of(
        new DistrictCount(1, 1, new ContestLists("geen", null, List.of(list(1, "A", false, "P", "Q"))),
            count(votes(1, "A", 5, 3)))));
    assertThat(built.input().lists().get(0).sublists().get(0).candidates()).containsExactly("1.1", "1.2");
    assertThat(built.candidateId(1, 1, 2)).isEqualTo("1.2");
  }

  @Test
  void withoutCandidateListsTheCountNamesTheCandidates() {
    Built built = ApportionmentInputBuilder.build(ElectionType.TK, 3, OptionalInt.empty(), List.of(
        new DistrictCount(1, 1, null, count(votes(1, "A", 5, 3))),
        new DistrictCount(2, 1, null, count(votes(1, "A", 4, 1)))));
    assertThat(built.input().lists().get(0).sublists()).singleElement()
        .extracting(ApportionmentInput.SubList::candidates).isEqualTo(List.of("1.1", "1.2"));
    assertThat(built.people()).isEmpty();
  }

  /** apportionment.md §6.5 ek_weights: stemwaarde 100 and 300, A 2, B 2 (exhausted), C 1 (Kieswet U 3, U 10). */
  @Test
  void ekWeights_votesAreMultipliedByTheStemwaarde_U3() {
    CandidateList a = list(1, "A", true, "A1", "A2", "A3");
    CandidateList b = list(2, "B", true, "B1", "B2");
    CandidateList c = list(3, "C", true, "C1");
    ContestLists all = new ContestLists("alle", null, List.of(a, b, c));
    Built built = ApportionmentInputBuilder.build(ElectionType.EK, 5, OptionalInt.empty(), List.of(
        new DistrictCount(1, 100, all, count(votes(1, "A", 6, 1, 1), votes(2, "B", 4, 0), votes(3, "C", 3))),
        new DistrictCount(2, 300, all, count(votes(1, "A", 2, 1, 0), votes(2, "B", 5, 1), votes(3, "C", 1)))));
    assertThat(built.input().districts()).extracting(ApportionmentInput.District::voteWeight)
        .containsExactly(100L, 300L);
    ApportionmentResult r = completed(built.input());
    assertThat(r.totalVotes()).isEqualTo(4500);
    assertThat(seats(r)).containsExactly(2, 2, 1);
    assertThat(r.lists().get("1").preferenceElected()).contains("1.A1");
  }

  @Test
  void aListNotNominatedInAKieskringIsIgnoredWithZeroVotesAndRefusedWithVotes_P1() {
    ContestLists lists = new ContestLists("2", null, List.of(list(1, "A", true, "A1")));
    DistrictCount one = new DistrictCount(1, 1, new ContestLists("1", null, List.of(list(1, "A", true, "A1"),
        list(2, "B", true, "B1"))), count(votes(1, "A", 5), votes(2, "B", 3)));
    Built built = ApportionmentInputBuilder.build(ElectionType.TK, 3, OptionalInt.empty(), List.of(one,
        new DistrictCount(2, 1, lists, count(votes(1, "A", 4), votes(2, "B", 0)))));
    assertThat(built.groups()).isEmpty();
    assertThat(built.input().lists().get(1).sublists()).singleElement()
        .extracting(ApportionmentInput.SubList::districts).isEqualTo(List.of(1));
    assertThatThrownBy(() -> ApportionmentInputBuilder.build(ElectionType.TK, 3, OptionalInt.empty(), List.of(one,
        new DistrictCount(2, 1, lists, count(votes(1, "A", 4), votes(2, "B", 1))))))
        .isInstanceOf(ApportionmentInputException.class)
        .hasMessageContaining("list 2 has votes in kieskring 2 where it was not submitted");
  }

  @Test
  void aKieskringTwiceIsRefused() {
    DistrictCount d = new DistrictCount(1, 1, null, count(votes(1, "A", 1)));
    assertThatThrownBy(() -> ApportionmentInputBuilder.build(ElectionType.TK, 3, OptionalInt.empty(), List.of(d, d)))
        .isInstanceOf(ApportionmentInputException.class).hasMessageContaining("kieskring 1 occurs twice");
  }

  @Test
  void candidateKeyPrefersTheShortCode() {
    ContestLists cl = new ContestLists("1", null, List.of(list(1, "A", true, "Rutte")));
    assertThat(ApportionmentInputBuilder.candidateKey(cl, 1, new CandidateVotes(1, 7))).isEqualTo("Rutte");
    assertThat(ApportionmentInputBuilder.candidateKey(null, 1, new CandidateVotes(1, 7))).isEqualTo("1");
    assertThat(ApportionmentInputBuilder.candidateKey(null, 1, new CandidateVotes(null, "Z9", 7, null)))
        .isEqualTo("Z9");
  }
}
