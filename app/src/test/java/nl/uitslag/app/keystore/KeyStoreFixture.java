package nl.uitslag.app.keystore;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CSB installation of GR2022_Vlieland for key-store tests: the election, its CA made through the service, and
 * the keys of the GSB Vlieland (ManagingAuthority 0096, the real count file's sender) and of the CSB (receiver).
 */
final class KeyStoreFixture {
  static final String ELECTION = "GR2022_Vlieland";
  static final String COUNT_FILE = "data/eml/GR2022/Telling_GR2022_Vlieland.eml.xml";
  static final char[] CA_PASSPHRASE = "ceremonie vlieland ca 2022".toCharArray();
  static final char[] GSB_PASSPHRASE = "gsb vlieland wachtzin 0096".toCharArray();
  static final char[] CSB_PASSPHRASE = "csb vlieland wachtzin ontvangst".toCharArray();
  static final Actor ACTOR = new Actor(null, "test", "127.0.0.1");
  static final SecureRandom RANDOM = new SecureRandom();

  final long electionId;
  final KeyStoreService keys;
  final KeyStoreRepository repository;

  KeyStoreFixture(ElectionRepository elections, KeyStoreService keys, KeyStoreRepository repository) {
    this(elections, keys, repository, ELECTION);
  }

  KeyStoreFixture(
      ElectionRepository elections, KeyStoreService keys, KeyStoreRepository repository, String identifier) {
    this.keys = keys;
    this.repository = repository;
    electionId =
        elections.insertElection(
            new ElectionView(0, identifier, "Gemeenteraad Vlieland 2022", "GR", "GR1", LocalDate.of(2022, 3, 16), 11,
                "Vlieland", "0096", "CSO", null),
            Instant.parse("2022-01-10T09:00:00Z"));
    // Valid from before the election until well after today, so "now" lies inside every certificate.
    keys.createAuthority(electionId, "Centraal stembureau Vlieland", LocalDate.of(2022, 1, 1),
        LocalDate.of(2035, 12, 31), CA_PASSPHRASE, ACTOR);
    keys.issueCommittee(electionId, "0096", "Gemeentelijk stembureau Vlieland", CA_PASSPHRASE, GSB_PASSPHRASE, ACTOR);
    keys.issueCommittee(electionId, "CSB", "Centraal stembureau Vlieland", CA_PASSPHRASE, CSB_PASSPHRASE, ACTOR);
  }

  static byte[] countFile() {
    return SharedData.read(COUNT_FILE);
  }

  /** The CA's credential, decrypted the way an attacker with the passphrase would; tests use it to forge. */
  Credential authority() throws RejectedException {
    var row = repository.authority(electionId).orElseThrow();
    return new Credential(
        EncryptedKeys.decrypt(row.encryptedKeyPem(), CA_PASSPHRASE), KeyStoreService.certificate(row.certificatePem()));
  }

  ElectionTrust trust() {
    return keys.trusts(electionId).get(0);
  }

  /** A stored committee credential, its key decrypted with the committee's passphrase. */
  Credential stored(String committee, KeyPurpose purpose, char[] passphrase) throws RejectedException {
    var row = keys.current(electionId, committee, purpose, true).orElseThrow();
    return new Credential(
        EncryptedKeys.decrypt(row.encryptedKeyPem(), passphrase), KeyStoreService.certificate(row.certificatePem()));
  }

  X509Certificate storedCertificate(String committee, KeyPurpose purpose) {
    return KeyStoreService.certificate(keys.current(electionId, committee, purpose, false).orElseThrow().certificatePem());
  }

  /** A certificate of this election's CA that is not stored here. */
  Credential issueUnstored(String committee, KeyPurpose purpose, Instant from, Instant until) throws RejectedException {
    KeyPair pair = Certificates.generateKeyPair(RANDOM);
    return new Credential(
        pair.getPrivate(),
        Certificates.issueCommitteeCertificate(
            authority(), committee, "Stembureau " + committee, purpose, pair.getPublic(), from, until, RANDOM));
  }

  /** Row counts of every table but the audit log: a rejected package must leave all of them unchanged. */
  static Map<String, Long> tableCounts(JdbcClient jdbc) {
    List<String> tables =
        jdbc.sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND name <> 'audit_event' ORDER BY name")
            .query(String.class)
            .list();
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
    }
    return counts;
  }
}
