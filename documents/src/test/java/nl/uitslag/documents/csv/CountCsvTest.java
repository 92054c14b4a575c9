package nl.uitslag.documents.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import org.junit.jupiter.api.Test;

/** The OSV 4-3 CSV layout (data/csv/README.md); the comparison with the real exports is in the app's CLI test. */
class CountCsvTest {
  static final ElectionIdentifier ELECTION = new ElectionIdentifier("GR2022_Test", "Gemeenteraad Test 2022",
      ElectionCategory.GR, "GR1", new ElectionDomain("0999", "Test"), LocalDate.of(2022, 3, 16), null);

  static VoteCounts votes(long l1, long c1, long c2, long eligible) {
    return new VoteCounts(List.of(new ListVotes(1, "Partij \"Nieuw\"", l1, null,
        List.of(new CandidateVotes(1, c1), new CandidateVotes(2, c2)))), eligible, null, l1, null,
        Map.of(RejectedReason.BLANK, 1L, RejectedReason.INVALID, 2L), Map.of(),
        Map.of(UncountedReason.POLL_CARDS, l1 + 3, UncountedReason.ADMITTED_VOTERS, l1 + 3), Map.of());
  }

  static Count count() {
    ReportingUnitCount sb1 = new ReportingUnitCount("0999::SB1", "Stembureau Dorpshuis (postcode: 1234 AB)",
        null, null, votes(5, 3, 2, 0), List.of());
    ReportingUnitCount sb2 = new ReportingUnitCount("0999::SB2", "Mobiel stembureau", null, null,
        votes(4, 1, 3, 0), List.of());
    return new Count(ELECTION, new ManagingAuthority("0999", "Test"), null, null,
        List.of(new ContestCount("geen", null, votes(9, 4, 5, 100), List.of(sb1, sb2))));
  }

  static CandidateLists lists() {
    return new CandidateLists(ELECTION, null, List.of(new ContestLists("geen", null, List.of(
        new CandidateList(1, "Partij \"Nieuw\"", "op zichzelf staande lijst", null, true, List.of(
            new Candidate(1, null, new PersonName("A.B.", "Anna", "van der", "Berg"), null, "Test", null),
            new Candidate(2, null, new PersonName("C.", null, null, "Jansen"), null, "Test", null)))))));
  }

  @Test
  void layoutMatchesTheOsvExport() {
    byte[] csv = CountCsv.write(count(), "Gemeente Test", lists());
    assertThat(csv[0]).isEqualTo((byte) 0xEF);
    assertThat(csv[1]).isEqualTo((byte) 0xBB);
    assertThat(csv[2]).isEqualTo((byte) 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    assertThat(lines[0]).isEqualTo("\"Verkiezing\";;\"Gemeenteraad Test 2022\"");
    assertThat(lines[1]).isEqualTo("\"Datum\";;\"2022-03-16\"");
    assertThat(lines[2]).isEqualTo("\"Gebied\";;\"Gemeente Test\"");
    assertThat(lines[3]).isEqualTo("\"Nummer\";;\"0999\"");
    assertThat(lines[4]).isEmpty();
    assertThat(lines[5]).isEqualTo(
        "\"Lijstnummer\";\"Aanduiding\";\"Volgnummer\";\"Naam kandidaat\";\"Totaal\";\"Dorpshuis\";\"Mobiel stembureau\"");
    assertThat(lines[6]).isEqualTo("\"Gebiednummer\";;;;;\"1\";\"2\"");
    assertThat(lines[7]).isEqualTo("\"Postcode\";;;;;\"1234 AB\";\"\"");
    assertThat(lines[8]).isEqualTo(";\"opgeroepenen\";;;\"100\";\"0\";\"0\"");
    assertThat(lines[9]).isEqualTo(";\"geldige stempas\";;;\"12\";\"8\";\"7\"");
    assertThat(lines[10]).as("a reason the file does not carry is an empty field")
        .isEqualTo(";\"geldig volmachtbewijs\";;;;;");
    assertThat(text).contains(";\"aangetroffen stembiljetten\";;;\"12\";\"8\";\"7\"\n");
    assertThat(text).contains("\n\"1\";\"Partij \"\"Nieuw\"\"\";;;\"9\";\"5\";\"4\"\n");
    assertThat(text).contains("\n;;\"1\";\"van der Berg, A.B.\";\"4\";\"3\";\"1\"\n");
    assertThat(text).endsWith(";;\"2\";\"Jansen, C.\";\"5\";\"2\";\"3\"");
    assertThat(text).doesNotContain("briefstembiljetten");
  }

  @Test
  void sameCountGivesTheSameBytes() {
    assertThat(CountCsv.write(count(), "Gemeente Test", lists()))
        .isEqualTo(CountCsv.write(count(), "Gemeente Test", lists()));
  }

  @Test
  void withoutCandidateListsNamesAreEmpty() {
    String text = new String(CountCsv.write(count(), "Gemeente Test", null), StandardCharsets.UTF_8);
    assertThat(text).contains("\n;;\"1\";\"\";\"4\";\"3\";\"1\"\n");
  }

  @Test
  void unitNumbersAndNames() {
    assertThat(CountCsv.unitNumber("0668::SB112")).isEqualTo("112");
    assertThat(CountCsv.unitNumber("HSB5::0034")).isEqualTo("0034");
    assertThat(CountCsv.nameAndPostcode("Stembureau Gemeentehuis (maandag) (postcode: 6658 AG)"))
        .containsExactly("Gemeentehuis (maandag)", "6658 AG");
  }

  @Test
  void aCountWithSeveralContestsIsRefused() {
    Count c = count();
    Count two = new Count(c.election(), c.authority(), null, null,
        List.of(c.contests().get(0), new ContestCount("2", null, c.contests().get(0).total(), List.of())));
    assertThatThrownBy(() -> CountCsv.write(two, "x", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
