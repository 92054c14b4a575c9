package nl.uitslag.app.keystore;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.keystore.KeyStoreRepository.AnchorRow;
import nl.uitslag.app.keystore.KeyStoreRepository.AuthorityRow;
import nl.uitslag.app.keystore.KeyStoreRepository.CertificateRow;
import nl.uitslag.app.keystore.KeyStoreRepository.RevokedRow;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrator's key store of an election (docs/COUNT-FILE-SECURITY.md §3): the election CA at the receiving
 * authority, the committees' key pairs and certificates, the trust anchors confirmed by their fingerprint, and the
 * revocation list. Private keys are generated and encrypted in memory and stored only encrypted.
 *
 * <p>Slow work (key derivation, 600,000 PBKDF2 iterations per key) runs outside any database transaction; each change
 * is then stored with its audit event in one short transaction.
 */
@Service
public class KeyStoreService {
  private static final Pattern COMMITTEE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\R?[A-Za-z0-9+/=\\s:,-]*?-----END \\1-----");

  private final KeyStoreRepository repository;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public KeyStoreService(KeyStoreRepository repository, AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** A confirmed trust anchor of the election, as the screens and the fingerprint sheet show it. */
  public record AnchorView(
      String subject, String fingerprint, Instant notBefore, Instant notAfter, Instant confirmedAt, String pem) {}

  /** The election CA held here. */
  public record AuthorityView(String subject, String serial, String fingerprint, Instant notBefore, Instant notAfter) {}

  /** A committee certificate held here, with whether its (encrypted) key is held too. */
  public record CertificateView(
      String committeeId,
      String committeeName,
      KeyPurpose purpose,
      String serial,
      String fingerprint,
      Instant notBefore,
      Instant notAfter,
      boolean keyHeld,
      String source,
      Status status) {}

  /** Whether a certificate can be used now. */
  public enum Status {
    VALID,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED
  }

  /** A revoked serial and why. */
  public record RevokedView(String serial, String reason, Instant revokedAt) {}

  /** Everything the key screen of one election shows. */
  public record Overview(
      long electionId,
      String electionIdentifier,
      Optional<AuthorityView> authority,
      List<AnchorView> anchors,
      List<CertificateView> certificates,
      List<RevokedView> revoked) {}

  /**
   * A trust anchor read from an upload that waits for the fingerprint challenge: the full fingerprint is shown and
   * two groups, drawn now with SecureRandom, must be typed from the printed ceremony form.
   */
  public record PendingAnchor(
      long electionId, String pem, String subject, String fingerprint, Fingerprint.Challenge challenge) {}

  public Overview overview(long electionId) {
    String identifier = identifier(electionId);
    Instant now = clock.instant();
    Set<String> revoked = repository.revokedSerials(electionId);
    Optional<AuthorityView> authority =
        repository.authority(electionId).map(a -> authorityView(certificate(a.certificatePem())));
    List<AnchorView> anchors = new ArrayList<>();
    for (AnchorRow a : repository.anchors(electionId)) {
      anchors.add(
          new AnchorView(
              a.subject(), a.fingerprint(), Instant.parse(a.notBefore()), Instant.parse(a.notAfter()),
              Instant.parse(a.confirmedAt()), a.certificatePem()));
    }
    List<CertificateView> certificates = new ArrayList<>();
    for (CertificateRow c : repository.certificates(electionId)) {
      certificates.add(view(c, revoked, now));
    }
    List<RevokedView> revokedViews = new ArrayList<>();
    for (RevokedRow r : repository.revoked(electionId)) {
      revokedViews.add(new RevokedView(r.serial(), r.reason(), Instant.parse(r.revokedAt())));
    }
    return new Overview(electionId, identifier, authority, anchors, certificates, revokedViews);
  }

  /**
   * Creates the election CA at this installation, the receiving authority (step 1 of the ceremony). Its certificate
   * becomes a trust anchor at once: it was made here, so there is nothing to compare with paper yet; the printed
   * fingerprint sheet is what the other installations compare with.
   */
  public AuthorityView createAuthority(
      long electionId, String authorityName, LocalDate from, LocalDate until, char[] passphrase, Actor actor) {
    String identifier = identifier(electionId);
    if (repository.authority(electionId).isPresent()) {
      throw new KeyStoreException("keystore.error.authorityExists", identifier);
    }
    requirePassphrase(passphrase);
    if (authorityName == null || authorityName.isBlank()) {
      throw new KeyStoreException("keystore.error.name", "authority name missing");
    }
    if (from == null || until == null || !from.isBefore(until)) {
      throw new KeyStoreException("keystore.error.validity", from + " .. " + until);
    }
    Credential ca =
        Certificates.createElectionAuthority(
            identifier, authorityName.strip(), startOf(from), endOf(until), random);
    String encryptedKey = EncryptedKeys.encrypt(ca.privateKey(), passphrase, random);
    X509Certificate certificate = ca.certificate();
    AuthorityView view = authorityView(certificate);
    tx.executeWithoutResult(
        status -> {
          if (repository.authority(electionId).isPresent()) {
            throw new KeyStoreException("keystore.error.authorityExists", identifier);
          }
          repository.insertAuthority(electionId, pem(certificate), encryptedKey, clock.instant());
          repository.insertAnchor(
              electionId, pem(certificate), view.fingerprint(), view.subject(), view.notBefore(), view.notAfter(),
              clock.instant());
          Map<String, Object> details = details(identifier);
          details.put("subject", view.subject());
          details.put("serial", view.serial());
          details.put("fingerprint", view.fingerprint());
          details.put("notBefore", view.notBefore().toString());
          details.put("notAfter", view.notAfter().toString());
          audit.record("KEYSTORE_AUTHORITY_CREATED", AuditLevel.INFO, actor, details);
        });
    return view;
  }

  /**
   * Issues a committee's signing and encryption key pairs and certificates (step 2 of the ceremony), valid as long
   * as the CA. The committee's passphrase must differ from the CA's: they go to different people.
   */
  public List<CertificateView> issueCommittee(
      long electionId,
      String committeeId,
      String committeeName,
      char[] authorityPassphrase,
      char[] committeePassphrase,
      Actor actor) {
    String identifier = identifier(electionId);
    AuthorityRow authority =
        repository.authority(electionId)
            .orElseThrow(() -> new KeyStoreException("keystore.error.noAuthority", identifier));
    if (committeeId == null || !COMMITTEE_ID.matcher(committeeId).matches()) {
      throw new KeyStoreException("keystore.error.committeeId", String.valueOf(committeeId));
    }
    if (committeeName == null || committeeName.isBlank()) {
      throw new KeyStoreException("keystore.error.name", "committee name missing");
    }
    requirePassphrase(committeePassphrase);
    if (Arrays.equals(authorityPassphrase, committeePassphrase)) {
      throw new KeyStoreException("keystore.error.samePassphrase", committeeId);
    }
    Set<String> revoked = repository.revokedSerials(electionId);
    for (CertificateRow existing : repository.certificates(electionId)) {
      if (existing.committeeId().equals(committeeId) && !revoked.contains(existing.serial())) {
        throw new KeyStoreException("keystore.error.committeeExists", committeeId);
      }
    }
    X509Certificate caCertificate = certificate(authority.certificatePem());
    Credential ca = unlock(electionId, identifier, authority.encryptedKeyPem(), caCertificate, authorityPassphrase,
        "authority", actor);
    Instant now = clock.instant();
    List<CertificateRow> rows = new ArrayList<>();
    for (KeyPurpose purpose : KeyPurpose.values()) {
      KeyPair keys = Certificates.generateKeyPair(random);
      X509Certificate certificate =
          Certificates.issueCommitteeCertificate(
              ca, committeeId, committeeName.strip(), purpose, keys.getPublic(),
              caCertificate.getNotBefore().toInstant(), caCertificate.getNotAfter().toInstant(), random);
      rows.add(row(certificate, purpose, EncryptedKeys.encrypt(keys.getPrivate(), committeePassphrase, random),
          "ISSUED", now));
    }
    tx.executeWithoutResult(
        status -> {
          Map<String, Object> details = details(identifier);
          details.put("committee", committeeId);
          for (CertificateRow row : rows) {
            repository.insertCertificate(electionId, row);
            details.put(row.purpose().name().toLowerCase(Locale.ROOT), row.serial() + " " + row.fingerprint());
          }
          audit.record("KEYSTORE_CERTIFICATES_ISSUED", AuditLevel.INFO, actor, details);
        });
    List<CertificateView> views = new ArrayList<>();
    for (CertificateRow row : rows) {
      views.add(view(row, Set.of(), now));
    }
    return views;
  }

  /**
   * Reads an uploaded CA certificate as a candidate trust anchor of this election; nothing is stored until its
   * fingerprint is confirmed. A certificate that is not a self-signed CA of this very election is refused.
   */
  public PendingAnchor readTrustAnchor(long electionId, String pemText, Actor actor) {
    String identifier = identifier(electionId);
    try {
      List<X509Certificate> certificates;
      try {
        certificates = Certificates.fromPem(pemText == null ? "" : pemText);
      } catch (IllegalArgumentException e) {
        throw new KeyStoreException("keystore.error.pemUnreadable", e.getMessage());
      }
      if (certificates.size() != 1) {
        throw new KeyStoreException("keystore.error.oneCertificate", certificates.size() + " certificates");
      }
      ElectionTrust trust;
      try {
        trust = ElectionTrust.of(certificates.get(0));
      } catch (IllegalArgumentException e) {
        throw new KeyStoreException("keystore.error.notAuthority", e.getMessage());
      }
      if (!identifier.equals(trust.electionId())) {
        throw new KeyStoreException(
            "keystore.error.otherElection", "anchor for " + trust.electionId() + ", election " + identifier);
      }
      String fingerprint = trust.fingerprint().toString();
      if (repository.anchorExists(electionId, fingerprint)) {
        throw new KeyStoreException("keystore.error.anchorExists", fingerprint);
      }
      // Drawn now, with SecureRandom, never derived from the file (product.md §4).
      return new PendingAnchor(
          electionId, pem(trust.authority()), subject(trust.authority()), fingerprint,
          trust.fingerprint().challenge(random));
    } catch (KeyStoreException e) {
      recordRefusal(identifier, "trust anchor", e, actor);
      throw e;
    }
  }

  /**
   * Checks the two typed groups of a pending trust anchor against its fingerprint; stores the anchor only when they
   * match. Both outcomes are audited.
   */
  public boolean confirmTrustAnchor(PendingAnchor pending, String typedFirst, String typedSecond, Actor actor) {
    String identifier = identifier(pending.electionId());
    boolean ok = pending.challenge().verify(typedFirst, typedSecond);
    X509Certificate certificate = certificate(pending.pem());
    tx.executeWithoutResult(
        status -> {
          Map<String, Object> details = details(identifier);
          details.put("subject", pending.subject());
          details.put("fingerprint", pending.fingerprint());
          if (!ok) {
            details.put("code", Rejection.FINGERPRINT_MISMATCH.name());
            details.put(
                "detail",
                "typed groups at positions " + (pending.challenge().firstHidden() + 1) + " and "
                    + (pending.challenge().secondHidden() + 1) + " do not match");
            audit.record("KEYSTORE_IMPORT_REJECTED", AuditLevel.WARNING, actor, details);
            return;
          }
          if (repository.anchorExists(pending.electionId(), pending.fingerprint())) {
            return;
          }
          repository.insertAnchor(
              pending.electionId(), pending.pem(), pending.fingerprint(), pending.subject(),
              certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), clock.instant());
          audit.record("KEYSTORE_TRUST_ANCHOR_CONFIRMED", AuditLevel.INFO, actor, details);
        });
    return ok;
  }

