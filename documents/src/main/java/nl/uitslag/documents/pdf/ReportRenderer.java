package nl.uitslag.documents.pdf;

import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the official documents of a gemeentelijk stembureau as PDF/A-3a + PDF/UA-1: the PV Na 31-2
 * (CSO) or Na 31-1 (DSO), and the blank forms N 10-1, N 10-2 and Na 31-2 Bijlage 1.
 *
 * <p>Thread-safe; create one and reuse it. The same input gives the same bytes.
 */
public final class ReportRenderer {

  private final TemplateEngine engine;
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  public ReportRenderer() {
    engine = XhtmlTemplates.engine();
  }

  /**
   * The GSB's proces-verbaal (model Na 31-2 for CSO, Na 31-1 for DSO) followed by one annex per
   * polling station with its figures (for CSO: the filled-in Bijlage 1).
   */
  public byte[] gsbReport(GsbReport report) {
    return gsbReport(report, StationAnnexes.INCLUDED);
  }

  /**
   * The GSB's proces-verbaal, with or without the per-polling-station annexes; these dominate the
   * rendering time of large municipalities (docs/REPORTS.md).
   */
  public byte[] gsbReport(GsbReport report, StationAnnexes annexes) {
    return pdf.render(gsbReportXhtml(report, annexes), report.createdAt());
  }

  /**
   * One polling station's annex as a document of its own (for CSO the filled-in Na 31-2 Bijlage 1),
   * with the count file's fingerprint on every page. For large municipalities the caller renders these
   * separately, in parallel if it likes, and the PV itself with {@link StationAnnexes#OMITTED}.
   */
  public byte[] stationAnnex(GsbReport report, int pollingStationNumber) {
    return pdf.render(stationAnnexXhtml(report, pollingStationNumber), report.createdAt());
  }

  String stationAnnexXhtml(GsbReport report, int pollingStationNumber) {
    Objects.requireNonNull(report, "report");
    PollingStationResult station = report.pollingStations().stream()
        .filter(s -> s.station().number() == pollingStationNumber)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "polling station " + pollingStationNumber + " is not in this report"));
    Context context = new Context();
    context.setVariable("view", new GsbReportView(report, true));
    context.setVariable("station", station);
    context.setVariable("fmt", formats);
    return engine.process("station-annex", context);
  }

  /** A blank form for one polling station, pre-filled with the lists (and candidates). */
  public byte[] blankForm(BlankFormModel model, BlankForm form) {
    return pdf.render(blankFormXhtml(model, form), form.createdAt());
  }

  String gsbReportXhtml(GsbReport report) {
    return gsbReportXhtml(report, StationAnnexes.INCLUDED);
  }

  String gsbReportXhtml(GsbReport report, StationAnnexes annexes) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(annexes, "annexes");
    Context context = new Context();
    context.setVariable(
        "view", new GsbReportView(report, annexes == StationAnnexes.INCLUDED));
    context.setVariable("fmt", formats);
    return engine.process("gsb-report", context);
  }

  /** Whether a GSB report carries one annex per polling station with that station's figures. */
  public enum StationAnnexes {
    INCLUDED,
    OMITTED
  }

  String blankFormXhtml(BlankFormModel model, BlankForm form) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(form, "form");
    Context context = new Context();
    context.setVariable("kind", model);
    context.setVariable("f", form);
    context.setVariable("fmt", formats);
    return engine.process("blank-form", context);
  }
}
