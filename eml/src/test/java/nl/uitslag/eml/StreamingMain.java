package nl.uitslag.eml;

import java.util.concurrent.atomic.AtomicLong;

/** Reads a synthetic 510b of the given size in a JVM started with a small heap; prints units and bytes. */
public final class StreamingMain {
  private StreamingMain() {}

  public static void main(String[] args) {
    long target = Long.parseLong(args[0]);
    SyntheticCountStream in = new SyntheticCountStream(target);
    AtomicLong seen = new AtomicLong();
    EmlDocument.Counts doc = EmlReader.readCount(in, "synthetic.eml.xml",
        ReadOptions.none().withUnitSink(u -> seen.incrementAndGet()));
    if (seen.get() != in.units() || !doc.count().contests().get(0).units().isEmpty()) {
      throw new IllegalStateException("units seen " + seen.get() + " of " + in.units());
    }
    System.out.println("units=" + seen.get() + " bytes=" + in.produced());
  }
}