  /**
   * Imports a committee's bundle: one PEM text with its certificates and, optionally, their encrypted private keys
   * (as {@code uitslag keys issue} writes them, or as exported here). Every certificate must chain to a confirmed
   * trust anchor of this election and not be revoked; every key must be encrypted, open with the passphrase and
   * belong to one of the certificates. A plain private key refuses the whole bundle. The keys are stored exactly as
   * received: still encrypted.
   */
  public List<CertificateView> importBundle(long electionId, String pemText, char[] passphrase, Actor actor) {
    String identifier = identifier(electionId);
    try {
      List<ElectionTrust> trusts = trusts(electionId);
      if (trusts.isEmpty()) {
        throw new KeyStoreException("keystore.error.noAnchor", identifier);
      }
      List<X509Certificate> certificates = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      splitBundle(pemText == null ? "" : pemText, certificates, keys);
      if (certificates.isEmpty()) {
        throw new KeyStoreException("keystore.error.bundleEmpty", "no certificate in the bundle");
      }
      Set<String> revoked = repository.revokedSerials(electionId);
      Instant now = clock.instant();
      Map<X509Certificate, KeyPurpose> purposes = new LinkedHashMap<>();
      for (X509Certificate certificate : certificates) {
        KeyPurpose purpose = purposeOf(certificate);
        validate(trusts, certificate, purpose, now);
        if (revoked.contains(serial(certificate))) {
          throw new KeyStoreException(Rejection.CERTIFICATE_REVOKED, "serial " + serial(certificate), null);
        }
        purposes.put(certificate, purpose);
      }
      Map<X509Certificate, String> keyFor = new LinkedHashMap<>();
      for (String key : keys) {
        PrivateKey privateKey;
        try {
          privateKey = EncryptedKeys.decrypt(key, passphrase == null ? new char[0] : passphrase);
        } catch (RejectedException e) {
          throw new KeyStoreException(e.reason(), "bundle key", e);
        }
        X509Certificate owner =
            certificates.stream()
                .filter(c -> new Credential(privateKey, c).keyMatchesCertificate())
                .findFirst()
                .orElseThrow(() -> new KeyStoreException("keystore.error.keyWithoutCertificate", "bundle key"));
        keyFor.put(owner, key);
      }
      List<CertificateRow> rows = new ArrayList<>();
      for (X509Certificate certificate : certificates) {
        rows.add(row(certificate, purposes.get(certificate), keyFor.get(certificate), "IMPORTED", now));
      }
      tx.executeWithoutResult(
          status -> {
            Map<String, Object> details = details(identifier);
            List<String> imported = new ArrayList<>();
            for (CertificateRow row : rows) {
              Optional<CertificateRow> held = repository.certificateBySerial(electionId, row.serial());
              if (held.isPresent()) {
                if (held.get().encryptedKeyPem() != null || row.encryptedKeyPem() == null) {
                  throw new KeyStoreException("keystore.error.certificateExists", row.serial());
                }
                repository.attachKey(held.get().id(), row.encryptedKeyPem());
              } else {
                repository.insertCertificate(electionId, row);
              }
              imported.add(
                  row.committeeId() + " " + row.purpose() + " " + row.serial() + " " + row.fingerprint()
                      + (row.encryptedKeyPem() == null ? "" : " +key"));
            }
            details.put("certificates", imported);
            audit.record("KEYSTORE_BUNDLE_IMPORTED", AuditLevel.INFO, actor, details);
          });
      List<CertificateView> views = new ArrayList<>();
      for (CertificateRow row : rows) {
        views.add(view(row, revoked, now));
      }
      return views;
    } catch (KeyStoreException e) {
      recordRefusal(identifier, "committee bundle", e, actor);
      throw e;
    }
  }

