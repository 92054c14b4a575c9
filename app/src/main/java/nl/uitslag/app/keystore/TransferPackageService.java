package nl.uitslag.app.keystore;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.keys.EmlHeader;
import nl.uitslag.app.keystore.KeyStoreRepository.CertificateRow;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.Envelopes;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.NamedFile;
import nl.uitslag.crypto.PackageMetadata;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.crypto.TransferPackages;
import nl.uitslag.crypto.TransferPackages.EmlFacts;
import nl.uitslag.crypto.TransferPackages.Expectations;
import nl.uitslag.crypto.TransferPackages.Opener;
import nl.uitslag.crypto.TransferPackages.Unsealed;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals a committee's count file and report into a transfer package for the next committee, and opens and checks
 * a received one (docs/COUNT-FILE-SECURITY.md §4–§5), with the keys and trust anchors held in this installation's key
 * store. The API other features call: {@link #seal}, {@link #open}, {@link #confirmFingerprint}.
 *
 * <p>Every outcome is written to the audit log; a rejected package is never stored, and its content is never
 * returned. Nothing here runs inside a database transaction except the audit writes, so the slow key derivation does
 * not hold SQLite's write lock.
 */
@Service
public class TransferPackageService {
  private final KeyStoreService keys;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TransferPackageService(KeyStoreService keys, AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** To whom a package is sealed. */
  public sealed interface Recipient permits ToCommittee, ToPassword {}

  /** The receiving committee, by ManagingAuthority id, whose encryption certificate is held in the key store. */
  public record ToCommittee(String committeeId) implements Recipient {}

  /** A password of at least 12 characters, agreed out of band, for a receiver without a certificate. */
  public record ToPassword(char[] password) implements Recipient {
    @Override
    public String toString() {
      return "ToPassword[hidden]";
    }
  }

  /**
   * What the receiver expects of a package.
   *
   * @param kind the kind of count file being imported ({@code 510b}, …), or null for any
   * @param minimumSequence the lowest phase or session number still acceptable: a later session's file (a
   *     corrigendum, models Na 14-1 / Na 14-2) replaces an earlier one, never the other way round
   */
  public record Expectation(String kind, int minimumSequence) {
    public Expectation {
      if (minimumSequence < 1) {
        throw new IllegalArgumentException("minimumSequence must be at least 1");
      }
    }

    /** Any kind, any phase: for checking a package without importing it. */
    public static Expectation any() {
      return new Expectation(null, 1);
    }
  }

  /**
   * A package that passed every check of docs/COUNT-FILE-SECURITY.md §5 except the last: the fingerprint challenge,
   * whose two hidden groups were drawn with SecureRandom when the package was opened.
   *
   * @param eml the count file's exact bytes, with the name from the signed manifest
   * @param emlSignature its detached CMS signature, publishable next to it
   * @param pdf the report, when the package holds one
   * @param signerCommitteeId the ManagingAuthority id of the signer, equal to the count file's ManagingAuthority
   * @param signerName the signer certificate's O (display only)
   * @param signerFingerprint the fingerprint of the signer's certificate
   * @param emlFingerprint the fingerprint of the count file, to compare with the paper PV
   */
  public record Opened(
      String electionIdentifier,
      String kind,
      int sequence,
      String senderId,
      Instant createdAt,
      NamedFile eml,
      byte[] emlSignature,
      Optional<NamedFile> pdf,
      String signerCommitteeId,
      String signerName,
      String signerFingerprint,
      String emlFingerprint,
      Fingerprint.Challenge challenge) {
    @Override
    public byte[] emlSignature() {
      return emlSignature.clone();
    }
  }

  /** The message for a rejection in the user's language. */
  public static String message(Rejection rejection, Locale locale) {
    return "nl".equals(locale.getLanguage()) ? rejection.dutch() : rejection.english();
  }

  /**
   * Signs the count file (and report) with the committee's signing key, unlocked with {@code passphrase}, and
   * encrypts the package to the recipient. The election and kind come from the count file itself; the committee must
   * be its ManagingAuthority.
   *
   * @param committeeId the sending committee's ManagingAuthority id
   * @param eml the count file (EML_NL), exact bytes
   * @param pdf the report (PV) that belongs to it, or null
   * @param sequence the phase or session number, 1 for the first session
   * @return the transfer package, format {@code uitslag-transfer/1}
   * @throws RejectedException WRONG_PASSPHRASE; SIGNER_NOT_MANAGING_AUTHORITY when the count file names another
   *     committee; WRONG_ELECTION when its election is not on this installation; MALFORMED_PACKAGE when the count
   *     file cannot be read; UNKNOWN_SIGNER when no signing key of the committee is held; NOT_FOR_US when no
   *     encryption certificate of the recipient is held; CERTIFICATE_* when a certificate is expired, revoked or
   *     not from this election
   */
  public byte[] seal(
      String committeeId, byte[] eml, byte[] pdf, int sequence, Recipient recipient, char[] passphrase, Actor actor)
      throws RejectedException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", committeeId);
    details.put("eml", Fingerprint.of(eml).toString());
    try {
      EmlFacts facts;
      String kind;
      try {
        facts = EmlHeader.read(eml);
        kind = EmlHeader.kind(eml);
      } catch (RuntimeException e) {
        throw new RejectedException(Rejection.MALFORMED_PACKAGE, "count file unreadable: " + e.getMessage(), e);
      }
      details.put("election", facts.electionId());
      if (!committeeId.equals(facts.managingAuthorityId())) {
        throw new RejectedException(
            Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
            "count file names " + facts.managingAuthorityId() + ", sealing committee " + committeeId);
      }
      long electionId =
          keys.electionByIdentifier(facts.electionId())
              .orElseThrow(
                  () -> new RejectedException(
                      Rejection.WRONG_ELECTION, "election " + facts.electionId() + " is not on this installation"));
      CertificateRow signingRow =
          keys.current(electionId, committeeId, KeyPurpose.SIGNING, true)
              .orElseThrow(
                  () -> new RejectedException(
                      Rejection.UNKNOWN_SIGNER, "no signing key of committee " + committeeId + " is held here"));
      X509Certificate signingCertificate = KeyStoreService.certificate(signingRow.certificatePem());
      Instant now = clock.instant();
      ElectionTrust trust = trustFor(keys.trusts(electionId), signingCertificate, KeyPurpose.SIGNING, now);
      TransferPackages.Recipient to;
      if (recipient instanceof ToCommittee) {
        String receiver = ((ToCommittee) recipient).committeeId();
        details.put("recipient", receiver);
        CertificateRow row =
            keys.current(electionId, receiver, KeyPurpose.ENCRYPTION, false)
                .orElseThrow(
                    () -> new RejectedException(
                        Rejection.NOT_FOR_US, "no encryption certificate of committee " + receiver + " is held"));
        to = new TransferPackages.ToCertificate(KeyStoreService.certificate(row.certificatePem()));
      } else {
        details.put("recipient", "password");
        to = new TransferPackages.ToPassword(((ToPassword) recipient).password());
      }
      Credential signer =
          new Credential(EncryptedKeys.decrypt(signingRow.encryptedKeyPem(), orEmpty(passphrase)), signingCertificate);
      String base = kind + "_" + facts.electionId() + "_" + committeeId;
      NamedFile emlFile = new NamedFile(base + ".eml.xml", eml);
      NamedFile pdfFile = pdf == null ? null : new NamedFile(base + ".pdf", pdf);
      PackageMetadata metadata = new PackageMetadata(facts.electionId(), kind, sequence, committeeId, now);
      byte[] sealed = TransferPackages.seal(metadata, emlFile, pdfFile, signer, to, trust, now, random);
      details.put("kind", kind);
      details.put("sequence", sequence);
      details.put("signer", signingRow.fingerprint());
      if (pdf != null) {
        details.put("pdf", Fingerprint.of(pdf).toString());
      }
      details.put("package", Fingerprint.of(sealed).toString());
      record("TRANSFER_PACKAGE_SEALED", AuditLevel.INFO, actor, details);
      return sealed;
    } catch (RejectedException e) {
      details.put("code", e.reason().name());
      details.put("detail", e.getMessage());
      record("TRANSFER_PACKAGE_SEAL_REFUSED", AuditLevel.WARNING, actor, details);
      throw e;
    }
  }

  /**
   * Opens a received transfer package and runs every check of docs/COUNT-FILE-SECURITY.md §5 but the fingerprint
   * challenge. A package encrypted to a certificate is opened with the matching encryption key held here, unlocked
   * with {@code secret} as its passphrase; a package encrypted to a password is opened with {@code secret} as that
   * password. Every rejection is audited and nothing of the package is kept.
   *
   * @param electionId the election (database id) the package is checked against: its trust anchors and revocation list
   * @throws RejectedException with the first reason the package fails, including CERTIFICATE_REVOKED
   * @throws KeyStoreException when no trust anchor is confirmed for the election yet (a set-up step is missing)
   */
  public Opened open(long electionId, byte[] packageBytes, char[] secret, Expectation expectation, Actor actor)
      throws RejectedException {
    String identifier = keys.identifier(electionId);
    List<ElectionTrust> trusts = keys.trusts(electionId);
    if (trusts.isEmpty()) {
      throw new KeyStoreException("keystore.error.noAnchor", identifier);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", identifier);
    details.put("package", Fingerprint.of(packageBytes).toString());
    details.put("bytes", packageBytes.length);
    try {
      Opener opener = opener(electionId, packageBytes, secret);
      Set<String> revoked = keys.revokedSerials(electionId);
      Instant now = clock.instant();
      Expectations expectations =
          new Expectations(identifier, expectation.kind(), expectation.minimumSequence());
      Unsealed unsealed = null;
      RejectedException first = null;
      for (ElectionTrust trust : trusts) {
        try {
          unsealed =
              TransferPackages.unseal(
                  packageBytes, opener, trust, expectations, EmlHeader::read,
                  certificate -> revoked.contains(KeyStoreService.serial(certificate)), now);
          break;
        } catch (RejectedException e) {
          // With a second anchor (a CA replaced after a compromise) only "unknown signer" means: try the next one.
          if (e.reason() != Rejection.UNKNOWN_SIGNER) {
            throw e;
          }
          if (first == null) {
            first = e;
          }
        }
      }
      if (unsealed == null) {
        throw first;
      }
      X509Certificate signer = unsealed.signer().certificate();
      Fingerprint emlFingerprint = unsealed.eml().fingerprint();
      Opened opened =
          new Opened(
              unsealed.metadata().electionId(),
              unsealed.metadata().kind(),
              unsealed.metadata().sequence(),
              unsealed.metadata().senderId(),
              unsealed.metadata().createdAt(),
              unsealed.eml(),
              unsealed.emlSignature(),
              unsealed.pdf(),
              unsealed.signer().committeeId(),
              Certificates.displayName(signer),
              Certificates.fingerprint(signer).toString(),
              emlFingerprint.toString(),
              // Drawn now, with SecureRandom, never derived from the file (product.md §4).
              emlFingerprint.challenge(random));
      details.put("sender", opened.senderId());
      details.put("kind", opened.kind());
      details.put("sequence", opened.sequence());
      details.put("created", opened.createdAt().toString());
      details.put("signer", opened.signerFingerprint());
      details.put("eml", opened.emlFingerprint());
      opened.pdf().ifPresent(p -> details.put("pdf", p.fingerprint().toString()));
      record("TRANSFER_PACKAGE_VERIFIED", AuditLevel.INFO, actor, details);
      return opened;
    } catch (RejectedException e) {
      details.put("code", e.reason().name());
      details.put("detail", e.getMessage());
      record("TRANSFER_PACKAGE_REJECTED", AuditLevel.WARNING, actor, details);
      throw e;
    }
  }

  /**
   * The fingerprint challenge, the last check (§5 step 19): the two groups typed from the paper PV must be the
   * hidden ones of the count file actually received. Audited either way.
   *
   * @throws RejectedException FINGERPRINT_MISMATCH
   */
  public void confirmFingerprint(Opened opened, String typedFirst, String typedSecond, Actor actor)
      throws RejectedException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", opened.electionIdentifier());
    details.put("sender", opened.senderId());
    details.put("kind", opened.kind());
    details.put("sequence", opened.sequence());
    details.put("signer", opened.signerFingerprint());
    details.put("eml", opened.emlFingerprint());
    try {
      TransferPackages.checkTypedGroups(opened.challenge(), typedFirst, typedSecond);
    } catch (RejectedException e) {
      details.put("code", e.reason().name());
      details.put("detail", e.getMessage());
      record("TRANSFER_PACKAGE_REJECTED", AuditLevel.WARNING, actor, details);
      throw e;
    }
    record("TRANSFER_PACKAGE_FINGERPRINT_CONFIRMED", AuditLevel.INFO, actor, details);
  }

  private Opener opener(long electionId, byte[] packageBytes, char[] secret) throws RejectedException {
    Envelopes.Addressee addressee = Envelopes.addressee(packageBytes);
    if (addressee instanceof Envelopes.AddressedToPassword) {
      return new TransferPackages.WithPassword(orEmpty(secret));
    }
    Envelopes.AddressedToCertificate to = (Envelopes.AddressedToCertificate) addressee;
    String serial = to.serial().toString(16);
    CertificateRow row =
        keys.certificateBySerial(electionId, serial)
            .filter(r -> r.purpose() == KeyPurpose.ENCRYPTION && r.encryptedKeyPem() != null)
            .orElseThrow(
                () -> new RejectedException(
                    Rejection.NOT_FOR_US, "no encryption key held here for certificate serial " + serial));
    X509Certificate certificate = KeyStoreService.certificate(row.certificatePem());
    if (!certificate.getIssuerX500Principal().equals(to.issuer())) {
      throw new RejectedException(Rejection.NOT_FOR_US, "serial " + serial + " of another issuer");
    }
    Credential credential =
        new Credential(EncryptedKeys.decrypt(row.encryptedKeyPem(), orEmpty(secret)), certificate);
    if (!credential.keyMatchesCertificate()) {
      throw new IllegalStateException("stored key of serial " + serial + " does not belong to its certificate");
    }
    return new TransferPackages.WithKey(credential);
  }

  private static ElectionTrust trustFor(
      List<ElectionTrust> trusts, X509Certificate certificate, KeyPurpose purpose, Instant now)
      throws RejectedException {
    if (trusts.isEmpty()) {
      throw new RejectedException(Rejection.UNKNOWN_SIGNER, "no trust anchor confirmed for this election");
    }
    RejectedException first = null;
    for (ElectionTrust trust : trusts) {
      try {
        trust.validate(certificate, purpose, now);
        return trust;
      } catch (RejectedException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw first;
  }

  private void record(String type, AuditLevel level, Actor actor, Map<String, Object> details) {
    tx.executeWithoutResult(status -> audit.record(type, level, actor, details));
  }

  private static char[] orEmpty(char[] secret) {
    return secret == null ? new char[0] : secret;
  }
}
