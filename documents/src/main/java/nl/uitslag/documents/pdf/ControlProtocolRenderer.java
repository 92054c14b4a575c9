package nl.uitslag.documents.pdf;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the documents of the control protocol as PDF/A-3a + PDF/UA-1: the hand-count worksheets of the
 * drawn lists, and the notable-results report with the reason for each flag and the coordinator's explanation.
 *
 * <p>Thread-safe; create one and reuse it. The same input gives the same bytes.
 */
public final class ControlProtocolRenderer {

  private static final String TEMPLATES = "nl/uitslag/documents/pdf/templates/";

  private final TemplateEngine engine;
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  public ControlProtocolRenderer() {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(ControlProtocolRenderer.class.getClassLoader());
    resolver.setPrefix(TEMPLATES);
    resolver.setSuffix(".xhtml");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
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
