package nl.uitslag.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * The transfer package that carries a committee's count file to the next committee: one file, a CMS
 * AuthEnvelopedData (AES-256-GCM) around a ZIP holding the EML, its detached signature, the PDF report and a signed
 * manifest. Signed first, then encrypted. The format is described in docs/COUNT-FILE-SECURITY.md.
 */
public final class TransferPackages {
  static final String MANIFEST = "manifest.txt";
  static final String MANIFEST_SIGNATURE = "manifest.txt.p7s";
  static final String EML = "count.eml.xml";
  static final String EML_SIGNATURE = "count.eml.xml.p7s";
  static final String PDF = "report.pdf";
  private static final Set<String> ENTRIES = Set.of(MANIFEST, MANIFEST_SIGNATURE, EML, EML_SIGNATURE, PDF);

  /** Larger than any real count file and report together (a TK P 22-2 is a few MB); a bound against ZIP bombs. */
  static final long MAX_CONTENT_BYTES = 256L * 1024 * 1024;

  private TransferPackages() {}

  /** Who can open a package. */
  public sealed interface Recipient permits ToCertificate, ToPassword {}

  /** The receiving committee's encryption certificate. */
  public record ToCertificate(X509Certificate certificate) implements Recipient {}

  /** A password agreed out of band, for a receiver without a certificate. */
  public record ToPassword(char[] password) implements Recipient {
    @Override
    public String toString() {
      return "ToPassword[hidden]";
    }
  }

  /** How this committee opens a package. */
  public sealed interface Opener permits WithKey, WithPassword {}

  /** This committee's encryption credential. */
  public record WithKey(Credential credential) implements Opener {}

  /** The password received out of band. */
  public record WithPassword(char[] password) implements Opener {
    @Override
    public String toString() {
      return "WithPassword[hidden]";
    }
  }

  /** The facts the EML module reads from a count file; the crypto module knows nothing of EML. */
  public record EmlFacts(String managingAuthorityId, String electionId) {}

  /** Reads {@link EmlFacts} from the count file's bytes; any exception means the EML is unreadable. */
  @FunctionalInterface
  public interface EmlFactsReader {
    EmlFacts read(byte[] eml) throws Exception;
  }

  /**
   * What the receiving committee expects.
   *
   * @param electionId its own election
   * @param kind the kind of count file it is importing, or {@code null} for any
   * @param minimumSequence the lowest phase or session number still acceptable: one more than the last one imported
   *     when a re-import of the same phase is not wanted
   */
  public record Expectations(String electionId, String kind, int minimumSequence) {}

  /**
   * A package that passed every check: decrypted, signatures valid and by a trusted committee that is the EML's
   * ManagingAuthority, for this election, not older than what is held. The fingerprint challenge is still to come.
   */
  public record Unsealed(
      PackageMetadata metadata,
      NamedFile eml,
      byte[] emlSignature,
      Optional<NamedFile> pdf,
      DetachedSignatures.Signer signer) {
    @Override
    public byte[] emlSignature() {
      return emlSignature.clone();
    }
  }

  /**
   * The fingerprint challenge on import (spec §4): the two groups the user typed from the paper PV must be the hidden
   * ones of the file actually received; compared in constant time by {@link Fingerprint.Challenge#verify}.
   *
   * @throws RejectedException with {@link Rejection#FINGERPRINT_MISMATCH} when either group differs
   */
  public static void checkTypedGroups(Fingerprint.Challenge challenge, String typedFirst, String typedSecond)
      throws RejectedException {
    if (!challenge.verify(typedFirst, typedSecond)) {
      throw new RejectedException(
          Rejection.FINGERPRINT_MISMATCH,
          "typed groups at positions "
              + (challenge.firstHidden() + 1)
              + " and "
              + (challenge.secondHidden() + 1)
              + " do not match");
    }
  }

