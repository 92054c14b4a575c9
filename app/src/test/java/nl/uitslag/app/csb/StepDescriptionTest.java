package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import nl.uitslag.domain.apportionment.StepKind;
import org.junit.jupiter.api.Test;

/**
 * The steps of the seat apportionment as the Dutch result screen and the P 22-1 / P 22-2 print them: every kind,
 * including the lijstengroep steps of Kieswet P 12, P 13 and P 16 lid 2, has a Dutch text (found on the screen of
 * the browser test TkGroupE2ETest, which showed "list group: full seats per list" on a Dutch page).
 */
class StepDescriptionTest {
  @Test
  void everyStepKindHasADutchDescriptionNotTheEnglishOne() {
    for (StepKind k : StepKind.values()) {
      assertThat(CsbResultService.dutch(k)).as(k.name()).isNotEqualTo(k.description()).doesNotContain("list ");
    }
  }

  @Test
  void theLijstengroepStepsOfP12P13AndP16Lid2() {
    assertThat(CsbResultService.dutch(StepKind.GROUP_FULL_SEATS)).isEqualTo("lijstengroep: volle zetels per lijst");
    assertThat(CsbResultService.dutch(StepKind.GROUP_LARGEST_REMAINDER))
        .isEqualTo("lijstengroep: zetel, grootste overschot");
    assertThat(CsbResultService.dutch(StepKind.GROUP_SEAT_WITHDRAWN))
        .isEqualTo("lijstengroep: laatst toegewezen zetel ingetrokken");
  }
}
