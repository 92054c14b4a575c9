package nl.uitslag.documents.pdf;

import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the documents of the control protocol as PDF/A-3a + PDF/UA-1: the hand-count worksheets of the
 * drawn lists, and the notable-results report with the reason for each flag and the coordinator's explanation.
 *
 * <p>Thread-safe; create one and reuse it. The same input gives the same bytes.
 */
public final class ControlProtocolRenderer {

  private final TemplateEngine engine;
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  public ControlProtocolRenderer() {
    engine = XhtmlTemplates.engine();
  }

  /** The draw and one worksheet per drawn list, each starting on a new page. */
  public byte[] worksheets(ControlWorksheets sheets) {
    return pdf.render(worksheetsXhtml(sheets), sheets.createdAt());
  }

  /** The notable-results report of a session. */
  public byte[] notableResults(NotableResultsReport report) {
    return pdf.render(notableResultsXhtml(report), report.createdAt());
  }

  String worksheetsXhtml(ControlWorksheets sheets) {
    Objects.requireNonNull(sheets, "sheets");
    Context context = new Context();
    context.setVariable("w", sheets);
    context.setVariable("fmt", formats);
    return engine.process("control-worksheets", context);
  }

  String notableResultsXhtml(NotableResultsReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("fmt", formats);
    return engine.process("notable-results", context);
  }
}
