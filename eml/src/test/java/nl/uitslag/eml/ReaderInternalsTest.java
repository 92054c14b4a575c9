package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The reader's speed-ups keep their exact meaning: indexed path names and the slot table of selections. */
class ReaderInternalsTest {
  private static final String[] NAMESPACES = {Ns.EML, Ns.KR, Ns.DS, Ns.XAL, Ns.XNL, ""};
  private static final String[] LOCALS = {"Selection", "ReportingUnitVotes", "Contest", "Affiliation", "Candidate",
      "UncountedVotes", "RejectedVotes", "Region", "RegisteredParty", "PollingPlace", "Investigation", "Election",
      "InitialRejectedVotes", "InitialUncountedVotes", "ValidVotes", "Cast", "TotalCounted", "CandidateIdentifier",
      "ReportingUnitIdentifier", "EML", "Count", "Contests", "TotalVotes", "InitialValidVotes", "PersonName"};

  @Test
  void indexedAgreesWithTheListOfIndexedNamesInEveryNamespace() {
    for (String ns : NAMESPACES) {
      for (String local : LOCALS) {
        assertThat(EmlCursor.indexed(ns, local)).as(ns + " " + local)
            .isEqualTo(EmlCursor.indexedNames().contains(Ns.prefixed(ns, local)));
      }
    }
    for (String name : EmlCursor.indexedNames()) {
      boolean kr = name.startsWith("kr:");
      assertThat(EmlCursor.indexed(kr ? Ns.KR : Ns.EML, kr ? name.substring(3) : name)).as(name).isTrue();
    }
  }

  @Property(tries = 200)
  void slotTableFindsWhatWasPutAndNothingElse(
      @ForAll @IntRange(min = 1, max = 999_999_999) int firstList,
      @ForAll @IntRange(min = 1, max = 60) int lists,
      @ForAll @IntRange(min = 0, max = 80) int candidates) {
    EmlReader.SlotTable table = new EmlReader.SlotTable();
    Map<Long, Integer> expected = new HashMap<>();
    int slot = 0;
    for (int l = 0; l < lists; l++) {
      int list = (int) Math.min(999_999_999L, (long) firstList + l * 7L);
      for (int p = 0; p <= candidates; p++) {
        long key = EmlReader.SlotTable.key(list, p);
        if (!expected.containsKey(key)) {
          table.put(key, slot);
          expected.put(key, slot);
          slot++;
        }
      }
    }
    expected.forEach((key, value) -> assertThat(table.get(key)).isEqualTo(value));
    assertThat(table.get(EmlReader.SlotTable.key(firstList, candidates + 1))).isEqualTo(-1);
    assertThat(table.get(EmlReader.SlotTable.key(firstList == 1 ? 2 : firstList - 1, 0)))
        .isEqualTo(expected.getOrDefault(EmlReader.SlotTable.key(firstList == 1 ? 2 : firstList - 1, 0), -1));
  }

  @Test
  void slotKeysSeparateListAndPosition() {
    assertThat(EmlReader.SlotTable.key(1, 0)).isNotEqualTo(EmlReader.SlotTable.key(0, 1));
    assertThat(EmlReader.SlotTable.key(999_999_999, 999_999_999))
        .isNotEqualTo(EmlReader.SlotTable.key(999_999_998, 999_999_999));
  }
}
