package nl.uitslag.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import nl.uitslag.crypto.Certificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code uitslag unseal} and {@code uitslag verify-seal} honour the election's revocation list (offline: no CRL on
 * an air gap, docs/COUNT-FILE-SECURITY.md §3.2), given as the file the server exports: a package or file signed by
 * a revoked certificate is refused with CERTIFICATE_REVOKED and exit code 3, and writes nothing.
 */
class RevocationCommandsTest {
  private static final String ELECTION = "GR2022_Vlieland";

  @TempDir static Path ceremony;
  private static Path keys;
  private static Path csbPassphrase;
  private static String gsbSerial;

  @TempDir Path work;
  private Path eml;
  private Path sealed;
  private String out;
  private String err;

  @BeforeAll
  static void ceremony() throws IOException {
    keys = ceremony.resolve("keys");
    Path ca = secret(ceremony, "ca.pass", "authority passphrase 2022");
    Path gsb = secret(ceremony, "gsb.pass", "gsb vlieland passphrase");
    csbPassphrase = secret(ceremony, "csb.pass", "csb vlieland passphrase");
    RevocationCommandsTest t = new RevocationCommandsTest();
    assertThat(t.run(new KeysCommand(), "create-authority", "--dir", keys.toString(), "--election", ELECTION,
        "--name", "Centraal stembureau Vlieland", "--not-before", "2022-01-01", "--not-after", "2022-12-31",
        "--passphrase-file", ca.toString())).as(t.err).isZero();
    for (String[] c : new String[][] {{"0096", gsb.toString()}, {"CSB", csbPassphrase.toString()}}) {
      assertThat(t.run(new KeysCommand(), "issue", "--dir", keys.toString(), "--committee", c[0], "--name", c[0],
          "--not-before", "2022-01-01", "--authority-passphrase-file", ca.toString(), "--passphrase-file", c[1])).as(t.err).isZero();
    }
    gsbSerial = Certificates.fromPem(Files.readString(keys.resolve("0096.signing.crt.pem"))).get(0)
        .getSerialNumber().toString(16);
  }

  @BeforeEach
  void aSealedPackage() throws IOException {
    eml = work.resolve("Telling_GR2022_Vlieland.eml.xml");
    String shared = System.getProperty("uitslag.shared", "../../shared");
    Files.copy(Path.of(shared, "data", "eml", "GR2022", "Telling_GR2022_Vlieland.eml.xml"), eml);
    sealed = work.resolve("vlieland.p7m");
    assertThat(run(new SealCommand(), "--eml", eml.toString(), "--kind", "510b", "--trust",
        keys.resolve("authority.crt.pem").toString(), "--keys", keys.toString(), "--passphrase-file",
        ceremony.resolve("gsb.pass").toString(), "--to", keys.resolve("CSB.encryption.crt.pem").toString(),
        "--created", "2022-03-16T22:30:00Z", "--out", sealed.toString())).as(err).isZero();
  }

  private Path list(String election, String serial) throws IOException {
    Path f = work.resolve("revoked-" + election + ".txt");
    Files.writeString(f, new RevocationList(election, serial == null ? Map.of()
        : Map.of(serial, new RevocationList.Entry(serial, Instant.parse("2022-03-17T08:00:00Z"), "sleutel gestolen")))
        .text(Instant.parse("2022-03-17T09:00:00Z")));
    return f;
  }

  private int unseal(Path received, String... extra) {
    String[] base = {sealed.toString(), "--trust", keys.resolve("authority.crt.pem").toString(), "--election",
        ELECTION, "--at", "2022-03-18T10:00:00Z", "--committee", "CSB", "--keys", keys.toString(),
        "--passphrase-file", csbPassphrase.toString(), "--out-dir", received.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(new UnsealCommand(), all);
  }

  @Test
  void unsealRefusesAPackageOfARevokedSignerWithItsOwnExitCodeAndWritesNothing() throws IOException {
    Path received = work.resolve("received");
    assertThat(unseal(received, "--revoked", list(ELECTION, gsbSerial).toString())).as(err).isEqualTo(3);
    assertThat(err).contains("CERTIFICATE_REVOKED").contains("ingetrokken").contains("revoked");
    assertThat(received).doesNotExist();
  }

  @Test
  void unsealAcceptsThePackageWhenTheListDoesNotNameTheSigner() throws IOException {
    Path received = work.resolve("received");
    assertThat(unseal(received, "--revoked", list(ELECTION, "abc123").toString())).as(err).isZero();
    assertThat(received.resolve(eml.getFileName())).exists();
  }

  @Test
  void verifySealRefusesARevokedSignerWithTheAuthoritysReason() throws IOException {
    Path received = work.resolve("received");
    assertThat(unseal(received)).as(err).isZero();
    Path file = received.resolve(eml.getFileName());
    assertThat(run(new VerifySealCommand(), file.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
        "--at", "2022-03-18")).as(err).isZero();
    assertThat(run(new VerifySealCommand(), file.toString(), "--trust", keys.resolve("authority.crt.pem").toString(),
        "--at", "2022-03-18", "--revoked", list(ELECTION, gsbSerial).toString())).isEqualTo(3);
    assertThat(err).contains("CERTIFICATE_REVOKED").contains("sleutel gestolen").contains(gsbSerial);
  }

  @Test
  void aListOfAnotherElectionOrAMissingDatabaseIsAUsageError() throws IOException {
    Path received = work.resolve("received");
    assertThat(unseal(received, "--revoked", list("GR2022_WestMaasenWaal", gsbSerial).toString())).isEqualTo(2);
    assertThat(err).contains("GR2022_WestMaasenWaal");
    assertThat(unseal(received, "--data-dir", work.resolve("no-such-dir").toString())).isEqualTo(2);
    assertThat(err).contains("no Uitslag database");
    assertThat(received).doesNotExist();
  }

  @Test
  void theTextFormRoundTripsAndBadInputIsRefusedWithTheLine() {
    RevocationList l = new RevocationList(ELECTION, Map.of("1f", new RevocationList.Entry("1f",
        Instant.parse("2022-03-17T08:00:00Z"), "reden\nover twee regels")));
    String text = l.text(Instant.parse("2022-03-17T09:00:00Z"));
    assertThat(text).startsWith("format=uitslag-revoked/1\n").contains("revoked=1f;2022-03-17T08:00:00Z;reden over");
    RevocationList back = RevocationList.parse(text);
    assertThat(back.electionId()).isEqualTo(ELECTION);
    assertThat(back.entries().get("1f").reason()).isEqualTo("reden over twee regels");

    assertThatThrownBy(() -> RevocationList.parse("format=uitslag-revoked/2\nelection=X\n"))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> RevocationList.parse("format=uitslag-revoked/1\nrevoked=1f;2022-03-17T08:00:00Z;x\n"))
        .hasMessageContaining("does not name its election");
    assertThatThrownBy(() -> RevocationList.parse("format=uitslag-revoked/1\nelection=X\nrevoked=1F;2022;x\n"))
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> RevocationList.parse("format=uitslag-revoked/1\nelection=X\nrevoked=1f;gisteren;x\n"))
        .hasMessageContaining("not a UTC time");
    assertThatThrownBy(() -> RevocationList.parse("format=uitslag-revoked/1\nelection=X\nsigned=yes\n"))
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() -> RevocationList.parse("")).hasMessageContaining("empty");
  }

  private static Path secret(Path dir, String name, String value) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, value, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
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
