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
 * of the reading thread rather than wall time, so that the ratio holds on a machine shared with other work. The
 * passes alternate within every round (bare StAX, our reader, and for context StAX configured as our reader); the
 * median of each and the median of the per-round ratios are reported.
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
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // For context only: the same parser configured as our reader configures it (text coalesced into one event).
    XMLInputFactory g = XMLInputFactory.newDefaultFactory();
    g.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    g.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    g.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    g.setProperty(XMLInputFactory.IS_COALESCING, true);
    g.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    long[] stax = new long[rounds];
    long[] coalescing = new long[rounds];
    long[] ours = new long[rounds];
    double[] ratio = new double[rounds];
    long sink = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      sink += pass(f, bytes);
      long t1 = threads.getCurrentThreadCpuTime();
      LongAdder units = new LongAdder();
      EmlReader.read(new ByteArrayInputStream(bytes), "big-510b.eml.xml",
          ReadOptions.none().withUnitSink(u -> units.increment()));
      long t2 = threads.getCurrentThreadCpuTime();
      sink += pass(g, bytes);
      long t3 = threads.getCurrentThreadCpuTime();
      sink += units.sum();
      stax[i] = t1 - t0;
      ours[i] = t2 - t1;
      coalescing[i] = t3 - t2;
      ratio[i] = (double) stax[i] / ours[i];
    }
    // The first third is warm-up (JIT).
    double sm = median(stax, rounds) / 1e6;
    double om = median(ours, rounds) / 1e6;
    double cm = median(coalescing, rounds) / 1e6;
    double[] r = Arrays.copyOfRange(ratio, rounds / 3, rounds);
    Arrays.sort(r);
    System.out.printf("input %.1f MB (%d copies); median CPU ms over %d rounds after warm-up: bare StAX %.0f "
        + "(%.0f MB/s), our reader %.0f (%.0f MB/s); our throughput = %.0f %% of bare StAX (median of the "
        + "per-round ratios %.0f %%, range %.0f-%.0f %%); StAX configured as our reader %.0f (%.0f MB/s, ours = %.0f "
        + "%% of it); load average %.1f before, %.1f after (checksum %d)%n",
        bytes.length / 1e6, copies, r.length, sm, bytes.length / 1e3 / sm, om, bytes.length / 1e3 / om,
        100 * sm / om, 100 * r[r.length / 2], 100 * r[0], 100 * r[r.length - 1], cm, bytes.length / 1e3 / cm,
        100 * cm / om, loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        sink % 1000);
  }

  private static long pass(XMLInputFactory f, byte[] bytes) throws Exception {
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
    long sink = 0;
    while (r.hasNext()) {
      sink += r.next();
    }
    r.close();
    return sink;
  }

  private static long median(long[] values, int rounds) {
    long[] v = Arrays.copyOfRange(values, rounds / 3, rounds);
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