  /** The PEM of the election CA held here, or of a committee certificate by serial; never a key. */
  public String exportCertificate(long electionId, String serial) {
    if ("authority".equals(serial)) {
      return repository.authority(electionId)
          .map(AuthorityRow::certificatePem)
          .orElseThrow(() -> new KeyStoreException("keystore.error.noAuthority", "export"));
    }
    return repository.certificateBySerial(electionId, normaliseSerial(serial))
        .map(CertificateRow::certificatePem)
        .orElseThrow(() -> new KeyStoreException("keystore.error.unknownCertificate", serial));
  }

  /** The PEM of a confirmed trust anchor by its fingerprint, for the sheet and for handing on. */
  public String exportAnchor(long electionId, String fingerprint) {
    return repository.anchors(electionId).stream()
        .filter(a -> a.fingerprint().equals(fingerprint))
        .map(AnchorRow::certificatePem)
        .findFirst()
        .orElseThrow(() -> new KeyStoreException("keystore.error.unknownCertificate", fingerprint));
  }

  /**
   * The hand-over bundle of one committee (step 3 of the ceremony): its certificates and its private keys, the keys
   * still encrypted under the committee's passphrase, which goes by another route. Audited, because it carries keys.
   */
  public String exportBundle(long electionId, String committeeId, Actor actor) {
    String identifier = identifier(electionId);
    Set<String> revoked = repository.revokedSerials(electionId);
    StringBuilder bundle = new StringBuilder();
    List<String> exported = new ArrayList<>();
    for (CertificateRow row : repository.certificates(electionId)) {
      if (row.committeeId().equals(committeeId) && !revoked.contains(row.serial())) {
        bundle.append(row.certificatePem());
        if (row.encryptedKeyPem() != null) {
          bundle.append(row.encryptedKeyPem());
        }
        exported.add(row.purpose() + " " + row.serial() + (row.encryptedKeyPem() == null ? "" : " +key"));
      }
    }
    if (exported.isEmpty()) {
      throw new KeyStoreException("keystore.error.unknownCertificate", committeeId);
    }
    tx.executeWithoutResult(
        status -> {
          Map<String, Object> details = details(identifier);
          details.put("committee", committeeId);
          details.put("certificates", exported);
          audit.record("KEYSTORE_BUNDLE_EXPORTED", AuditLevel.INFO, actor, details);
        });
    return bundle.toString();
  }

