package nl.uitslag.documents.pdf;

import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the centraal stembureau's proces-verbaal of the result of an election with several kieskringen (model
 * P 22-1; the Eerste Kamer's U 16) as PDF/A-3a + PDF/UA-1. Thread-safe; the same report gives the same bytes.
 */
public final class CsbMultiReportRenderer {
  private final TemplateEngine engine = XhtmlTemplates.engine();
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  /** The PV P 22-1 or U 16 of the result. */
  public byte[] resultReport(CsbMultiResultReport report) {
    return pdf.render(resultReportXhtml(report), report.createdAt());
  }

  String resultReportXhtml(CsbMultiResultReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("fmt", formats);
    return engine.process("csb-multi-result", context);
  }
}
