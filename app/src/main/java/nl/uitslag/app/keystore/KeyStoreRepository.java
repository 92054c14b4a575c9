package nl.uitslag.app.keystore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.uitslag.crypto.KeyPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored trust anchors, election CA, committee certificates and revocation list of each election. Private keys
 * enter and leave this class only as PKCS#8 "ENCRYPTED PRIVATE KEY" PEM text; the schema refuses anything else.
 */
@Repository
class KeyStoreRepository {
  private final JdbcClient jdbc;

  KeyStoreRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A confirmed trust anchor (an election CA certificate). */
  record AnchorRow(long id, String certificatePem, String fingerprint, String subject, String notBefore,
      String notAfter, String confirmedAt) {}

  /** The election CA held at this installation. */
  record AuthorityRow(String certificatePem, String encryptedKeyPem, String createdAt) {}

  /** A committee certificate, with its encrypted key when the key is held here. */
  record CertificateRow(long id, String committeeId, String committeeName, KeyPurpose purpose, String serial,
      String fingerprint, String notBefore, String notAfter, String certificatePem, String encryptedKeyPem,
      String source, String createdAt) {
    @Override
    public String toString() {
      // The key is encrypted, but even so it has no business in a log line.
      return "CertificateRow[" + committeeId + " " + purpose + " serial " + serial + "]";
    }
  }

  /** A revoked certificate serial. */
  record RevokedRow(String serial, String reason, String revokedAt) {}

  /** An election that can be chosen on the package check page. */
  record ElectionChoice(long id, String identifier, String name) {}

  List<ElectionChoice> elections() {
    return jdbc.sql("SELECT id, identifier, name FROM election ORDER BY election_date DESC, id DESC")
        .query((rs, n) -> new ElectionChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  Optional<Long> electionOfCommittee(long committeeId) {
    return jdbc.sql("SELECT election_id FROM committee WHERE id = ?").param(committeeId).query(Long.class).optional();
  }

  Optional<String> electionIdentifier(long electionId) {
    return jdbc.sql("SELECT identifier FROM election WHERE id = ?").param(electionId).query(String.class).optional();
  }

  Optional<Long> electionByIdentifier(String identifier) {
    return jdbc.sql("SELECT id FROM election WHERE identifier = ?").param(identifier).query(Long.class).optional();
  }

  List<AnchorRow> anchors(long electionId) {
    return jdbc.sql(
            "SELECT id, certificate_pem, fingerprint, subject, not_before, not_after, confirmed_at"
                + " FROM keystore_trust_anchor WHERE election_id = ? ORDER BY id DESC")
        .param(electionId)
        .query(
            (rs, n) ->
                new AnchorRow(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7)))
        .list();
  }

  boolean anchorExists(long electionId, String fingerprint) {
    return jdbc.sql("SELECT count(*) FROM keystore_trust_anchor WHERE election_id = ? AND fingerprint = ?")
            .params(electionId, fingerprint)
            .query(Long.class)
            .single()
        > 0;
  }

  void insertAnchor(long electionId, String pem, String fingerprint, String subject, Instant notBefore,
      Instant notAfter, Instant confirmedAt) {
    jdbc.sql(
            "INSERT INTO keystore_trust_anchor (election_id, certificate_pem, fingerprint, subject, not_before,"
                + " not_after, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(electionId, pem, fingerprint, subject, notBefore.toString(), notAfter.toString(),
            confirmedAt.toString())
        .update();
  }

  Optional<AuthorityRow> authority(long electionId) {
    return jdbc.sql(
            "SELECT certificate_pem, encrypted_key_pem, created_at FROM keystore_authority WHERE election_id = ?")
        .param(electionId)
        .query((rs, n) -> new AuthorityRow(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  void insertAuthority(long electionId, String certificatePem, String encryptedKeyPem, Instant createdAt) {
    requireEncrypted(encryptedKeyPem);
    jdbc.sql(
            "INSERT INTO keystore_authority (election_id, certificate_pem, encrypted_key_pem, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(electionId, certificatePem, encryptedKeyPem, createdAt.toString())
        .update();
  }

  private static final String CERTIFICATE_COLUMNS =
      "id, committee_id, committee_name, purpose, serial, fingerprint, not_before, not_after, certificate_pem,"
          + " encrypted_key_pem, source, created_at";

  List<CertificateRow> certificates(long electionId) {
    return jdbc.sql(
            "SELECT " + CERTIFICATE_COLUMNS + " FROM keystore_certificate WHERE election_id = ?"
                + " ORDER BY committee_id, purpose, id")
        .param(electionId)
        .query(KeyStoreRepository::certificateRow)
        .list();
  }

  Optional<CertificateRow> certificateBySerial(long electionId, String serial) {
    return jdbc.sql(
            "SELECT " + CERTIFICATE_COLUMNS + " FROM keystore_certificate WHERE election_id = ? AND serial = ?")
        .params(electionId, serial)
        .query(KeyStoreRepository::certificateRow)
        .optional();
  }

  boolean certificateExists(long electionId, String fingerprint) {
    return jdbc.sql("SELECT count(*) FROM keystore_certificate WHERE election_id = ? AND fingerprint = ?")
            .params(electionId, fingerprint)
            .query(Long.class)
            .single()
        > 0;
  }

  void insertCertificate(long electionId, CertificateRow row) {
    if (row.encryptedKeyPem() != null) {
      requireEncrypted(row.encryptedKeyPem());
    }
    jdbc.sql(
            "INSERT INTO keystore_certificate (election_id, committee_id, committee_name, purpose, serial,"
                + " fingerprint, not_before, not_after, certificate_pem, encrypted_key_pem, source, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            electionId, row.committeeId(), row.committeeName(), row.purpose().name(), row.serial(),
            row.fingerprint(), row.notBefore(), row.notAfter(), row.certificatePem(), row.encryptedKeyPem(),
            row.source(), row.createdAt())
        .update();
  }

  /** Adds the key to a certificate held without one (a bundle that brings the key later). */
  void attachKey(long certificateId, String encryptedKeyPem) {
    requireEncrypted(encryptedKeyPem);
    jdbc.sql("UPDATE keystore_certificate SET encrypted_key_pem = ? WHERE id = ? AND encrypted_key_pem IS NULL")
        .params(encryptedKeyPem, certificateId)
        .update();
  }

  List<RevokedRow> revoked(long electionId) {
    return jdbc.sql(
            "SELECT serial, reason, revoked_at FROM keystore_revoked WHERE election_id = ? ORDER BY revoked_at")
        .param(electionId)
        .query((rs, n) -> new RevokedRow(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  Set<String> revokedSerials(long electionId) {
    return revoked(electionId).stream().map(RevokedRow::serial).collect(Collectors.toUnmodifiableSet());
  }

  boolean insertRevoked(long electionId, String serial, String reason, Instant at) {
    return jdbc.sql(
            "INSERT INTO keystore_revoked (election_id, serial, reason, revoked_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")
            .params(electionId, serial, reason, at.toString())
            .update()
        == 1;
  }

  private static CertificateRow certificateRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new CertificateRow(
        rs.getLong(1), rs.getString(2), rs.getString(3), KeyPurpose.valueOf(rs.getString(4)), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12));
  }

  /** A second guard beside the table's CHECK: no code path can store a plain key. */
  private static void requireEncrypted(String pem) {
    if (!pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        || pem.contains("-----BEGIN PRIVATE KEY-----")
        || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new IllegalArgumentException("only an encrypted private key may be stored");
    }
  }
}