  /**
   * Puts a certificate serial on this election's revocation list: from now on a package signed with it is refused
   * ({@link Rejection#CERTIFICATE_REVOKED}), no file is sealed with it or to it, and a bundle holding it is refused.
   * The serial need not be held here: the authority announces revoked serials in writing (§3.2).
   */
  public void revoke(long electionId, String serial, String reason, Actor actor) {
    String identifier = identifier(electionId);
    String normalised = normaliseSerial(serial);
    if (reason == null || reason.isBlank()) {
      throw new KeyStoreException("keystore.error.reason", "reason missing");
    }
    tx.executeWithoutResult(
        status -> {
          if (!repository.insertRevoked(electionId, normalised, reason.strip(), clock.instant())) {
            throw new KeyStoreException("keystore.error.alreadyRevoked", normalised);
          }
          Map<String, Object> details = details(identifier);
          details.put("serial", normalised);
          repository.certificateBySerial(electionId, normalised)
              .ifPresent(
                  c -> {
                    details.put("committee", c.committeeId());
                    details.put("purpose", c.purpose().name());
                    details.put("fingerprint", c.fingerprint());
                  });
          details.put("reason", reason.strip());
          audit.record("KEYSTORE_CERTIFICATE_REVOKED", AuditLevel.WARNING, actor, details);
        });
  }

