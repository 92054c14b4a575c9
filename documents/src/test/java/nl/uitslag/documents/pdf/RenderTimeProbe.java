package nl.uitslag.documents.pdf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Measures once how long a Na 31-2 with 400 polling stations takes to render (docs/REPORTS.md).
 * Not a test: timings on a shared machine are no pass/fail criterion. Run with the test classpath:
 * {@code java -cp ... nl.uitslag.documents.pdf.RenderTimeProbe 400 [INCLUDED|OMITTED]}.
 */
public final class RenderTimeProbe {

  private RenderTimeProbe() {}

  public static void main(String[] args) throws IOException {
    int stations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    GsbReport real = Gr2022WestMaasEnWaal.report(CountingMethod.CSO);
    List<PollingStationResult> copies = new ArrayList<>(stations);
    for (int i = 0; i < stations; i++) {
      PollingStationResult s = real.pollingStations().get(i % real.pollingStations().size());
      copies.add(new PollingStationResult(new PollingStation(i + 1, s.station().name()),
          s.voters(), s.votes(), s.differences(), s.investigation(), s.lists()));
    }
    GsbReport big = Gr2022WestMaasEnWaal.withStations(real, copies, CountingMethod.CSO);
    ReportRenderer renderer = new ReportRenderer();
    renderer.gsbReport(Gr2022WestMaasEnWaal.firstStations(real, 2, CountingMethod.CSO)); // warm-up
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<ReportRenderer.StationAnnexes> modes = args.length > 1
        ? List.of(ReportRenderer.StationAnnexes.valueOf(args[1]))
        : List.of(ReportRenderer.StationAnnexes.values());
    for (ReportRenderer.StationAnnexes annexes : modes) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      byte[] pdf = renderer.gsbReport(big, annexes);
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      int pages;
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        pages = doc.getNumberOfPages();
      }
      System.out.printf("stations=%d annexes=%s pages=%d wall=%.1fs cpu=%.1fs size=%d KB%n",
          stations, annexes, pages, wallSeconds, cpuSeconds, pdf.length / 1024);
    }
  }
}
