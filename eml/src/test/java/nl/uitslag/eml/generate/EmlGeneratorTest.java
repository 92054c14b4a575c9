package nl.uitslag.eml.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator: deterministic from its seed, realistic sizes, and every count adds up by construction. */
class EmlGeneratorTest {
  @TempDir Path a;
  @TempDir Path b;

  static final GeneratorSpec SMALL_TK = GeneratorSpec.of("TK").withSeed(42).withSize(3, 6, 20, 6, 30);

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    GeneratedSet x = EmlGenerator.generate(SMALL_TK, a);
    GeneratedSet y = EmlGenerator.generate(SMALL_TK, b);
    assertThat(x.files()).hasSameSizeAs(y.files());
    for (int i = 0; i < x.files().size(); i++) {
      assertThat(x.files().get(i).getFileName()).isEqualTo(y.files().get(i).getFileName());
      assertThat(Files.readAllBytes(x.files().get(i))).as(x.files().get(i).getFileName().toString())
          .isEqualTo(Files.readAllBytes(y.files().get(i)));
    }
    assertThat(x.bytes()).isEqualTo(y.bytes());
  }

  @Test
  void anotherSeedGivesOtherCounts() throws IOException {
    EmlGenerator.generate(SMALL_TK, a);
    EmlGenerator.generate(SMALL_TK.withSeed(43), b);
    assertThat(Files.readAllBytes(a.resolve("Totaaltelling_TK2029.eml.xml")))
        .isNotEqualTo(Files.readAllBytes(b.resolve("Totaaltelling_TK2029.eml.xml")));
  }

  @Test
  void pollingStationsAndMunicipalitiesAreAsAskedAndEveryKieskringHasOne() throws IOException {
    GeneratedSet set = EmlGenerator.generate(SMALL_TK, a);
    assertThat(set.pollingStations()).isEqualTo(20);
    assertThat(set.municipalities()).isEqualTo(6);
    int units = 0;
    List<String> contests = new ArrayList<>();
    for (Path p : set.files()) {
      if (p.getFileName().toString().contains("_gemeente_")) {
        List<ReportingUnitCount> seen = new ArrayList<>();
        Count c = ((EmlDocument.Counts) EmlReader.read(Files.newInputStream(p), p.toString(),
            ReadOptions.none().withUnitSink(seen::add))).count();
        units += seen.size();
        contests.add(c.contests().get(0).contestId());
        // Every station has its eligible voters and about 55-85 % turnout.
        assertThat(seen).allSatisfy(u -> {
          assertThat(u.votes().eligibleVoters()).isBetween(700L, 2500L);
          assertThat(u.votes().totalCounted()).isLessThan(u.votes().eligibleVoters());
        });
      }
    }
    assertThat(units).isEqualTo(20);
    assertThat(contests).containsOnly("1", "2", "3").contains("1", "2", "3");
    assertThat(set.seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(150);
  }

  @Test
  void badSpecsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> GeneratorSpec.of("XX")).hasMessageContaining("XX is not generated");
    assertThatThrownBy(() -> GeneratorSpec.of("GR1").withSeats(19)).hasMessageContaining("GR1 is for fewer than 19");
    assertThatThrownBy(() -> GeneratorSpec.of("TK").withSize(20, 10, 100, 30, 50))
        .hasMessageContaining("at least one municipality per kieskring");
    assertThatThrownBy(() -> GeneratorSpec.of("TK").withSize(3, 10, 5, 30, 50))
        .hasMessageContaining("at least one polling station per municipality");
    assertThatThrownBy(() -> GeneratorSpec.of("PS1").withSize(2, 10, 50, 5, 5))
        .hasMessageContaining("PS1 has one kieskring");
  }

  @Test
  void theNationalDefaultsAreThoseOfATweedeKamerElection() {
    GeneratorSpec tk = GeneratorSpec.of("tk");
    assertThat(tk.seats()).isEqualTo(150);
    assertThat(tk.districts()).isEqualTo(20);
    assertThat(tk.pollingStations()).isEqualTo(10_000);
    assertThat(tk.lists()).isEqualTo(30);
    assertThat(tk.candidates()).isEqualTo(50);
    assertThat(tk.electionId()).isEqualTo("TK2029");
  }

  /** Largest remainders: the parts always add up to the total exactly, and each is within one of its quota. */
  @Property(tries = 300)
  void allocationAddsUpExactly(@ForAll @LongRange(max = 5_000_000) long total,
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0.01, max = 50) Double> weights) {
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    long[] out = new long[w.length];
    EmlGenerator.allocate(total, w, out);
    long sum = 0;
    double ws = 0;
    for (double x : w) {
      ws += x;
    }
    for (int i = 0; i < out.length; i++) {
      sum += out[i];
      assertThat((double) out[i]).isBetween(total * w[i] / ws - 1.0001, total * w[i] / ws + 1.0001);
    }
    assertThat(sum).isEqualTo(total);
  }
}
