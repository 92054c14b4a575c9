package nl.uitslag.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import nl.uitslag.eml.verify.CheckStatus;
import nl.uitslag.eml.verify.VerificationReport;
import nl.uitslag.eml.verify.Verifier;

/**
 * The national scale run (issue 11): generates a Tweede Kamer election of national size (150 seats, 20
 * kieskringen, 342 municipalities, 10,000 polling stations, 30 lists of 50 candidates) unless the directory already
 * holds one, then times a bare StAX pass over every file and the full verification of the same files, each run
 * {@code rounds} times, and prints the sizes, times, throughput and peak heap. Meant to run with {@code -Xmx1g}.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar nl.uitslag.bench.NationalVerification /tmp/tk-national [rounds]</pre>
 */
public final class NationalVerification {
  private NationalVerification() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/tk-national");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (!Files.isDirectory(dir) || files(dir).isEmpty()) {
      long t0 = System.nanoTime();
      GeneratedSet set = EmlGenerator.generate(GeneratorSpec.of("TK").withSeed(1), dir);
      System.out.printf("generated %d files, %,d bytes, %d polling stations in %.1f s%n", set.files().size(),
          set.bytes(), set.pollingStations(), (System.nanoTime() - t0) / 1e9);
    }
    List<Path> files = files(dir);
    long bytes = 0;
    for (Path p : files) {
      bytes += Files.size(p);
    }
    System.out.printf("input: %d files, %,d bytes (%.1f MB); max heap %d MB; %d processors%n", files.size(), bytes,
        bytes / 1e6, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    // On a machine shared with other work the wall clock mostly measures the others; the CPU time of this thread
    // (both passes run on it; the verifier is single-threaded) and of the whole process (adds GC and JIT) do not.
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      long c0 = thread.getCurrentThreadCpuTime();
      long p0 = processCpu();
      long events = 0;
      for (Path p : files) {
        events += staxPass(p);
      }
      double stax = (System.nanoTime() - t0) / 1e9;
      double staxCpu = (thread.getCurrentThreadCpuTime() - c0) / 1e9;
      double staxProcess = (processCpu() - p0) / 1e9;
      resetPeaks();
      long t1 = System.nanoTime();
      long c1 = thread.getCurrentThreadCpuTime();
      long p1 = processCpu();
      VerificationReport r = Verifier.verify(dir);
      double verify = (System.nanoTime() - t1) / 1e9;
      double verifyCpu = (thread.getCurrentThreadCpuTime() - c1) / 1e9;
      double verifyProcess = (processCpu() - p1) / 1e9;
      System.out.printf("round %d: bare StAX %.1f s wall, %.1f s thread CPU, %.1f s process CPU (%,d events); "
          + "verify %.1f s wall, %.1f s thread CPU, %.1f s process CPU; exit %d, %,d checks (%d different, "
          + "%d cannot verify); verify/StAX throughput %.0f %% by wall, %.0f %% by thread CPU; peak heap %d MB; "
          + "load average %.1f%n",
          round, stax, staxCpu, staxProcess, events, verify, verifyCpu, verifyProcess, r.exitCode(),
          r.checks().size(), r.count(CheckStatus.DIFFERENT), r.count(CheckStatus.CANNOT_VERIFY),
          100 * stax / verify, 100 * staxCpu / verifyCpu, peakHeapMb(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  private static final XMLInputFactory STAX = hardened();

  private static XMLInputFactory hardened() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  /** Every event of the file read, nothing checked or kept: the floor any XML import is measured against. */
  static long staxPass(Path p) throws IOException, XMLStreamException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
      XMLStreamReader r = STAX.createXMLStreamReader(in);
      long events = 0;
      while (r.hasNext()) {
        r.next();
        events++;
      }
      r.close();
      return events;
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
