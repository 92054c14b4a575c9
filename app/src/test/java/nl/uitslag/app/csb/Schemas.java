package nl.uitslag.app.csb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.uitslag.app.SharedData;
import org.xml.sax.SAXException;

/** Validates our exports against the published EML_NL schemas in ../shared (tests only; never shipped). */
final class Schemas {
  private Schemas() {}

  /** Null when valid, else the validator's message. */
  static String problem(String file, byte[] xml) {
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      Validator v = sf.newSchema(SharedData.root().resolve("data/eml-nl-xsd/xsd").resolve(file).toFile())
          .newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
