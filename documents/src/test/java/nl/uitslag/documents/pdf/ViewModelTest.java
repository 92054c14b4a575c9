package nl.uitslag.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;

/** The view model refuses figures that a definitive result can never have. */
class ViewModelTest {

  private static final GsbReport REAL = Gr2022WestMaasEnWaal.report(CountingMethod.CSO);

  @Test
  void f201_admittedVotersMustAddUp() {
    assertThatThrownBy(() -> new VoterCounts(10, 2, 0, 13))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("F.201");
  }

  @Test
  void f203_votesCastMustAddUp() {
    assertThatThrownBy(() -> new VoteCounts(100, 1, 1, 101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("F.203");
  }

  @Test
  void f402_listTotalMustEqualItsCandidates() {
    assertThatThrownBy(() -> new ListVotes(3, List.of(5L, 6L), 12))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("F.402");
  }

  @Test
  void f202_votesOnCandidatesMustEqualTheListTotals() {
    PollingStationResult s = REAL.pollingStations().get(0);
    VoteCounts off = new VoteCounts(s.votes().votesOnCandidates() + 1, s.votes().blank(),
        s.votes().invalid(), s.votes().totalCast() + 1);
    assertThatThrownBy(() -> new PollingStationResult(s.station(), s.voters(), off,
        s.differences(), s.investigation(), s.lists()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("F.202");
  }

  @Test
  void countsAboveTheFormsMaximumAreRefused() {
    assertThatThrownBy(() -> new DifferenceCounts(1_000_000_000L, 0))
        .hasMessageContaining("between 0 and 999999999");
    assertThatThrownBy(() -> new DifferenceCounts(-1, 0))
        .hasMessageContaining("I (meer getelde stembiljetten)");
  }

  @Test
  void municipalTotalsThatDifferFromThePollingStationsAreRefused() {
    VoterCounts more = new VoterCounts(REAL.voters().pollCards() + 1,
        REAL.voters().proxyCertificates(), 0, REAL.voters().totalAdmitted() + 1);
    assertThatThrownBy(() -> new GsbReport(REAL.countingMethod(), REAL.election(), REAL.session(),
        REAL.eligibleVoters(), REAL.lists(), more, REAL.votes(), REAL.differences(),
        REAL.listVotes(), REAL.pollingStations(), REAL.warnings(), REAL.controlProtocol(),
        REAL.countFile(), REAL.createdAt()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("municipal A–D")
        .hasMessageContaining("sum of the polling stations");
  }

  @Test
  void aPollingStationCannotBeCountedTwice() {
    List<PollingStationResult> twice = new ArrayList<>(REAL.pollingStations().subList(0, 2));
    twice.add(REAL.pollingStations().get(0));
    assertThatThrownBy(() -> Gr2022WestMaasEnWaal.withStations(REAL, twice, CountingMethod.CSO))
        .hasMessageContaining("appears twice");
  }

  @Test
  void listResultsMustFollowTheCandidateLists() {
    List<ListVotes> shifted = new ArrayList<>(REAL.listVotes());
    shifted.remove(7);
    PollingStationResult s = REAL.pollingStations().get(0);
    assertThatThrownBy(() -> ResultChecks.listsMatchCandidates("test", shifted, REAL.lists()))
        .hasMessageContaining("7 list results for 8 lists");
    assertThat(s.lists()).hasSize(8);
  }

  @Test
  void voterCardsAreRefusedWhereCountCDoesNotExist() {
    PollingStationResult s = REAL.pollingStations().get(0);
    VoterCounts withC = new VoterCounts(s.voters().pollCards(), s.voters().proxyCertificates(), 1,
        s.voters().totalAdmitted() + 1);
    PollingStationResult changed = new PollingStationResult(s.station(), withC, s.votes(),
        s.differences(), s.investigation(), s.lists());
    assertThatThrownBy(() -> Gr2022WestMaasEnWaal.withStations(REAL, List.of(changed),
        CountingMethod.CSO))
        .hasMessageContaining("C (kiezerspassen) does not exist");
  }

  @Test
  void controlProtocolMustDrawListsOfThisElection() {
    assertThatThrownBy(() -> new GsbReport(REAL.countingMethod(), REAL.election(), REAL.session(),
        REAL.eligibleVoters(), REAL.lists(), REAL.voters(), REAL.votes(), REAL.differences(),
        REAL.listVotes(), REAL.pollingStations(), REAL.warnings(),
        Optional.of(new ControlProtocolOutcome(List.of(1, 9), true, "")), REAL.countFile(),
        REAL.createdAt()))
        .hasMessageContaining("drew list 9");
    assertThatThrownBy(() -> new ControlProtocolOutcome(List.of(1, 2, 3), false, " "))
        .hasMessageContaining("must say what was found");
  }

  @Test
  void candidatesMustBeNumberedInListOrder() {
    assertThatThrownBy(() -> new CandidateList(1, "Partij",
        List.of(new Candidate(1, "A", "X"), new Candidate(3, "B", "X"))))
        .hasMessageContaining("found 3 at position 2");
  }

  @Test
  void fingerprintIs64LowercaseHexCharactersShownIn16Groups() {
    Fingerprint fp = Fingerprint.parse(
        "D6BE D099 CB7E 30B9 1863 4300 407E EB8D 2624 D8C8 9029 F47B ECC4 D4A2 063F 801E");
    assertThat(fp.hex()).hasSize(64).isLowerCase();
    assertThat(fp.toString()).isEqualTo(
        "d6be d099 cb7e 30b9 1863 4300 407e eb8d 2624 d8c8 9029 f47b ecc4 d4a2 063f 801e");
    assertThatThrownBy(() -> Fingerprint.parse("abc")).hasMessageContaining("64 hexadecimal");
    assertThatThrownBy(() -> Fingerprint.ofDigest(new byte[20])).hasMessageContaining("32 bytes");
  }

  @Property
  void fingerprintGroupsParseBackToTheSameDigest(@ForAll("digests") byte[] digest) {
    Fingerprint fp = Fingerprint.ofDigest(digest);
    assertThat(fp.toString().split(" ")).hasSize(16).allMatch(g -> g.length() == 4);
    assertThat(Fingerprint.parse(fp.toString())).isEqualTo(fp);
  }

  @Provide
  Arbitrary<byte[]> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Property(tries = 200)
  void anyPollingStationsAddUpToAReportThatIsAccepted(
      @ForAll @IntRange(min = 1, max = 21) int count, @ForAll @IntRange(min = 0, max = 20) int from) {
    List<PollingStationResult> all = REAL.pollingStations();
    List<PollingStationResult> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chosen.add(all.get((from + i) % all.size()));
    }
    // Totals added up from any set of distinct stations always pass the report's own checks.
    GsbReport report = Gr2022WestMaasEnWaal.withStations(REAL, chosen, CountingMethod.CSO);
    assertThat(report.votes().totalCast())
        .isEqualTo(chosen.stream().mapToLong(s -> s.votes().totalCast()).sum());
    assertThat(new GsbReportView(report, true).getStationsWithMoreBallots())
        .allMatch(n -> chosen.stream().anyMatch(s -> s.station().number() == n));
  }
}