  /**
   * The election's revocation list as text (format {@code uitslag-revoked/1}), for {@code uitslag unseal} and
   * {@code uitslag verify-seal --revoked} on a machine without this database (docs/COUNT-FILE-SECURITY.md §3.2).
   */
  public String exportRevocationList(long electionId) {
    String identifier = identifier(electionId);
    java.util.Map<String, nl.uitslag.app.keys.RevocationList.Entry> entries = new java.util.LinkedHashMap<>();
    for (KeyStoreRepository.RevokedRow r : repository.revoked(electionId)) {
      entries.put(r.serial(), new nl.uitslag.app.keys.RevocationList.Entry(r.serial(), Instant.parse(r.revokedAt()),
          r.reason()));
    }
    return new nl.uitslag.app.keys.RevocationList(identifier, entries).text(clock.instant());
  }

  /**
   * Whether the election has a confirmed trust anchor at this installation: from then on count files are taken in
   * only as sealed transfer packages (docs/COUNT-FILE-SECURITY.md §8), so an unsigned file cannot be slipped in.
   */
  public boolean hasTrustAnchor(long electionId) {
    return !repository.anchors(electionId).isEmpty();
  }

  // ---- for TransferPackageService (same package) ----

  /** The confirmed trust anchors of the election, newest first. */
  List<ElectionTrust> trusts(long electionId) {
    List<ElectionTrust> trusts = new ArrayList<>();
    for (AnchorRow a : repository.anchors(electionId)) {
      trusts.add(ElectionTrust.of(certificate(a.certificatePem())));
    }
    return trusts;
  }

