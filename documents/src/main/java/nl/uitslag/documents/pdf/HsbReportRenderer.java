package nl.uitslag.documents.pdf;

import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the hoofdstembureau's proces-verbaal of the totals of a kieskring (model O 7) as PDF/A-3a + PDF/UA-1,
 * with the fingerprint of its 510c on every page. Thread-safe; the same report gives the same bytes.
 */
public final class HsbReportRenderer {
  private final TemplateEngine engine = XhtmlTemplates.engine();
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  /** The PV O 7 of a kieskring. */
  public byte[] districtReport(HsbReport report) {
    return pdf.render(districtReportXhtml(report), report.createdAt());
  }

  String districtReportXhtml(HsbReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("fmt", formats);
    return engine.process("hsb-district", context);
  }
}
