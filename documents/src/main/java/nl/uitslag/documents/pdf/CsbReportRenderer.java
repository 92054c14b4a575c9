package nl.uitslag.documents.pdf;

import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the centraal stembureau's proces-verbaal of the result (model P 22-2) as PDF/A-3a + PDF/UA-1.
 * Thread-safe; the same report gives the same bytes.
 */
public final class CsbReportRenderer {
  private final TemplateEngine engine;
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  public CsbReportRenderer() {
    engine = XhtmlTemplates.engine();
  }

  /** The PV P 22-2 of the result. */
  public byte[] resultReport(CsbResultReport report) {
    return pdf.render(resultReportXhtml(report), report.createdAt());
  }

  String resultReportXhtml(CsbResultReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("fmt", formats);
    return engine.process("csb-result", context);
  }
}