  /**
   * Signs the EML and the manifest with the sender's signing credential, then encrypts the whole to the recipient.
   *
   * @param pdf the report that belongs to the count file, or {@code null}
   * @throws RejectedException when the recipient certificate is not a valid encryption certificate of this election
   */
  public static byte[] seal(
      PackageMetadata metadata,
      NamedFile eml,
      NamedFile pdf,
      Credential signer,
      Recipient recipient,
      ElectionTrust trust,
      Instant at,
      SecureRandom random)
      throws RejectedException {
    String signerId = Certificates.committeeId(signer.certificate());
    if (!signerId.equals(metadata.senderId())) {
      throw new IllegalArgumentException("sender " + metadata.senderId() + " is not the signer " + signerId);
    }
    if (recipient instanceof ToCertificate) {
      // Validated here so a swapped or foreign recipient certificate never receives a count file.
      trust.validate(((ToCertificate) recipient).certificate(), KeyPurpose.ENCRYPTION, at);
    }
    byte[] manifest = metadata.manifest(eml, pdf).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
      FileTime time = FileTime.from(metadata.createdAt());
      put(zip, MANIFEST, manifest, time);
      put(zip, MANIFEST_SIGNATURE, DetachedSignatures.sign(manifest, signer, metadata.createdAt()), time);
      put(zip, EML, eml.bytes(), time);
      put(zip, EML_SIGNATURE, DetachedSignatures.sign(eml.bytes(), signer, metadata.createdAt()), time);
      if (pdf != null) {
        put(zip, PDF, pdf.bytes(), time);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing a ZIP to memory cannot fail", e);
    }
    if (recipient instanceof ToCertificate) {
      return Envelopes.encryptTo(zipBytes.toByteArray(), ((ToCertificate) recipient).certificate(), random);
    }
    return Envelopes.encryptWithPassword(zipBytes.toByteArray(), ((ToPassword) recipient).password(), random);
  }

  /**
   * Opens and checks a package in the order decrypt, signatures and chain, signer is the ManagingAuthority,
   * election, kind, phase. Nothing is returned unless every check passes, so nothing of a rejected file can be
   * stored.
   *
   * @param at the moment of validation (now, in production) for the certificates' validity
   * @throws RejectedException with the first reason the package fails
   */
  public static Unsealed unseal(
      byte[] packageBytes,
      Opener opener,
      ElectionTrust trust,
      Expectations expectations,
      EmlFactsReader emlFacts,
      Instant at)
      throws RejectedException {
    return unseal(packageBytes, opener, trust, expectations, emlFacts, certificate -> false, at);
  }

  /** The receiver's own list of revoked committee certificates (kept offline: there is no CRL on an air gap). */
  @FunctionalInterface
  public interface Revocations {
    boolean isRevoked(X509Certificate certificate);
  }

