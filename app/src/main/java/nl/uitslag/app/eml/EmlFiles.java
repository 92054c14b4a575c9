package nl.uitslag.app.eml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.EmlRule;
import nl.uitslag.eml.ReadOptions;

/** Reads a file once from disk, checking it and computing its fingerprint over the same bytes. */
final class EmlFiles {
  private EmlFiles() {}

  /** A checked file with the fingerprint of its exact bytes. */
  record Checked(EmlDocument document, Fingerprint fingerprint) {}

  static Checked read(Path file, ReadOptions options) {
    String name = file.getFileName().toString();
    MessageDigest md = Fingerprint.sha256();
    try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), md)) {
      EmlDocument doc = EmlReader.read(in, name, options);
      // Whatever follows the root element (whitespace, comments) is part of the file and of its fingerprint.
      byte[] rest = new byte[8192];
      while (in.read(rest) >= 0) {
        // drain
      }
      return new Checked(doc, Fingerprint.ofDigest(md.digest()));
    } catch (IOException e) {
      throw new EmlException(name, 0, "/", EmlRule.IO_ERROR, e.toString());
    }
  }

  static CandidateLists lists(Path file) {
    if (file == null) {
      return null;
    }
    EmlDocument doc = read(file, ReadOptions.none()).document();
    if (!(doc instanceof EmlDocument.Lists)) {
      throw new EmlException(file.getFileName().toString(), 1, "/EML", EmlRule.WRONG_MESSAGE,
          doc.header().kind().id(), "230b");
    }
    return ((EmlDocument.Lists) doc).lists();
  }
}
