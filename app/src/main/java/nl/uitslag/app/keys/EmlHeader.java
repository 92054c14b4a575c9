package nl.uitslag.app.keys;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.crypto.TransferPackages.EmlFacts;

/**
 * Reads the two facts the seal commands need from an EML_NL count file: the ManagingAuthority id and the
 * ElectionIdentifier id. A stand-in until the command line is wired to the EML module's strict reader.
 */
final class EmlHeader {
  private EmlHeader() {}

  static EmlFacts read(byte[] eml) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(eml));
    String authority = null;
    String election = null;
    boolean inManagingAuthority = false;
    try {
      while (reader.hasNext() && (authority == null || election == null)) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("ManagingAuthority")) {
            inManagingAuthority = true;
          } else if (inManagingAuthority && name.equals("AuthorityIdentifier") && authority == null) {
            authority = reader.getAttributeValue(null, "Id");
          } else if (name.equals("ElectionIdentifier") && election == null) {
            election = reader.getAttributeValue(null, "Id");
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("ManagingAuthority")) {
          inManagingAuthority = false;
        }
      }
    } finally {
      reader.close();
    }
    if (authority == null || election == null) {
      throw new XMLStreamException("count file has no ManagingAuthority/AuthorityIdentifier Id or ElectionIdentifier Id");
    }
    return new EmlFacts(authority, election);
  }
}
