package nl.uitslag.app.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.uitslag.crypto.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS files in the data directory: one CA for the life of the installation, a new server certificate per start. */
class LocalTlsTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dataDir;

  static InetAddress ip(String literal) throws IOException {
    return InetAddress.getByName(literal); // a literal: parsed, not looked up
  }

  @Test
  void firstStartCreatesTheCaAndAServerCertificateChainedToIt() throws Exception {
    LocalTls.Prepared tls =
        LocalTls.prepare(dataDir, "telling-01", List.of(ip("127.0.0.1"), ip("192.168.1.20")), NOW, RANDOM);
    assertThat(tls.caCreated()).isTrue();
    List<X509Certificate> chain = Certificates.fromPem(Files.readString(tls.serverCertificateChain()));
    X509Certificate ca = Certificates.fromPem(Files.readString(tls.caCertificate())).get(0);
    assertThat(chain).hasSize(2);
    assertThat(chain.get(1)).isEqualTo(ca);
    chain.get(0).verify(ca.getPublicKey());
    assertThat(Certificates.fingerprint(ca)).isEqualTo(tls.caFingerprint());
    assertThat(Certificates.fingerprint(chain.get(0))).isEqualTo(tls.serverFingerprint());
    assertThat(tls.names()).containsExactly("telling-01", "localhost", "127.0.0.1", "192.168.1.20");
    assertThat(tls.refused()).isEmpty();
  }

  @Test
  void restartKeepsTheCaAndIssuesANewServerCertificate() throws Exception {
    LocalTls.Prepared first = LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    String caKey = Files.readString(LocalTls.directory(dataDir).resolve(LocalTls.CA_KEY));
    String serverKey = Files.readString(first.serverKey());
    LocalTls.Prepared second =
        LocalTls.prepare(dataDir, "telling-01", List.of(), NOW.plus(Duration.ofDays(1)), RANDOM);
    assertThat(second.caCreated()).isFalse();
    assertThat(second.caFingerprint()).isEqualTo(first.caFingerprint());
    assertThat(second.serverFingerprint()).isNotEqualTo(first.serverFingerprint());
    assertThat(Files.readString(LocalTls.directory(dataDir).resolve(LocalTls.CA_KEY))).isEqualTo(caKey);
    assertThat(Files.readString(second.serverKey())).isNotEqualTo(serverKey);
    assertThat(Files.list(LocalTls.directory(dataDir)).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("ca.crt", "ca.key", "server.crt", "server.key");
  }

  @Test
  void privateKeysAreReadableByTheServiceAccountOnly() throws Exception {
    LocalTls.Prepared tls = LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    Path dir = LocalTls.directory(dataDir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.serverKey())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(tls.caCertificate())).doesNotContain("PRIVATE KEY");
    assertThat(Files.readString(tls.serverCertificateChain())).doesNotContain("PRIVATE KEY");
  }

  @Test
  void addressesAndARenamedHostOutsideTheCaAreLeftOutAndReported() throws Exception {
    LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    LocalTls.Prepared renamed =
        LocalTls.prepare(dataDir, "telling-02", List.of(ip("10.0.0.5"), ip("203.0.113.9")), NOW, RANDOM);
    assertThat(renamed.names()).containsExactly("localhost", "10.0.0.5");
    assertThat(renamed.refused()).containsExactly("telling-02", "203.0.113.9");
  }

  @Test
  void aCaCertificateWithoutItsKeyStopsTheStartWithAClearMessage() throws Exception {
    LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    Files.delete(LocalTls.directory(dataDir).resolve(LocalTls.CA_KEY));
    assertThatThrownBy(() -> LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void aCaKeyFromAnotherInstallationIsRefused() throws Exception {
    Path other = Files.createDirectory(dataDir.resolve("other"));
    LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    LocalTls.prepare(other, "telling-01", List.of(), NOW, RANDOM);
    Files.copy(
        LocalTls.directory(other).resolve(LocalTls.CA_KEY),
        LocalTls.directory(dataDir).resolve(LocalTls.CA_KEY),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void consoleMessageListsHttpsUrlsAndBothFingerprintsInSixteenGroups() throws Exception {
    LocalTls.Prepared tls =
        LocalTls.prepare(
            dataDir, "telling-01", List.of(ip("127.0.0.1"), ip("192.168.1.20"), ip("fe80::1")), NOW, RANDOM);
    String message = TlsServerSettings.consoleMessage(tls, 8443, 8080, "0.0.0.0");
    assertThat(message)
        .contains("https://telling-01:8443/", "https://192.168.1.20:8443/", "https://localhost:8443/")
        .contains("https://telling-01:8443/ca")
        .doesNotContain("127.0.0.1:8443", "fe80")
        .contains(tls.caFingerprint().toString(), tls.serverFingerprint().toString())
        .doesNotContain("PRIVATE");
    assertThat(tls.caFingerprint().toString()).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
    assertThat(TlsServerSettings.urls(tls, 443, "127.0.0.1")).containsExactly("https://localhost/");
    assertThat(TlsServerSettings.urls(tls, 8443, "192.168.1.20")).containsExactly("https://192.168.1.20:8443/");
  }

  @Test
  void springPropertiesUseAPemSslBundleAndSecureCookies() throws Exception {
    LocalTls.Prepared tls = LocalTls.prepare(dataDir, "telling-01", List.of(), NOW, RANDOM);
    var props = TlsServerSettings.properties(tls, 8080);
    assertThat(props)
        .containsEntry("server.ssl.bundle", "uitslag")
        .containsEntry("spring.ssl.bundle.pem.uitslag.keystore.certificate", tls.serverCertificateChain().toUri().toString())
        .containsEntry("spring.ssl.bundle.pem.uitslag.keystore.private-key", tls.serverKey().toUri().toString())
        .containsEntry("server.servlet.session.cookie.secure", true)
        .containsEntry(TlsServerSettings.HTTP_PORT_PROPERTY, 8080);
    assertThat(TlsServerSettings.properties(tls, 0)).doesNotContainKey(TlsServerSettings.HTTP_PORT_PROPERTY);
  }

  @Test
  void hostNamesThatCannotBeInACertificateAreNotUsed() {
    assertThat(HostIdentity.usable("telling-01.gemeente.local")).isTrue();
    assertThat(HostIdentity.usable("my_host")).isFalse();
    assertThat(HostIdentity.usable("")).isFalse();
    assertThat(HostIdentity.usable(null)).isFalse();
    assertThat(HostIdentity.usable(HostIdentity.hostName())).isTrue();
  }
}
