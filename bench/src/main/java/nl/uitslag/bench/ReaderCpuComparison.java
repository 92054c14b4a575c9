package nl.uitslag.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.domain.count.Count;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlWriter;
import nl.uitslag.eml.ReadOptions;

/**
 * Our reader against a bare StAX pass over the same 510b bytes (as {@link EmlImportBenchmark}), measured in CPU time
 * of the reading thread rather than wall time, so that the ratio holds on a machine shared with other work. The two
 * passes alternate; the median of each is reported.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar nl.uitslag.bench.ReaderCpuComparison [copies] [rounds]</pre>
 */
public final class ReaderCpuComparison {
  private ReaderCpuComparison() {}

  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path shared = Path.of(System.getProperty("uitslag.shared", "../shared"));
    if (!Files.isDirectory(shared)) {
      shared = Path.of("../../shared");
    }
    Path source = shared.resolve("data/eml/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml");
    Count count;
    try (InputStream in = Files.newInputStream(source)) {
      count = EmlReader.readCount(in, source.getFileName().toString(), ReadOptions.none()).count();
    }
    byte[] bytes = EmlWriter.writeCount(EmlKind.E510B, EmlImportBenchmark.scale(count, copies),
        LocalDateTime.of(2025, 10, 30, 12, 0));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    long[] stax = new long[rounds];
    long[] ours = new long[rounds];
    long sink = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
      while (r.hasNext()) {
        sink += r.next();
      }
      r.close();
      long t1 = threads.getCurrentThreadCpuTime();
      LongAdder units = new LongAdder();
      EmlReader.read(new ByteArrayInputStream(bytes), "big-510b.eml.xml",
          ReadOptions.none().withUnitSink(u -> units.increment()));
      long t2 = threads.getCurrentThreadCpuTime();
      sink += units.sum();
      stax[i] = t1 - t0;
      ours[i] = t2 - t1;
    }
    // The first third is warm-up (JIT).
    long[] s = Arrays.copyOfRange(stax, rounds / 3, rounds);
    long[] o = Arrays.copyOfRange(ours, rounds / 3, rounds);
    Arrays.sort(s);
    Arrays.sort(o);
    double sm = s[s.length / 2] / 1e6;
    double om = o[o.length / 2] / 1e6;
    System.out.printf("input %.1f MB (%d copies); median CPU ms over %d rounds after warm-up: bare StAX %.0f "
        + "(%.0f MB/s), our reader %.0f (%.0f MB/s); our throughput = %.0f %% of bare StAX (checksum %d)%n",
        bytes.length / 1e6, copies, s.length, sm, bytes.length / 1e3 / sm, om, bytes.length / 1e3 / om,
        100 * sm / om, sink % 1000);
  }
}
