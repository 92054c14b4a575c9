package nl.uitslag.domain.apportionment;

import static nl.uitslag.domain.apportionment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Properties the Dutch method is known NOT to have (apportionment.md §7): these tests document the
 * behaviour so nobody "fixes" it.
 */
class KnownNonPropertiesTest {

  @Test
  void alabamaParadoxBelow19SeatsE28E29() {
    int[] fifteen = seats(completed(gr(15, 8, 48, 22, 58)));
    int[] sixteen = seats(completed(gr(16, 8, 48, 22, 58)));
    assertThat(fifteen).containsExactly(1, 5, 3, 6);
    assertThat(sixteen).containsExactly(1, 6, 2, 7);
    assertThat(sixteen[2]).as("list 3 loses a seat when the council grows").isLessThan(fifteen[2]);
  }

  @Test
  void noMonotonicityAcrossThe19SeatSwitchE26E27() {
    int[] eighteen = seats(completed(gr(18, 6, 56)));
    int[] nineteen = seats(completed(gr(19, 6, 56)));
    assertThat(eighteen).containsExactly(2, 16);
    assertThat(nineteen).containsExactly(1, 18);
    assertThat(nineteen[0]).as("list 1 loses a seat at 19 seats (P 8 → P 7)").isLessThan(eighteen[0]);
  }

  @Test
  void upperQuotaIsNotRespectedE02E11() {
    // E02: share 10.1, 12 seats; E11: share 12.79, 15 seats
    assertThat(seats(completed(gr(15, 808, 59, 58, 57, 56, 55, 54, 53)))[0]).isEqualTo(12);
    assertThat(seats(completed(gr(19, 808, 57, 56, 55, 54, 53, 52, 51, 14)))[0]).isEqualTo(15);
  }

  @Test
  void lowerQuotaIsNotRespectedWhenAListRunsOutP10() {
    // E25: the only list reaches 9 quotas but has 5 candidates
    assertThat(seats(completed(grLists(9, head(100, 4))))[0]).isEqualTo(5);
  }

  @Test
  void p9MovesASeatAgainstTheRemainderOrderE05() {
    int[] s = seats(completed(gr(15, 2571, 977, 567, 536, 453)));
    // list 4 had a larger remainder than list 5 yet ends with the same number of seats
    assertThat(s[3]).isEqualTo(s[4]);
  }
}
