package nl.uitslag.app.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import nl.uitslag.app.Server;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server as {@code serve} starts it, on loopback only: HTTPS with a certificate that a client trusting
 * only the installation CA accepts, plain HTTP redirected, HSTS, the same CA after a restart, and no private key
 * on the console.
 */
class HttpsServerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void servesHttpsRedirectsHttpAndKeepsTheCaOverARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("uitslag-https");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(new Tee(original, console), true, StandardCharsets.UTF_8));
    try {
      int httpsPort = freePort();
      int httpPort = freePort();
      Fingerprint firstServer;
      HttpClient client;
      try (ConfigurableApplicationContext first = start(dataDir, httpsPort, httpPort)) {
        X509Certificate ca = Certificates.fromPem(Files.readString(LocalTls.caCertificate(dataDir))).get(0);
        client = clientTrusting(ca);
        firstServer = Certificates.fingerprint(serverCertificate(dataDir));

        HttpResponse<String> login = client.send(get("https://localhost:" + httpsPort + "/login"), ofString());
        assertThat(login.statusCode()).as("no user yet: to set-up").isEqualTo(302);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
            hsts -> assertThat(hsts).contains("max-age="));
        HttpResponse<String> setup = client.send(get("https://127.0.0.1:" + httpsPort + "/setup"), ofString());
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.headers().firstValue("Cache-Control")).hasValueSatisfying(
            cache -> assertThat(cache).contains("no-store"));
        assertThat(setup.headers().allValues("Set-Cookie"))
            .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));

        HttpResponse<String> redirect =
            client.send(get("http://127.0.0.1:" + httpPort + "/login?lang=en"), ofString());
        assertThat(redirect.statusCode()).isBetween(301, 308);
        assertThat(redirect.headers().firstValue("Location"))
            .hasValue("https://127.0.0.1:" + httpsPort + "/login?lang=en");
        assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(redirect.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> caFile = client.send(get("https://localhost:" + httpsPort + "/ca.crt"), ofString());
        assertThat(caFile.statusCode()).isEqualTo(200);
        assertThat(caFile.headers().firstValue("Content-Type")).hasValue("application/x-x509-ca-cert");
        assertThat(Certificates.fromPem(caFile.body())).containsExactly(ca);

        HttpClient trustsNothingLocal =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> trustsNothingLocal.send(get("https://localhost:" + httpsPort + "/login"), ofString()))
            .isInstanceOf(SSLHandshakeException.class);
      }

      int httpsPort2 = freePort();
      try (ConfigurableApplicationContext second = start(dataDir, httpsPort2, freePort())) {
        assertThat(Certificates.fingerprint(serverCertificate(dataDir))).isNotEqualTo(firstServer);
        // The client still trusts only the CA it downloaded before the restart.
        assertThat(client.send(get("https://localhost:" + httpsPort2 + "/ca"), ofString()).statusCode())
            .isEqualTo(200);
      }

      String output = console.toString(StandardCharsets.UTF_8);
      assertThat(output).contains("https://localhost:" + httpsPort + "/");
      X509Certificate ca = Certificates.fromPem(Files.readString(LocalTls.caCertificate(dataDir))).get(0);
      assertThat(output).contains(Certificates.fingerprint(ca).toString(), Certificates.fingerprint(serverCertificate(dataDir)).toString());
      assertThat(output).doesNotContain("PRIVATE KEY");
      for (String keyFile : List.of("ca.key", "server.key")) {
        for (String line : Files.readAllLines(LocalTls.directory(dataDir).resolve(keyFile))) {
          if (!line.startsWith("-----")) {
            assertThat(output).as("a line of " + keyFile).doesNotContain(line);
          }
        }
      }
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void httpsAndTheRedirectCannotShareAPort() throws Exception {
    Path dataDir = Files.createTempDirectory("uitslag-https");
    assertThatThrownBy(() -> start(dataDir, 18443, 18443))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different ports");
  }

  private static ConfigurableApplicationContext start(Path dataDir, int httpsPort, int httpPort) {
    HttpsOptions https = new HttpsOptions(true, httpPort, "localhost", List.of(LOOPBACK));
    // Empty air-gap targets: a test never probes outside addresses.
    return Server.start(dataDir, httpsPort, LOOPBACK.getHostAddress(), false, "", https);
  }

  private static X509Certificate serverCertificate(Path dataDir) throws IOException {
    return Certificates.fromPem(Files.readString(LocalTls.directory(dataDir).resolve(LocalTls.SERVER_CERTIFICATE)))
        .get(0);
  }

  private static HttpClient clientTrusting(X509Certificate ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("uitslag-ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(ssl)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    }
  }

  /** Writes to the real console and keeps a copy to inspect. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