  /**
   * As {@link #unseal(byte[], Opener, ElectionTrust, Expectations, EmlFactsReader, Instant)}, and refuses a package
   * whose signer's certificate is on the receiver's revocation list, right after the chain check and before any
   * content is looked at.
   *
   * @throws RejectedException with the first reason the package fails; {@link Rejection#CERTIFICATE_REVOKED} for a
   *     revoked signer
   */
  public static Unsealed unseal(
      byte[] packageBytes,
      Opener opener,
      ElectionTrust trust,
      Expectations expectations,
      EmlFactsReader emlFacts,
      Revocations revocations,
      Instant at)
      throws RejectedException {
    byte[] zip =
        opener instanceof WithKey
            ? Envelopes.decrypt(packageBytes, ((WithKey) opener).credential())
            : Envelopes.decryptWithPassword(packageBytes, ((WithPassword) opener).password());
    Map<String, byte[]> entries = readZip(zip);
    for (String required : new String[] {MANIFEST, MANIFEST_SIGNATURE, EML, EML_SIGNATURE}) {
      if (!entries.containsKey(required)) {
        throw new RejectedException(Rejection.MALFORMED_PACKAGE, "package lacks " + required);
      }
    }
    byte[] manifestBytes = entries.get(MANIFEST);
    DetachedSignatures.Signer signer =
        DetachedSignatures.verify(manifestBytes, entries.get(MANIFEST_SIGNATURE), trust, at);
    if (revocations.isRevoked(signer.certificate())) {
      throw new RejectedException(
          Rejection.CERTIFICATE_REVOKED,
          "signer " + signer.committeeId() + " serial " + signer.certificate().getSerialNumber().toString(16)
              + " is revoked");
    }
    PackageMetadata.Manifest manifest = PackageMetadata.parse(utf8(manifestBytes));
    byte[] eml = entries.get(EML);
    DetachedSignatures.Signer emlSigner = DetachedSignatures.verify(eml, entries.get(EML_SIGNATURE), trust, at);
    if (!emlSigner.certificate().equals(signer.certificate())) {
      throw new RejectedException(
          Rejection.MALFORMED_PACKAGE,
          "count file signed by " + emlSigner.committeeId() + ", manifest by " + signer.committeeId());
    }
    if (!manifest.emlSha256().equals(Fingerprint.of(eml))) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "count file does not match the signed manifest");
    }
    byte[] pdf = entries.get(PDF);
    if ((pdf == null) != (manifest.pdfName() == null)) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "report presence differs from the manifest");
    }
    if (pdf != null && !manifest.pdfSha256().equals(Fingerprint.of(pdf))) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "report does not match the signed manifest");
    }
    PackageMetadata metadata = manifest.metadata();
    if (!metadata.senderId().equals(signer.committeeId())) {
      throw new RejectedException(
          Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
          "manifest names sender " + metadata.senderId() + ", signed by " + signer.committeeId());
    }
    EmlFacts facts;
    try {
      facts = emlFacts.read(eml);
    } catch (Exception e) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "count file unreadable: " + e.getMessage(), e);
    }
    if (!signer.committeeId().equals(facts.managingAuthorityId())) {
      throw new RejectedException(
          Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
          "ManagingAuthority " + facts.managingAuthorityId() + ", signed by " + signer.committeeId());
    }
    if (!expectations.electionId().equals(metadata.electionId())
        || !expectations.electionId().equals(facts.electionId())) {
      throw new RejectedException(
          Rejection.WRONG_ELECTION,
          "expected " + expectations.electionId() + ", package says " + metadata.electionId() + ", count file says "
              + facts.electionId());
    }
    if (expectations.kind() != null && !expectations.kind().equals(metadata.kind())) {
      throw new RejectedException(
          Rejection.WRONG_FILE_KIND, "expected " + expectations.kind() + ", package holds " + metadata.kind());
    }
    if (metadata.sequence() < expectations.minimumSequence()) {
      throw new RejectedException(
          Rejection.OLDER_PHASE,
          "package phase " + metadata.sequence() + ", at least " + expectations.minimumSequence() + " required");
    }
    return new Unsealed(
        metadata,
        new NamedFile(manifest.emlName(), eml),
        entries.get(EML_SIGNATURE),
        pdf == null ? Optional.empty() : Optional.of(new NamedFile(manifest.pdfName(), pdf)),
        signer);
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, FileTime time) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(time);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Reads the inner ZIP strictly: only known entry names, each once, bounded in total size. */
  private static Map<String, byte[]> readZip(byte[] zip) throws RejectedException {
    Map<String, byte[]> entries = new HashMap<>();
    long[] total = {0};
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName();
        if (!ENTRIES.contains(name) || entries.containsKey(name)) {
          throw new RejectedException(Rejection.MALFORMED_PACKAGE, "unexpected or repeated entry " + name);
        }
        entries.put(name, readBounded(in, name, total));
      }
    } catch (IOException | RuntimeException e) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "inner ZIP unreadable: " + e.getMessage(), e);
    }
    return entries;
  }

  private static byte[] readBounded(InputStream in, String name, long[] total)
      throws IOException, RejectedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      total[0] += n;
      if (total[0] > MAX_CONTENT_BYTES) {
        throw new RejectedException(
            Rejection.MALFORMED_PACKAGE, "content exceeds " + MAX_CONTENT_BYTES + " bytes at " + name);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String utf8(byte[] bytes) throws RejectedException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "manifest is not UTF-8", e);
    }
  }
}
