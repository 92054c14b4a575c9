package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.Phase;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link CorrigendumIntake} on the real GR2022 West Maas en Waal 510b (no kr:Phase: a first-session file)
 * and corrigenda made from it: product.md §4 "older phase than what we have", the kr:Initial* values against the
 * held figures, and changes only at the ordered polling stations.
 */
class CorrigendumIntakeTest {
  private static final Count REAL = Gr2022Files.count(Gr2022Files.WMW_510B);
  private static final String REAL_CREATED = "2022-03-17T01:32:49.834";

  private static Count moved(Count base, int station, Corrigenda.Initials initials) {
    return Corrigenda.moveVotes(base, Phase.CORRIGENDUM, station, 8, 1, 3, initials);
  }

  @Test
  void spec4_aFileWithoutPhaseIsAFirstSessionFileAndDoesNotReplaceOne() {
    var check = CorrigendumIntake.check(REAL, REAL_CREATED, REAL, REAL_CREATED, Set.of());
    assertThat(check.refusal()).get().extracting(CorrigendumIntake.Refusal::code).isEqualTo("OLDER_PHASE");
  }

  @Test
  void spec4_aCorrigendumReplacesAFirstSessionFileWhateverItsTime() {
    var check = CorrigendumIntake.check(REAL, REAL_CREATED, moved(REAL, 7, Corrigenda.Initials.RIGHT),
        "2022-03-01T00:00:00.000", Set.of(7));
    assertThat(check.refusal()).isEmpty();
    assertThat(check.changedStations()).containsExactly(7);
  }

  @Test
  void spec4_aCorrigendumReplacesACorrigendumOnlyWhenCreatedLater() {
    Count held = moved(REAL, 7, Corrigenda.Initials.RIGHT);
    Count next = moved(held, 7, Corrigenda.Initials.RIGHT);
    String at = "2022-03-24T10:00:00.000";
    assertThat(CorrigendumIntake.check(held, at, next, "2022-03-24T10:00:00.001", Set.of(7)).refusal()).isEmpty();
    assertThat(CorrigendumIntake.check(held, at, next, at, Set.of(7)).refusal()).get()
        .extracting(CorrigendumIntake.Refusal::code).isEqualTo("OLDER_PHASE");
    assertThat(CorrigendumIntake.check(held, at, next, "2022-03-23T10:00:00.000", Set.of(7)).refusal()).get()
        .extracting(CorrigendumIntake.Refusal::code).isEqualTo("OLDER_PHASE");
    assertThat(CorrigendumIntake.check(held, at, next, null, Set.of(7)).refusal()).get()
        .extracting(CorrigendumIntake.Refusal::english).asString().contains("no readable creation time");
    assertThat(CorrigendumIntake.check(held, at, Corrigenda.unchanged(held, Phase.FIRST_SESSION), "2022-04-01T00:00",
        Set.of(7)).refusal()).get().extracting(CorrigendumIntake.Refusal::code).isEqualTo("OLDER_PHASE");
  }

  @Test
  void initialValuesMustBeTheHeldFigures() {
    var wrong = CorrigendumIntake.check(REAL, REAL_CREATED, moved(REAL, 7, Corrigenda.Initials.WRONG),
        "2022-03-24T10:00", Set.of(7));
    assertThat(wrong.refusal()).get().extracting(CorrigendumIntake.Refusal::code).isEqualTo("INITIAL_MISMATCH");
    assertThat(wrong.refusal().get().english()).startsWith("TotalVotes, list 1");
    var missing = CorrigendumIntake.check(REAL, REAL_CREATED, moved(REAL, 7, Corrigenda.Initials.MISSING),
        "2022-03-24T10:00", Set.of(7));
    assertThat(missing.refusal()).get().extracting(CorrigendumIntake.Refusal::code).isEqualTo("UNMARKED_CHANGE");
  }

  @Test
  void changesOnlyAtTheOrderedStationsOrAnywhereForAWholeMunicipality() {
    Count fresh = moved(REAL, 7, Corrigenda.Initials.RIGHT);
    assertThat(CorrigendumIntake.check(REAL, REAL_CREATED, fresh, "2022-03-24T10:00", Set.of(3)).refusal()).get()
        .extracting(CorrigendumIntake.Refusal::code).isEqualTo("OUTSIDE_ORDER");
    assertThat(CorrigendumIntake.check(REAL, REAL_CREATED, fresh, "2022-03-24T10:00", Set.of()).refusal()).isEmpty();
    assertThat(CorrigendumIntake.check(REAL, REAL_CREATED, Corrigenda.unchanged(REAL, Phase.CORRIGENDUM),
        "2022-03-24T10:00", Set.of(3)).changedStations()).isEmpty();
  }

  @Test
  void stationNumbersComeFromTheReportingUnitId() {
    assertThat(CorrigendumIntake.stationNumber("0668::SB12")).isEqualTo(12);
    assertThat(CorrigendumIntake.stationNumber("HSB5::0034")).isNull();
  }

  @Test
  void orderedStationsAreParsedStrictly() {
    assertThat(CsbInvestigationService.parseStations(" 7, 3;3 12 ")).containsExactly(3, 7, 12);
    assertThat(CsbInvestigationService.parseStations("")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsbInvestigationService.parseStations("3, x"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsbInvestigationService.parseStations("0"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
