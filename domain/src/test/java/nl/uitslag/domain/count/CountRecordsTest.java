package nl.uitslag.domain.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Count records refuse values that are invalid by nature and are immutable. */
class CountRecordsTest {
  static Map<RejectedReason, Long> rejected(long blank, long invalid) {
    return Map.of(RejectedReason.BLANK, blank, RejectedReason.INVALID, invalid);
  }

  static VoteCounts counts(List<ListVotes> lists, long total) {
    return new VoteCounts(lists, 100, null, total, null, rejected(1, 2), Map.of(),
        Map.of(UncountedReason.ADMITTED_VOTERS, total + 3), Map.of());
  }

  @Property
  void everyCountFromZeroTo999999999IsAccepted(@ForAll @LongRange(min = 0, max = 999_999_999) long n) {
    assertThat(VoteCount.check("x", n)).isEqualTo(n);
    assertThat(new CandidateVotes(1, n).votes()).isEqualTo(n);
  }

  @Property
  void negativeAndTenDigitCountsAreRefused(@ForAll long n) {
    if (n < 0 || n > 999_999_999) {
      assertThatThrownBy(() -> new CandidateVotes(1, n)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ListVotes(1, "A", n, null, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void negativeEligibleVotersAreRefused() {
    assertThatThrownBy(() -> new VoteCounts(List.of(), -1, null, 0, null, rejected(0, 0), Map.of(), Map.of(),
        Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeUncountedValueIsRefused() {
    assertThatThrownBy(() -> new VoteCounts(List.of(), 0, null, 0, null, rejected(0, 0), Map.of(),
        Map.of(UncountedReason.POLL_CARDS, -5L), Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankAndInvalidAreBothRequired() {
    assertThatThrownBy(() -> new VoteCounts(List.of(), 0, null, 0, null, Map.of(RejectedReason.BLANK, 0L),
        Map.of(), Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapsAreCopiedAndKeptInSchemaOrder() {
    Map<UncountedReason, Long> source = new HashMap<>();
    source.put(UncountedReason.OTHER_EXPLANATION, 1L);
    source.put(UncountedReason.POLL_CARDS, 2L);
    VoteCounts v = new VoteCounts(List.of(), 0, null, 0, null, rejected(0, 0), Map.of(), source, Map.of());
    source.put(UncountedReason.LOST_BALLOTS, 3L);
    assertThat(v.uncounted()).containsOnlyKeys(UncountedReason.POLL_CARDS, UncountedReason.OTHER_EXPLANATION);
    assertThat(v.uncounted().keySet()).containsExactly(UncountedReason.POLL_CARDS,
        UncountedReason.OTHER_EXPLANATION);
    assertThatThrownBy(() -> v.uncounted().put(UncountedReason.LOST_BALLOTS, 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listsAreImmutableCopies() {
    List<CandidateVotes> candidates = new java.util.ArrayList<>(List.of(new CandidateVotes(1, 5)));
    ListVotes l = new ListVotes(1, "A", 5, null, candidates);
    candidates.add(new CandidateVotes(2, 1));
    assertThat(l.candidates()).hasSize(1);
    assertThat(l.candidateTotal()).isEqualTo(5);
  }

  @Test
  void totalsAndLookups() {
    VoteCounts v = counts(List.of(new ListVotes(1, "A", 5, null, List.of(new CandidateVotes(1, 5))),
        new ListVotes(2, "", 7, null, List.of())), 12);
    assertThat(v.listTotal()).isEqualTo(12);
    assertThat(v.list(2).appellation()).isEmpty();
    assertThat(v.list(3)).isNull();
    assertThat(v.blank()).isEqualTo(1);
    assertThat(v.invalid()).isEqualTo(2);
  }

  @Test
  void candidateNeedsPositionOrShortCode() {
    assertThatThrownBy(() -> new CandidateVotes(null, null, 1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CandidateVotes(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new CandidateVotes(null, "Wilders1", 1, null).shortCode()).isEqualTo("Wilders1");
  }

  @Test
  void contestWithoutTotalHasExactlyOneUnit() {
    VoteCounts v = counts(List.of(), 0);
    ReportingUnitCount u = new ReportingUnitCount("0668::SB1", "SB1", null, null, v, List.of());
    assertThat(new ContestCount("geen", null, null, List.of(u)).units()).hasSize(1);
    assertThatThrownBy(() -> new ContestCount("geen", null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesMapBothWays() {
    for (UncountedReason r : UncountedReason.values()) {
      assertThat(UncountedReason.fromCode(r.code())).isSameAs(r);
    }
    assertThat(UncountedReason.values()).hasSize(14);
    for (InvestigationReason r : InvestigationReason.values()) {
      assertThat(InvestigationReason.fromCode(r.code())).isSameAs(r);
    }
    assertThat(RejectedReason.fromCode("blanco")).isEqualTo(RejectedReason.BLANK);
    assertThat(CountingMethod.fromCode("decentrale stemopneming")).isEqualTo(CountingMethod.DECENTRAL);
    assertThat(Phase.fromCode("corrigendum")).isEqualTo(Phase.CORRIGENDUM);
    assertThat(Phase.fromCode("tweede zitting")).isNull();
    assertThat(new EnumMap<UncountedReason, Long>(UncountedReason.class)).isEmpty();
  }

  @Test
  void electedCandidateRankingIsOneOrTwo() {
    nl.uitslag.domain.election.PersonName n = new nl.uitslag.domain.election.PersonName("A.", null, null, "B");
    assertThat(new ElectedCandidate(1, null, n, null, "X", null, null, 2).ranking()).isEqualTo(2);
    assertThatThrownBy(() -> new ElectedCandidate(1, null, n, null, "X", null, null, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ElectedCandidate(0, null, n, null, "X", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
