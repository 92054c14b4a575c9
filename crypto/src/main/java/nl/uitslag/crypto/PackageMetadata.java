package nl.uitslag.crypto;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * What a transfer package says about itself, signed by the sender: which election, which kind of count file, which
 * phase, from whom and when.
 *
 * @param electionId the election's id, as in the EML ElectionIdentifier
 * @param kind the kind of count file, e.g. {@code 510b}
 * @param sequence the phase or session number; a later session (corrigendum) has a higher number, so an older file
 *     can be refused
 * @param senderId the sending committee's ManagingAuthority id
 * @param createdAt when the package was made (passed in, so packages can be made reproducibly in tests)
 */
public record PackageMetadata(String electionId, String kind, int sequence, String senderId, Instant createdAt) {
  /** The format this code writes and the only one it reads; a new format gets a new number. */
  public static final String FORMAT = "uitslag-transfer/1";

  private static final List<String> KEYS =
      List.of("format", "election", "kind", "sequence", "sender", "created", "eml-name", "eml-sha256");
  private static final List<String> PDF_KEYS = List.of("pdf-name", "pdf-sha256");

  public PackageMetadata {
    Ids.require("election id", electionId);
    Ids.require("kind", kind);
    Ids.require("sender id", senderId);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1");
    }
    if (createdAt == null) {
      throw new IllegalArgumentException("createdAt is required");
    }
  }

  /** The manifest: UTF-8 lines {@code key=value} in a fixed order, LF line ends, so its bytes are stable. */
  String manifest(NamedFile eml, NamedFile pdf) {
    StringBuilder text = new StringBuilder();
    line(text, "format", FORMAT);
    line(text, "election", electionId);
    line(text, "kind", kind);
    line(text, "sequence", Integer.toString(sequence));
    line(text, "sender", senderId);
    line(text, "created", createdAt.toString());
    line(text, "eml-name", eml.name());
    line(text, "eml-sha256", eml.fingerprint().hex());
    if (pdf != null) {
      line(text, "pdf-name", pdf.name());
      line(text, "pdf-sha256", pdf.fingerprint().hex());
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String key, String value) {
    text.append(key).append('=').append(value).append('\n');
  }

  /** A parsed manifest: the metadata plus the names and fingerprints of the files it covers. */
  record Manifest(
      PackageMetadata metadata, String emlName, Fingerprint emlSha256, String pdfName, Fingerprint pdfSha256) {}

  /** Parses strictly: exactly the keys this format defines, in order, nothing else. */
  static Manifest parse(String text) throws RejectedException {
    Map<String, String> values = new LinkedHashMap<>();
    if (!text.endsWith("\n")) {
      throw malformed("manifest does not end with a line feed");
    }
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      int equals = line.indexOf('=');
      if (equals <= 0 || values.put(line.substring(0, equals), line.substring(equals + 1)) != null) {
        throw malformed("manifest line is not a unique key=value: " + line);
      }
    }
    List<String> keys = List.copyOf(values.keySet());
    boolean withPdf = keys.size() == KEYS.size() + PDF_KEYS.size();
    List<String> expected =
        withPdf ? java.util.stream.Stream.concat(KEYS.stream(), PDF_KEYS.stream()).toList() : KEYS;
    if (!keys.equals(expected)) {
      throw malformed("manifest keys are " + keys + ", expected " + expected);
    }
    if (!FORMAT.equals(values.get("format"))) {
      throw malformed("unsupported package format " + values.get("format") + "; this version reads " + FORMAT);
    }
    try {
      PackageMetadata metadata =
          new PackageMetadata(
              values.get("election"),
              values.get("kind"),
              Integer.parseInt(values.get("sequence")),
              values.get("sender"),
              Instant.parse(values.get("created")));
      String emlName = values.get("eml-name");
      String pdfName = values.get("pdf-name");
      if (!NamedFile.validName(emlName) || (withPdf && !NamedFile.validName(pdfName))) {
        throw malformed("manifest holds an invalid file name");
      }
      return new Manifest(
          metadata,
          emlName,
          sha256(values.get("eml-sha256")),
          pdfName,
          withPdf ? sha256(values.get("pdf-sha256")) : null);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "manifest value invalid: " + e.getMessage(), e);
    }
  }

  private static Fingerprint sha256(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("a file's sha256 is missing");
    }
    return Fingerprint.parse(hex);
  }

  private static RejectedException malformed(String detail) {
    return new RejectedException(Rejection.MALFORMED_PACKAGE, detail);
  }
}
