package nl.uitslag.documents.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Turns the XHTML of a proces-verbaal into an archivable, accessible PDF (PDF/A-3a and PDF/UA-1) with
 * embedded fonts and bytes that depend only on the input.
 */
public final class PdfRenderer {
  static {
    // openhtmltopdf logs every font load and page at INFO; a server rendering hundreds of PVs only needs problems.
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
  }


  /** Font family names the templates use; no other family is available, on purpose. */
  public static final String SANS = "DejaVu Sans";

  public static final String MONO = "DejaVu Sans Mono";

  private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
  private static final byte[] SANS_REGULAR = font("DejaVuSans.ttf");
  private static final byte[] SANS_BOLD = font("DejaVuSans-Bold.ttf");
  private static final byte[] MONO_REGULAR = font("DejaVuSansMono.ttf");
  private static final String PRODUCER = "Uitslag";

  /**
   * Renders well-formed XHTML (with {@code lang} and a {@code <title>}) to PDF bytes.
   *
   * @param xhtml the document; it may reference no external resource (every such request is refused)
   * @param createdAt the creation time written to the document information and XMP metadata; the
   *     renderer never reads the clock, so that the same input always gives the same bytes
   */
  public byte[] render(String xhtml, ZonedDateTime createdAt) {
    Objects.requireNonNull(xhtml, "xhtml");
    Objects.requireNonNull(createdAt, "createdAt");
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
    builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    builder.withProducer(PRODUCER);
    builder.useFont(() -> new ByteArrayInputStream(SANS_REGULAR), SANS, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(SANS_BOLD), SANS, 700, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(MONO_REGULAR), MONO, 400, FontStyle.NORMAL, true);
    // A PV must not depend on anything outside the jar: no network, no files, no system fonts.
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withHtmlContent(xhtml, null);

    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.createPDFWithoutClosing();
      try (PDDocument document = renderer.getPdfDocument()) {
        fixDates(document, createdAt);
        document.getDocument().getTrailer().setItem(COSName.ID, documentId(xhtml, createdAt));
        document.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PDF rendering failed", e);
    }
    return out.toByteArray();
  }

  /**
   * openhtmltopdf stamps the wall-clock time into the information dictionary and XMP; PDF/A
   * requires both to agree (ISO 19005-3, 6.6.2), so both are overwritten with the given time.
   */
  private static void fixDates(PDDocument document, ZonedDateTime createdAt) throws IOException {
    Calendar when = GregorianCalendar.from(createdAt);
    when.setTimeZone(TimeZone.getTimeZone(createdAt.getZone()));
    PDDocumentInformation info = document.getDocumentInformation();
    info.setCreationDate(when);
    info.setModificationDate(when);
    PDMetadata metadataStream = document.getDocumentCatalog().getMetadata();
    if (metadataStream == null) {
      throw new IllegalStateException("renderer produced no XMP metadata; PDF/A needs it");
    }
    try (InputStream in = metadataStream.exportXMPMetadata()) {
      XMPMetadata xmp = new DomXmpParser().parse(in.readAllBytes());
      XMPBasicSchema basic = xmp.getXMPBasicSchema();
      if (basic == null) {
        basic = xmp.createAndAddXMPBasicSchema();
      }
      basic.setCreateDate(when);
      basic.setModifyDate(when);
      basic.setMetadataDate(when);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, bytes, true);
      metadataStream.importXMPMetadata(bytes.toByteArray());
    } catch (XmpParsingException | javax.xml.transform.TransformerException e) {
      throw new IllegalStateException("cannot rewrite XMP metadata", e);
    }
  }

  /**
   * PDFBox derives the file identifier from the clock when none is set; a hash of the input keeps
   * it fixed for the same document and different for different documents (ISO 32000-1, 14.4).
   */
  private static COSArray documentId(String xhtml, ZonedDateTime createdAt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(xhtml.getBytes(StandardCharsets.UTF_8));
      sha.update(createdAt.toString().getBytes(StandardCharsets.UTF_8));
      byte[] id = Arrays.copyOf(sha.digest(), 16);
      COSArray array = new COSArray();
      array.add(new COSString(id));
      array.add(new COSString(id));
      return array;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static byte[] font(String name) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the classpath: " + FONT_DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + name, e);
    }
  }
}
