package nl.uitslag.eml;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The published EML_NL schemas from ../shared, loaded once per message type (tests only; never shipped). */
final class Schemas {
  private static final Map<String, Schema> CACHE = new HashMap<>();

  private Schemas() {}

  static synchronized Schema forKind(String emlId) {
    String file;
    if (emlId.startsWith("510")) {
      file = "510-count-kiesraad-strict.xsd";
    } else if (emlId.equals("520")) {
      file = "520-result-kiesraad-strict.xsd";
    } else if (emlId.startsWith("230")) {
      file = "230-candidatelist-kiesraad-strict.xsd";
    } else if (emlId.equals("110a")) {
      file = "110a-electionevent-kiesraad-strict.xsd";
    } else if (emlId.equals("110b")) {
      file = "110b-electionevent-kiesraad-strict.xsd";
    } else {
      throw new IllegalArgumentException(emlId);
    }
    return CACHE.computeIfAbsent(file, f -> {
      try {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return sf.newSchema(Shared.xsd().resolve(f).toFile());
      } catch (SAXException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Null when valid, else the validator's message. */
  static String problem(String emlId, byte[] xml) {
    try {
      Validator v = forKind(emlId).newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
