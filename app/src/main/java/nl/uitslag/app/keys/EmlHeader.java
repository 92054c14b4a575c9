package nl.uitslag.app.keys;

import java.io.ByteArrayInputStream;
import nl.uitslag.crypto.TransferPackages.EmlFacts;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;

/**
 * The two facts the seal commands check, read with the strict EML reader: a file that the reader rejects is
 * neither sealed nor accepted from a package.
 */
public final class EmlHeader {
  private EmlHeader() {}

  /** The ManagingAuthority and election id of a count file; throws when the strict reader refuses the file. */
  public static EmlFacts read(byte[] eml) {
    EmlDocument doc = EmlReader.read(new ByteArrayInputStream(eml), "count file", ReadOptions.none());
    var authority = doc.header().authority();
    return new EmlFacts(authority == null ? null : authority.id(), election(doc).id());
  }

  /** The EML Id of the file's kind (e.g. {@code 510b}); throws when the strict reader refuses the file. */
  public static String kind(byte[] eml) {
    return EmlReader.read(new ByteArrayInputStream(eml), "count file", ReadOptions.none()).header().kind().id();
  }

  private static ElectionIdentifier election(EmlDocument doc) {
    if (doc instanceof EmlDocument.Counts c) {
      return c.count().election();
    } else if (doc instanceof EmlDocument.Result r) {
      return r.result().election();
    } else if (doc instanceof EmlDocument.Definition d) {
      return d.definition().election();
    } else if (doc instanceof EmlDocument.Lists l) {
      return l.lists().election();
    } else if (doc instanceof EmlDocument.Stations s) {
      return s.stations().election();
    }
    throw new IllegalArgumentException("unknown EML document " + doc.getClass());
  }
}
