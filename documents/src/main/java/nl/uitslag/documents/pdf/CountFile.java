package nl.uitslag.documents.pdf;

import java.util.Objects;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * The count file (telbestand, EML_NL 510) that a results PV belongs to: its name and fingerprint, both
 * printed in the PV footer so that the receiving committee can check the file against the paper.
 */
public record CountFile(String fileName, Fingerprint fingerprint) {

  public CountFile {
    Checks.text(fileName, "fileName");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