  Set<String> revokedSerials(long electionId) {
    return repository.revokedSerials(electionId);
  }

  Optional<CertificateRow> certificateBySerial(long electionId, String serial) {
    return repository.certificateBySerial(electionId, serial);
  }

  /** The newest non-revoked certificate of a committee for a purpose, optionally only one whose key is held. */
  Optional<CertificateRow> current(long electionId, String committeeId, KeyPurpose purpose, boolean withKey) {
    Set<String> revoked = repository.revokedSerials(electionId);
    CertificateRow found = null;
    for (CertificateRow row : repository.certificates(electionId)) {
      if (row.committeeId().equals(committeeId) && row.purpose() == purpose && !revoked.contains(row.serial())
          && (!withKey || row.encryptedKeyPem() != null)) {
        found = row;
      }
    }
    return Optional.ofNullable(found);
  }

  Optional<Long> electionByIdentifier(String identifier) {
    return repository.electionByIdentifier(identifier);
  }

  String identifier(long electionId) {
    return repository.electionIdentifier(electionId)
        .orElseThrow(() -> new KeyStoreException("keystore.error.noElection", Long.toString(electionId)));
  }

  static X509Certificate certificate(String pem) {
    return Certificates.fromPem(pem).get(0);
  }

  static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  // ---- helpers ----

  private Credential unlock(
      long electionId, String identifier, String encryptedKey, X509Certificate certificate, char[] passphrase,
      String which, Actor actor) {
    try {
      Credential credential =
          new Credential(EncryptedKeys.decrypt(encryptedKey, passphrase == null ? new char[0] : passphrase),
              certificate);
      if (!credential.keyMatchesCertificate()) {
        throw new IllegalStateException("stored key of " + which + " does not belong to its certificate");
      }
      return credential;
    } catch (RejectedException e) {
      KeyStoreException refused = new KeyStoreException(e.reason(), which + " key", e);
      recordRefusal(identifier, which + " key", refused, actor);
      throw refused;
    }
  }

  private void recordRefusal(String identifier, String what, KeyStoreException e, Actor actor) {
    tx.executeWithoutResult(
        status -> {
          Map<String, Object> details = details(identifier);
          details.put("what", what);
          details.put("code", e.rejection() != null ? e.rejection().name() : e.messageKey());
          details.put("detail", e.getMessage());
          audit.record("KEYSTORE_IMPORT_REJECTED", AuditLevel.WARNING, actor, details);
        });
  }

  private static void validate(List<ElectionTrust> trusts, X509Certificate certificate, KeyPurpose purpose,
      Instant now) {
    RejectedException first = null;
    for (ElectionTrust trust : trusts) {
      try {
        trust.validate(certificate, purpose, now);
        return;
      } catch (RejectedException e) {
        if (first == null || (first.reason() == Rejection.UNKNOWN_SIGNER && e.reason() != Rejection.UNKNOWN_SIGNER)) {
          first = e;
        }
      }
    }
    throw new KeyStoreException(first.reason(), first.getMessage(), first);
  }

