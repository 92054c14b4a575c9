package nl.uitslag.app.keystore;

import java.time.Instant;
import java.util.Optional;
import nl.uitslag.app.keystore.FileSignatureService.StoredSignature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored detached signatures of a committee's own files (V12__seal_notable.sql). */
@Repository
class FileSignatureRepository {
  private final JdbcClient jdbc;

  FileSignatureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredSignature> find(long electionId, String committeeId, String fileFingerprint) {
    return jdbc.sql("SELECT committee_id, file_name, file_fingerprint, signature, signer_serial, signer_fingerprint,"
            + " signed_at FROM keystore_file_signature WHERE election_id = ? AND committee_id = ?"
            + " AND file_fingerprint = ?")
        .params(electionId, committeeId, fileFingerprint)
        .query((rs, n) -> new StoredSignature(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
            rs.getString(5), rs.getString(6), Instant.parse(rs.getString(7))))
        .optional();
  }

  /** Stores the signature unless one exists already (two clicks at once keep the first: the bytes never change). */
  boolean insert(long electionId, StoredSignature s) {
    return jdbc.sql("INSERT INTO keystore_file_signature (election_id, committee_id, file_fingerprint, file_name,"
            + " signature, signer_serial, signer_fingerprint, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")
        .params(electionId, s.committeeId(), s.fileFingerprint(), s.fileName(), s.signature(), s.signerSerial(),
            s.signerFingerprint(), s.signedAt().toString())
        .update() == 1;
  }
}
