package nl.uitslag.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The key ceremony and seal commands, run as a user would, in a temporary directory. */
class KeyCommandsTest {
  private static final String ELECTION = "GR2022_Vlieland";

  /** The key ceremony is done once: each passphrase-protected key costs 600,000 PBKDF2 iterations. */
  @TempDir static Path ceremony;
  private static Path keys;
  private static Path caPassphrase;
  private static Path gsbPassphrase;
  private static Path csbPassphrase;
  private static String ceremonyOut;

  @TempDir Path work;
  private Path eml;
  private String out;
  private String err;

  @BeforeAll
  static void ceremony() throws IOException {
    keys = ceremony.resolve("keys");
    caPassphrase = secret(ceremony, "ca.pass", "authority passphrase 2022");
    gsbPassphrase = secret(ceremony, "gsb.pass", "gsb vlieland passphrase");
    csbPassphrase = secret(ceremony, "csb.pass", "csb vlieland passphrase");
    KeyCommandsTest setup = new KeyCommandsTest();
    assertThat(setup.run(new KeysCommand(), "create-authority", "--dir", keys.toString(), "--election", ELECTION,
            "--name", "Centraal stembureau Vlieland", "--not-before", "2022-01-01", "--not-after", "2022-12-31",
            "--passphrase-file", caPassphrase.toString()))
        .as(setup.err).isZero();
    ceremonyOut = setup.out;
    setup.issue("0096", "Gemeentelijk stembureau Vlieland", gsbPassphrase);
    setup.issue("CSB", "Centraal stembureau Vlieland", csbPassphrase);
  }

  @BeforeEach
  void countFile() throws IOException {
    eml = work.resolve("Telling_GR2022_Vlieland.eml.xml");
    String shared = System.getProperty("uitslag.shared", "../../shared");
    Files.copy(Path.of(shared, "data", "eml", "GR2022", "Telling_GR2022_Vlieland.eml.xml"), eml);
  }

  private void issue(String committee, String name, Path passphrase) {
    assertThat(run(new KeysCommand(), "issue", "--dir", keys.toString(), "--committee", committee, "--name", name,
            "--not-before", "2022-01-01", "--authority-passphrase-file", caPassphrase.toString(),
            "--passphrase-file", passphrase.toString()))
        .as(err).isZero();
  }

  @Test
  void createAuthorityPrintsTheFingerprintForTheCeremonyForm() throws IOException {
    var authority = Certificates.fromPem(Files.readString(keys.resolve("authority.crt.pem"))).get(0);
    assertThat(ceremonyOut).contains("ELECTION AUTHORITY").contains("fingerprint: " + Certificates.fingerprint(authority));
  }

