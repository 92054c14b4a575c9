package nl.uitslag.documents.pdf;

import java.nio.charset.StandardCharsets;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The one Thymeleaf set-up every PV renderer shares: the report templates of this package, as XHTML. */
final class XhtmlTemplates {
  private XhtmlTemplates() {}

  static TemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(XhtmlTemplates.class.getClassLoader());
    resolver.setPrefix("nl/uitslag/documents/pdf/templates/");
    resolver.setSuffix(".xhtml");
    // XML mode: openhtmltopdf needs well-formed XHTML, and th:text escapes.
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