  private static KeyPurpose purposeOf(X509Certificate certificate) {
    boolean signing = Certificates.allows(certificate, KeyPurpose.SIGNING);
    boolean encryption = Certificates.allows(certificate, KeyPurpose.ENCRYPTION);
    if (signing == encryption) {
      throw new KeyStoreException(Rejection.CERTIFICATE_WRONG_PURPOSE, "key usage of serial " + serial(certificate),
          null);
    }
    return signing ? KeyPurpose.SIGNING : KeyPurpose.ENCRYPTION;
  }

  /** Splits a bundle into certificates and encrypted keys; anything else, above all a plain key, is refused. */
  private static void splitBundle(String text, List<X509Certificate> certificates, List<String> keys) {
    Matcher m = PEM_BLOCK.matcher(text);
    int end = 0;
    while (m.find()) {
      if (!text.substring(end, m.start()).isBlank()) {
        throw new KeyStoreException("keystore.error.pemUnreadable", "text between PEM blocks");
      }
      end = m.end();
      String type = m.group(1);
      if (type.equals("CERTIFICATE")) {
        try {
          certificates.addAll(Certificates.fromPem(m.group()));
        } catch (IllegalArgumentException e) {
          throw new KeyStoreException("keystore.error.pemUnreadable", e.getMessage());
        }
      } else if (type.equals("ENCRYPTED PRIVATE KEY")) {
        keys.add(m.group() + "\n");
      } else if (type.contains("PRIVATE KEY")) {
        // Never accepted, not even to encrypt it here: a plain key that was on a USB stick is already exposed.
        throw new KeyStoreException("keystore.error.plainKey", "PEM block " + type);
      } else {
        throw new KeyStoreException("keystore.error.pemUnreadable", "PEM block " + type);
      }
    }
    if (!text.substring(end).isBlank()) {
      throw new KeyStoreException(
          text.contains("PRIVATE KEY-----") && !text.contains("ENCRYPTED PRIVATE KEY")
              ? "keystore.error.plainKey"
              : "keystore.error.pemUnreadable",
          "text after the last PEM block");
    }
  }

  private CertificateRow row(X509Certificate certificate, KeyPurpose purpose, String encryptedKey, String source,
      Instant now) {
    return new CertificateRow(
        0, Certificates.committeeId(certificate), Certificates.displayName(certificate), purpose, serial(certificate),
        Certificates.fingerprint(certificate).toString(), certificate.getNotBefore().toInstant().toString(),
        certificate.getNotAfter().toInstant().toString(), pem(certificate), encryptedKey, source, now.toString());
  }

  private static CertificateView view(CertificateRow c, Set<String> revoked, Instant now) {
    Instant notBefore = Instant.parse(c.notBefore());
    Instant notAfter = Instant.parse(c.notAfter());
    Status status =
        revoked.contains(c.serial())
            ? Status.REVOKED
            : now.isBefore(notBefore) ? Status.NOT_YET_VALID : now.isAfter(notAfter) ? Status.EXPIRED : Status.VALID;
    return new CertificateView(
        c.committeeId(), c.committeeName(), c.purpose(), c.serial(), c.fingerprint(), notBefore, notAfter,
        c.encryptedKeyPem() != null, c.source(), status);
  }

  private static AuthorityView authorityView(X509Certificate certificate) {
    return new AuthorityView(
        subject(certificate), serial(certificate), Certificates.fingerprint(certificate).toString(),
        certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  static String pem(X509Certificate certificate) {
    return Certificates.toPem(List.of(certificate));
  }

  private static String normaliseSerial(String serial) {
    String s = serial == null ? "" : serial.strip().toLowerCase(Locale.ROOT).replace(":", "").replace(" ", "");
    s = s.replaceFirst("^0+(?=.)", "");
    if (!SERIAL.matcher(s).matches()) {
      throw new KeyStoreException("keystore.error.serial", String.valueOf(serial));
    }
    return s;
  }

  private static void requirePassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length < EncryptedKeys.MINIMUM_PASSPHRASE_LENGTH) {
      throw new KeyStoreException("keystore.error.passphraseShort", "passphrase too short");
    }
  }

  private static Map<String, Object> details(String identifier) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", identifier);
    return details;
  }

  private static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }
}
