package nl.uitslag.app.keystore;

import static nl.uitslag.app.keystore.KeyStoreFixture.ACTOR;
import static nl.uitslag.app.keystore.KeyStoreFixture.CA_PASSPHRASE;
import static nl.uitslag.app.keystore.KeyStoreFixture.CSB_PASSPHRASE;
import static nl.uitslag.app.keystore.KeyStoreFixture.GSB_PASSPHRASE;
import static nl.uitslag.app.keystore.KeyStoreFixture.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.UitslagProperties;
import nl.uitslag.app.backup.BackupService;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.keystore.TransferPackageService.Expectation;
import nl.uitslag.app.keystore.TransferPackageService.ToCommittee;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No private key is ever stored, logged, exported or backed up in plain form (issue 8; THREAT-MODEL A8): after a
 * whole ceremony, a bundle import, sealing, opening and a rejected passphrase, the database file with its WAL, every
 * backup, every export and the log output are searched for each private key as PKCS#8 DER, as PEM text and as its
 * raw 32-byte scalar, and for every passphrase.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class NoPlainPrivateKeyTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired ElectionRepository elections;
  @Autowired KeyStoreService keys;
  @Autowired KeyStoreRepository repository;
  @Autowired TransferPackageService packages;
  @Autowired BackupService backups;
  @Autowired UitslagProperties properties;

  @Test
  void noPrivateKeyOrPassphraseInTheDatabaseTheBackupsTheExportsOrTheLog(CapturedOutput output) throws Exception {
    KeyStoreFixture fx = new KeyStoreFixture(elections, keys, repository);
    // A committee bundle made elsewhere (with the CLI), imported here with its encrypted key.
    char[] bundlePassphrase = "hsb een bundel wachtzin".toCharArray();
    Credential hsb =
        fx.issueUnstored("HSB1", KeyPurpose.ENCRYPTION, Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2035-12-31T00:00:00Z"));
    String bundle =
        KeyStoreService.pem(hsb.certificate()) + EncryptedKeys.encrypt(hsb.privateKey(), bundlePassphrase, RANDOM);
    keys.importBundle(fx.electionId, bundle, bundlePassphrase, ACTOR);
    byte[] sealed =
        packages.seal("0096", KeyStoreFixture.countFile(), null, 1, new ToCommittee("CSB"), GSB_PASSPHRASE, ACTOR);
    packages.open(fx.electionId, sealed, CSB_PASSPHRASE, Expectation.any(), ACTOR);
    assertThatThrownBy(
            () -> packages.open(fx.electionId, sealed, "a wrong passphrase".toCharArray(), Expectation.any(), ACTOR))
        .isInstanceOf(RejectedException.class);
    Path backup = backups.backup(BackupService.Reason.MANUAL, ACTOR);

    Map<String, PrivateKey> plain = new LinkedHashMap<>();
    plain.put("CA", fx.authority().privateKey());
    plain.put("0096 signing", fx.stored("0096", KeyPurpose.SIGNING, GSB_PASSPHRASE).privateKey());
    plain.put("0096 encryption", fx.stored("0096", KeyPurpose.ENCRYPTION, GSB_PASSPHRASE).privateKey());
    plain.put("CSB signing", fx.stored("CSB", KeyPurpose.SIGNING, CSB_PASSPHRASE).privateKey());
    plain.put("CSB encryption", fx.stored("CSB", KeyPurpose.ENCRYPTION, CSB_PASSPHRASE).privateKey());
    plain.put("HSB1 encryption", fx.stored("HSB1", KeyPurpose.ENCRYPTION, bundlePassphrase).privateKey());
    assertThat(plain.get("HSB1 encryption").getEncoded()).isEqualTo(hsb.privateKey().getEncoded());

    Map<String, byte[]> places = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(properties.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        places.put(properties.dataDir().relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    assertThat(places).containsKey(properties.dataDir().relativize(properties.databaseFile()).toString());
    assertThat(places.keySet()).anyMatch(name -> name.equals(properties.dataDir().relativize(backup).toString()));
    places.put("log output", output.getAll().getBytes(StandardCharsets.UTF_8));
    for (String committee : List.of("0096", "CSB", "HSB1")) {
      places.put("bundle export " + committee,
          keys.exportBundle(fx.electionId, committee, ACTOR).getBytes(StandardCharsets.US_ASCII));
    }
    places.put("CA certificate export", keys.exportCertificate(fx.electionId, "authority").getBytes(StandardCharsets.US_ASCII));

    // The stored keys are there, encrypted: the search below would find them if they were not.
    assertThat(new String(places.get("bundle export 0096"), StandardCharsets.US_ASCII))
        .contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        .doesNotContain("-----BEGIN PRIVATE KEY-----")
        .doesNotContain("-----BEGIN EC PRIVATE KEY-----");

    // Control: the search does find a key that is written out in plain PEM.
    byte[] control =
        ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(plain.get("CA").getEncoded())
                + "\n-----END PRIVATE KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(forms(plain.get("CA")).values().stream().filter(f -> indexOf(control, f) >= 0).count())
        .isGreaterThanOrEqualTo(2);

    List<String> found = new ArrayList<>();
    for (Map.Entry<String, PrivateKey> key : plain.entrySet()) {
      for (Map.Entry<String, byte[]> needle : forms(key.getValue()).entrySet()) {
        for (Map.Entry<String, byte[]> place : places.entrySet()) {
          if (indexOf(place.getValue(), needle.getValue()) >= 0) {
            found.add(key.getKey() + " as " + needle.getKey() + " in " + place.getKey());
          }
        }
      }
    }
    for (char[] passphrase : List.of(CA_PASSPHRASE, GSB_PASSPHRASE, CSB_PASSPHRASE, bundlePassphrase)) {
      for (Map.Entry<String, byte[]> place : places.entrySet()) {
        if (indexOf(place.getValue(), new String(passphrase).getBytes(StandardCharsets.UTF_8)) >= 0) {
          found.add("a passphrase in " + place.getKey());
        }
      }
    }
    assertThat(found).as("plain private keys or passphrases found").isEmpty();
    assertThat(places.size()).as("database, WAL, backup, log and exports searched").isGreaterThanOrEqualTo(6);
  }

  @Test
  void aBundleWithAPlainPrivateKeyIsRefusedAndNothingOfItIsStored() throws Exception {
    KeyStoreFixture fx = new KeyStoreFixture(elections, keys, repository, "GR2022_Plain");
    Credential hsb =
        fx.issueUnstored("HSB2", KeyPurpose.ENCRYPTION, Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2035-12-31T00:00:00Z"));
    String plainPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(hsb.privateKey().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    int before = repository.certificates(fx.electionId).size();
    assertThatThrownBy(
            () -> keys.importBundle(fx.electionId, KeyStoreService.pem(hsb.certificate()) + plainPem, null, ACTOR))
        .isInstanceOfSatisfying(
            KeyStoreException.class, e -> assertThat(e.messageKey()).isEqualTo("keystore.error.plainKey"));
    assertThat(repository.certificates(fx.electionId)).hasSize(before);
  }

  /** A private key as the bytes it would have in each plain form: PKCS#8 DER, every PEM line, the raw scalar. */
  private static Map<String, byte[]> forms(PrivateKey key) {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    byte[] der = key.getEncoded();
    forms.put("PKCS#8 DER", der);
    String base64 = Base64.getEncoder().encodeToString(der);
    forms.put("PEM base64 in one piece", base64.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < base64.length(); i += 64) {
      String line = base64.substring(i, Math.min(base64.length(), i + 64));
      if (line.length() >= 24) {
        forms.put("PEM line " + (i / 64 + 1), line.getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] scalar = ((ECPrivateKey) key).getS().toByteArray();
    byte[] fixed = new byte[32];
    int n = Math.min(32, scalar.length);
    System.arraycopy(scalar, scalar.length - n, fixed, 32 - n, n);
    forms.put("raw scalar", fixed);
    return forms;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
