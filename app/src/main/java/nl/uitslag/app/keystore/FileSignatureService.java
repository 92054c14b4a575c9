package nl.uitslag.app.keystore;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.keys.EmlHeader;
import nl.uitslag.app.keystore.KeyStoreRepository.CertificateRow;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.DetachedSignatures;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.crypto.TransferPackages.EmlFacts;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The detached signature (.p7s) a committee puts on a file it publishes itself, such as the CSB's 510d and 520
 * (product.md §4: "every exported file gets a detached CMS signature"): "sign this stored file as this committee".
 * The signature is made once and stored, so every download gives the same bytes; anyone can check it with
 * {@code uitslag verify-seal} or OpenSSL (docs/COUNT-FILE-SECURITY.md §6, §8.5).
 *
 * <p>Like {@link TransferPackageService}, the slow unlocking of the key runs outside any database transaction;
 * only the insert and its audit event share one.
 */
@Service
public class FileSignatureService {
  private final KeyStoreService keys;
  private final FileSignatureRepository repository;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  FileSignatureService(KeyStoreService keys, FileSignatureRepository repository, AuditLog audit,
      TransactionTemplate tx, Clock clock) {
    this.keys = keys;
    this.repository = repository;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * A stored detached signature.
   *
   * @param committeeId the signing committee's ManagingAuthority id (the certificate's CN)
   * @param fileName the name of the signed file; the signature is published as {@code fileName + ".p7s"}
   * @param fileFingerprint the fingerprint of the signed bytes
   * @param signature the DER CMS SignedData without the content
   * @param signerSerial the signing certificate's serial, lower-case hexadecimal
   * @param signerFingerprint the signing certificate's fingerprint
   */
  public record StoredSignature(String committeeId, String fileName, String fileFingerprint, byte[] signature,
      String signerSerial, String signerFingerprint, Instant signedAt) {
    @Override
    public byte[] signature() {
      return signature.clone();
    }

    /** The name under which the signature is published beside the file. */
    public String signatureFileName() {
      return fileName + ".p7s";
    }
  }

  /**
   * Signs the exact bytes as {@code committeeId} with its current signing key held here, unlocked with
   * {@code passphrase}, and stores the signature. A file this committee signed before is not signed again: the
   * stored signature is returned, unchanged, and the passphrase is not used.
   *
   * <p>An EML file ({@code fileName} ending in {@code .xml}) must name this committee as its ManagingAuthority
   * and this election, as on import (§5); any other file (a PDF) is signed as it is.
   *
   * @param electionId the election (database id) whose key store holds the key and trust anchor
   * @throws RejectedException UNKNOWN_SIGNER when no signing key of the committee is held here or no trust anchor
   *     is confirmed; WRONG_PASSPHRASE; SIGNER_NOT_MANAGING_AUTHORITY, WRONG_ELECTION or MALFORMED_PACKAGE for an
   *     EML file that names another committee or election or cannot be read; CERTIFICATE_* when the certificate is
   *     expired, not yet valid, revoked or not a signing certificate. Each refusal is audited.
   */
  public StoredSignature sign(long electionId, String committeeId, String fileName, byte[] content,
      char[] passphrase, Actor actor) throws RejectedException {
    String identifier = keys.identifier(electionId);
    String fingerprint = Fingerprint.of(content).toString();
    Optional<StoredSignature> existing = repository.find(electionId, committeeId, fingerprint);
    if (existing.isPresent()) {
      return existing.get();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", identifier);
    details.put("committee", committeeId);
    details.put("file", fileName);
    details.put("fingerprint", fingerprint);
    try {
      if (fileName.endsWith(".xml")) {
        requireOwnCountFile(content, committeeId, identifier);
      }
      CertificateRow row = keys.current(electionId, committeeId, KeyPurpose.SIGNING, true)
          .orElseThrow(() -> new RejectedException(Rejection.UNKNOWN_SIGNER,
              "no signing key of committee " + committeeId + " is held here"));
      X509Certificate certificate = KeyStoreService.certificate(row.certificatePem());
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      ElectionTrust trust = trustFor(keys.trusts(electionId), certificate, now);
      Credential signer = new Credential(
          EncryptedKeys.decrypt(row.encryptedKeyPem(), passphrase == null ? new char[0] : passphrase), certificate);
      if (!signer.keyMatchesCertificate()) {
        throw new IllegalStateException("stored key of serial " + row.serial() + " does not belong to its certificate");
      }
      byte[] signature = DetachedSignatures.sign(content, signer, now);
      // Check what is published the way a receiver will, before it is stored.
      DetachedSignatures.verify(content, signature, trust, now);
      StoredSignature made = new StoredSignature(committeeId, fileName, fingerprint, signature, row.serial(),
          row.fingerprint(), now);
      details.put("signer", row.fingerprint());
      details.put("signature", Fingerprint.of(signature).toString());
      return tx.execute(status -> {
        if (!repository.insert(electionId, made)) {
          // Someone signed the same file at the same moment: theirs stays, so the published bytes never change.
          return repository.find(electionId, committeeId, fingerprint).orElseThrow();
        }
        audit.record("FILE_SIGNED", AuditLevel.INFO, actor, details);
        return made;
      });
    } catch (RejectedException e) {
      details.put("code", e.reason().name());
      details.put("detail", e.getMessage());
      tx.executeWithoutResult(status -> audit.record("FILE_SIGN_REFUSED", AuditLevel.WARNING, actor, details));
      throw e;
    }
  }

  /** The stored signature of these exact bytes by this committee, if it signed them. */
  public Optional<StoredSignature> signature(long electionId, String committeeId, byte[] content) {
    return repository.find(electionId, committeeId, Fingerprint.of(content).toString());
  }

  /** Whether this installation holds a signing key of the committee for the election (else signing cannot work). */
  public boolean holdsSigningKey(long electionId, String committeeId) {
    return keys.current(electionId, committeeId, KeyPurpose.SIGNING, true).isPresent();
  }

  private static void requireOwnCountFile(byte[] content, String committeeId, String identifier)
      throws RejectedException {
    EmlFacts facts;
    try {
      facts = EmlHeader.read(content);
    } catch (RuntimeException e) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "EML file unreadable: " + e.getMessage(), e);
    }
    if (!committeeId.equals(facts.managingAuthorityId())) {
      throw new RejectedException(Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
          "file names " + facts.managingAuthorityId() + ", signing committee " + committeeId);
    }
    if (!identifier.equals(facts.electionId())) {
      throw new RejectedException(Rejection.WRONG_ELECTION,
          "file of election " + facts.electionId() + ", key store of " + identifier);
    }
  }

  private static ElectionTrust trustFor(List<ElectionTrust> trusts, X509Certificate certificate, Instant now)
      throws RejectedException {
    if (trusts.isEmpty()) {
      throw new RejectedException(Rejection.UNKNOWN_SIGNER, "no trust anchor confirmed for this election");
    }
    RejectedException first = null;
    for (ElectionTrust trust : trusts) {
      try {
        trust.validate(certificate, KeyPurpose.SIGNING, now);
        return trust;
      } catch (RejectedException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw first;
  }
}
