package nl.uitslag.domain.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Election records refuse values that are invalid by nature. */
class ElectionRecordsTest {
  static final ElectionIdentifier GR = new ElectionIdentifier("GR2022_WestMaasenWaal", "Gemeenteraad",
      ElectionCategory.GR, "GR1", new ElectionDomain("0668", "West Maas en Waal"), LocalDate.of(2022, 3, 16),
      LocalDate.of(2022, 1, 31));

  static Candidate candidate(int position) {
    return new Candidate(position, null, new PersonName("R.A.N.", "Rob", null, "Reuvers"), Gender.MALE,
        "Beneden-Leeuwen", null);
  }

  @Test
  void listNameIsPrefixLastNameCommaInitials() {
    assertThat(new PersonName("C.G.H.M.", "Cees", "van", "Dreumel").listName()).isEqualTo("van Dreumel, C.G.H.M.");
    assertThat(new PersonName(null, null, null, "Wilders").listName()).isEqualTo("Wilders");
  }

  @Test
  void electionIdMustNotBeEmpty() {
    assertThatThrownBy(() -> new ElectionIdentifier(" ", null, ElectionCategory.TK, null, null,
        LocalDate.of(2025, 10, 29), null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutNominationDate() {
    assertThat(GR.withoutNominationDate().nominationDate()).isNull();
    assertThat(GR.withoutNominationDate().id()).isEqualTo(GR.id());
  }

  @Test
  void aCandidateAppearsOnceOnAList() {
    assertThatThrownBy(() -> new CandidateList(1, "A", "op zichzelf staande lijst", null, true,
        List.of(candidate(1), candidate(1)))).isInstanceOf(IllegalArgumentException.class);
    CandidateList l = new CandidateList(1, "A", "op zichzelf staande lijst", null, true,
        List.of(candidate(1), candidate(2)));
    assertThat(l.candidate(2)).isNotNull();
    assertThat(l.candidate(3)).isNull();
  }

  @Test
  void aListAppearsOnceInAContest() {
    CandidateList l = new CandidateList(1, "A", "op zichzelf staande lijst", null, true, List.of(candidate(1)));
    assertThatThrownBy(() -> new ContestLists("geen", null, List.of(l, l)))
        .isInstanceOf(IllegalArgumentException.class);
    CandidateLists lists = new CandidateLists(GR, null, List.of(new ContestLists("geen", null, List.of(l))));
    assertThat(lists.contest("geen").list(1)).isEqualTo(l);
    assertThat(lists.contest("1")).isNull();
  }

  @Test
  void positionsAndNumbersStartAtOne() {
    assertThatThrownBy(() -> candidate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CandidateList(0, "A", null, null, true, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollingStation(0, "x", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pollingStationsAreDeclaredOnce() {
    PollingStation s = new PollingStation(1, "Gemeentehuis", "6658 AG", "FixedLocation", null, 1415L);
    assertThatThrownBy(() -> new PollingStations(GR, "0668", "West Maas en Waal", 16202, List.of(s, s)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollingStation(2, "x", null, null, null, -1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void definitionNeedsSeats() {
    assertThatThrownBy(() -> new ElectionDefinition(GR, "geen", "SPV", 0, 25, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ElectionDefinition(GR, "geen", "SPV", 17, -1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesMapBothWays() {
    assertThat(ElectionCategory.fromCode("AB")).isEqualTo(ElectionCategory.AB);
    assertThat(ElectionCategory.fromCode("XX")).isNull();
    assertThat(Gender.fromCode("female")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.fromCode("v")).isNull();
  }

  @Test
  void createdByNameNeedsItsId() {
    assertThatThrownBy(() -> new ManagingAuthority("0668", "West Maas en Waal", null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ManagingAuthority("CSB", "Kiesraad").createdById()).isNull();
  }
}
