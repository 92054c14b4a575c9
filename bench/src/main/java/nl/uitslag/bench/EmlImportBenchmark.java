package nl.uitslag.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import throughput of a large 510b against a bare StAX pass over the same bytes (product.md §6: at least 70 %).
 * The input is the real TK2025 West Maas en Waal 510b with its polling stations repeated {@code copies} times
 * (new ids, totals multiplied), written by our own writer so that it is internally consistent. Both benchmarks
 * read the same bytes from memory, so the comparison measures parsing and checking, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class EmlImportBenchmark {
  @Param({"20"})
  public int copies;

  byte[] bytes;
  private final XMLInputFactory stax = hardenedFactory();

  @Setup
  public void setUp() throws IOException {
    // Run from the repository root: ../shared is beside it (JMH forks do not inherit -D options).
    Path shared = Path.of(System.getProperty("uitslag.shared", "../shared"));
    if (!Files.isDirectory(shared)) {
      shared = Path.of("../../shared");
    }
    Path source = shared.resolve("data/eml/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml");
    Count count;
    try (InputStream in = Files.newInputStream(source)) {
      count = EmlReader.readCount(in, source.getFileName().toString(), ReadOptions.none()).count();
    }
    bytes = EmlWriter.writeCount(EmlKind.E510B, scale(count, copies), LocalDateTime.of(2025, 10, 30, 12, 0));
    System.out.printf("%n510b input: %d bytes (%.1f MB)%n", bytes.length, bytes.length / 1e6);
  }

  @Benchmark
  public long ourReaderStreaming() {
    LongAdder units = new LongAdder();
    EmlDocument doc =
        EmlReader.read(
            new ByteArrayInputStream(bytes), "big-510b.eml.xml", ReadOptions.none().withUnitSink(u -> units.increment()));
    return units.sum() + doc.hashCode();
  }

  @Benchmark
  public long bareStaxPass() throws XMLStreamException {
    XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(bytes));
    long events = 0;
    while (r.hasNext()) {
      events += r.next();
    }
    r.close();
    return events;
  }

  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  static Count scale(Count count, int copies) {
    List<ContestCount> contests = new ArrayList<>();
    for (ContestCount contest : count.contests()) {
      List<ReportingUnitCount> units = new ArrayList<>();
      for (int copy = 0; copy < copies; copy++) {
        for (ReportingUnitCount u : contest.units()) {
          String id = copy == 0 ? u.id() : u.id() + "0" + copy;
          units.add(new ReportingUnitCount(id, u.name() + " " + copy, u.type(), u.sharedLocation(), u.votes(), u.investigations()));
        }
      }
      contests.add(new ContestCount(contest.contestId(), contest.contestName(), times(contest.total(), copies), units));
    }
    return new Count(count.election(), count.authority(), count.countingMethod(), count.phase(), contests);
  }

  private static VoteCounts times(VoteCounts v, long k) {
    List<ListVotes> lists = new ArrayList<>();
    for (ListVotes l : v.lists()) {
      List<CandidateVotes> cands = new ArrayList<>();
      for (CandidateVotes c : l.candidates()) {
        cands.add(new CandidateVotes(c.position(), c.shortCode(), c.votes() * k, null));
      }
      lists.add(new ListVotes(l.listNumber(), l.appellation(), l.votes() * k, null, cands));
    }
    return new VoteCounts(
        lists, v.eligibleVoters() * k, null, v.totalCounted() * k, null, times(v.rejected(), k), Map.of(),
        times(v.uncounted(), k), Map.of());
  }

  private static <K extends Enum<K>> Map<K, Long> times(Map<K, Long> m, long k) {
    if (m == null || m.isEmpty()) {
      return m;
    }
    Map<K, Long> result = new EnumMap<>(m);
    result.replaceAll((key, value) -> value == null ? null : value * k);
    return result;
  }
}