  @Test
  void ceremonyWritesEncryptedKeysAndCertificatesOnly() throws IOException {
    try (Stream<Path> files = Files.list(keys)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "authority.crt.pem", "authority.key.pem",
              "0096.signing.crt.pem", "0096.signing.key.pem", "0096.encryption.crt.pem", "0096.encryption.key.pem",
              "CSB.signing.crt.pem", "CSB.signing.key.pem", "CSB.encryption.crt.pem", "CSB.encryption.key.pem");
    }
    try (Stream<Path> files = Files.list(keys)) {
      for (Path key : files.filter(p -> p.toString().endsWith(".key.pem")).toList()) {
        String text = Files.readString(key);
        assertThat(text).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");
      }
    }
  }

  @Test
  void listShowsEveryCertificateWithItsFingerprint() throws IOException {
    assertThat(run(new KeysCommand(), "list", "--dir", keys.toString())).isZero();
    var authority = Certificates.fromPem(Files.readString(keys.resolve("authority.crt.pem"))).get(0);
    assertThat(out)
        .contains("authority.crt.pem", "0096.signing.crt.pem", "CSB.encryption.crt.pem")
        .contains(Certificates.fingerprint(authority).toString())
        .doesNotContain("PRIVATE");
  }

  @Test
  void exportCertificateWritesPemAndNeverAKey() throws IOException {
    Path exported = work.resolve("csb-encryption.pem");
    assertThat(run(new KeysCommand(), "export-certificate", "--dir", keys.toString(), "--committee", "CSB",
            "--out", exported.toString()))
        .isZero();
    assertThat(Files.readString(exported)).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE");
    assertThat(run(new KeysCommand(), "export-certificate", "--dir", keys.toString())).isZero();
    assertThat(out).isEqualTo(Files.readString(keys.resolve("authority.crt.pem")));
  }

  @Test
  void anAuthorityIsNeverOverwritten() {
    assertThat(run(new KeysCommand(), "create-authority", "--dir", keys.toString(), "--election", ELECTION,
            "--name", "X", "--not-after", "2022-12-31", "--passphrase-file", caPassphrase.toString()))
        .isEqualTo(2);
    assertThat(err).contains("already exists");
  }

  @Test
  void passphrasesAreNeverPlainCommandLineArguments() {
    List<String> names = new ArrayList<>();
    for (Object command :
        List.of(new KeysCommand(), new SealCommand(), new UnsealCommand(), new VerifySealCommand())) {
      collect(new CommandLine(command), names);
    }
    assertThat(names)
        .filteredOn(n -> n.contains("pass"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.endsWith("-env") || n.endsWith("-file")).as(n).isTrue());
  }

  private static void collect(CommandLine line, List<String> names) {
    line.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
    line.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  @Test
  void weakPassphraseIsRefused() throws IOException {
    Path weak = secret("weak.pass", "kort");
    assertThat(run(new KeysCommand(), "issue", "--dir", keys.toString(), "--committee", "0518", "--name", "X",
            "--not-before", "2022-01-01", "--authority-passphrase-file", caPassphrase.toString(),
            "--passphrase-file", weak.toString()))
        .isEqualTo(2);
    assertThat(err).contains("at least 12");
  }

  @Test
  void wrongAuthorityPassphraseIsRefusedWithItsReason() {
    assertThat(run(new KeysCommand(), "issue", "--dir", keys.toString(), "--committee", "0518", "--name", "X",
            "--authority-passphrase-file", gsbPassphrase.toString(), "--passphrase-file", gsbPassphrase.toString()))
        .isEqualTo(1);
    assertThat(err).contains("GEWEIGERD: De wachtzin van het sleutelbestand is onjuist").contains("WRONG_PASSPHRASE");
  }

  @Test
  void sealUnsealAndVerifyRoundTrip() throws IOException {
    Path pdf = Files.writeString(work.resolve("Na31-2_Vlieland.pdf"), "%PDF-1.7 report");
    Path sealed = work.resolve("vlieland.p7m");
    assertThat(seal("--to", keys.resolve("CSB.encryption.crt.pem").toString(), "--pdf", pdf.toString(),
            "--out", sealed.toString()))
        .as(err).isZero();
    assertThat(out).contains("Fingerprint of the count file: " + Fingerprint.of(Files.readAllBytes(eml)));

    Path received = work.resolve("received");
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--kind", "510b", "--at", "2022-03-18T10:00:00Z", "--committee", "CSB",
            "--keys", keys.toString(), "--passphrase-file", csbPassphrase.toString(), "--out-dir", received.toString()))
        .as(err).isZero();
    assertThat(out).contains("signed by 0096");
    assertThat(Files.readAllBytes(received.resolve(eml.getFileName()))).isEqualTo(Files.readAllBytes(eml));
    assertThat(Files.readString(received.resolve("Na31-2_Vlieland.pdf"))).isEqualTo("%PDF-1.7 report");

    Path received510 = received.resolve(eml.getFileName());
    assertThat(run(new VerifySealCommand(), received510.toString(), "--trust",
            keys.resolve("authority.crt.pem").toString(), "--at", "2022-03-18"))
        .as(err).isZero();
    assertThat(out).contains("Signature valid: signed by 0096").contains("the file's ManagingAuthority");
  }

  @Test
  void unsealForAnotherCommitteeIsRefusedAndWritesNothing() throws IOException {
    Path sealed = work.resolve("vlieland.p7m");
    assertThat(seal("--to", keys.resolve("CSB.encryption.crt.pem").toString(), "--out", sealed.toString())).isZero();
    Path received = work.resolve("received");
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--at", "2022-03-18", "--committee", "0096", "--keys", keys.toString(),
            "--passphrase-file", gsbPassphrase.toString(), "--out-dir", received.toString()))
        .isEqualTo(1);
    assertThat(err).contains("NOT_FOR_US").contains("voor een ander stembureau").contains("for another committee");
    assertThat(received).doesNotExist();
  }

  @Test
  void passwordPackageWithTheWrongPasswordIsRefused() throws IOException {
    Path password = secret("transfer.pass", "overdracht vlieland 2022");
    Path sealed = work.resolve("vlieland.p7m");
    assertThat(seal("--password-file", password.toString(), "--out", sealed.toString())).as(err).isZero();
    Path wrong = secret("wrong.pass", "overdracht vlieland 2023");
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--at", "2022-03-18", "--password-file", wrong.toString(),
            "--out-dir", work.resolve("received").toString()))
        .isEqualTo(1);
    assertThat(err).contains("WRONG_PASSWORD");
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--at", "2022-03-18", "--password-file", password.toString(),
            "--out-dir", work.resolve("received").toString()))
        .as(err).isZero();
  }

  @Test
  void olderPhaseIsRefused() throws IOException {
    Path sealed = work.resolve("vlieland.p7m");
    assertThat(seal("--to", keys.resolve("CSB.encryption.crt.pem").toString(), "--out", sealed.toString())).isZero();
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--min-sequence", "2", "--at", "2022-03-18", "--committee", "CSB",
            "--keys", keys.toString(), "--passphrase-file", csbPassphrase.toString(),
            "--out-dir", work.resolve("received").toString()))
        .isEqualTo(1);
    assertThat(err).contains("OLDER_PHASE");
  }

  @Test
  void verifySealRejectsAnAlteredFile() throws IOException {
    Path sealed = work.resolve("vlieland.p7m");
    assertThat(seal("--to", keys.resolve("CSB.encryption.crt.pem").toString(), "--out", sealed.toString())).isZero();
    Path received = work.resolve("received");
    assertThat(run(new UnsealCommand(), sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--election", ELECTION, "--at", "2022-03-18", "--committee", "CSB", "--keys", keys.toString(),
            "--passphrase-file", csbPassphrase.toString(), "--out-dir", received.toString()))
        .isZero();
    Path file = received.resolve(eml.getFileName());
    String altered = Files.readString(file).replaceFirst("<ValidVotes>(\\d)", "<ValidVotes>9$1");
    Files.writeString(file, altered.equals(Files.readString(file)) ? altered + " " : altered);
    assertThat(run(new VerifySealCommand(), file.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--at", "2022-03-18"))
        .isEqualTo(1);
    assertThat(err).contains("BAD_SIGNATURE");
  }

  @Test
  void verifySealRefusesACountFileSignedByAnotherCommittee() throws Exception {
    // The CSB's genuine signing key signs the GSB Vlieland's count file: valid signature, wrong signer.
    KeyDirectory directory = new KeyDirectory(keys);
    var csb = directory.readCredential("CSB.signing", "p", null, csbPassphrase);
    Files.write(
        work.resolve(eml.getFileName() + ".p7s"),
        nl.uitslag.crypto.DetachedSignatures.sign(
            Files.readAllBytes(eml), csb, java.time.Instant.parse("2022-03-16T22:30:00Z")));
    assertThat(run(new VerifySealCommand(), eml.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
            "--at", "2022-03-18"))
        .isEqualTo(1);
    assertThat(err).contains("SIGNER_NOT_MANAGING_AUTHORITY").contains("ManagingAuthority 0096, signed by CSB");
  }

  @Test
  void keysWithoutSubcommandShowsUsage() {
    assertThat(run(new KeysCommand())).isEqualTo(2);
    assertThat(out).contains("create-authority", "issue", "list", "export-certificate");
  }

  private int seal(String... extra) {
    List<String> args = new ArrayList<>(List.of("--eml", eml.toString(), "--kind", "510b",
        "--created", "2022-03-16T22:30:00Z", "--trust", keys.resolve("authority.crt.pem").toString(),
        "--keys", keys.toString(), "--passphrase-file", gsbPassphrase.toString()));
    args.addAll(List.of(extra));
    return run(new SealCommand(), args.toArray(String[]::new));
  }

  private Path secret(String name, String value) throws IOException {
    return secret(work, name, value);
  }

  private static Path secret(Path dir, String name, String value) throws IOException {
    return Files.writeString(dir.resolve(name), value + "\n", StandardCharsets.UTF_8);
  }

  private int run(Object command, String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(stdout, true));
    line.setErr(new PrintWriter(stderr, true));
    int code = line.execute(args);
    out = stdout.toString();
    err = stderr.toString();
    return code;
  }
}
