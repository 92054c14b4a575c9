package nl.uitslag.app.infra.tls;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Spring Boot settings and the console lines that put a prepared installation CA to work. */
public final class TlsServerSettings {
  /** The name of the SSL bundle in Spring Boot's {@code spring.ssl.bundle.pem} settings. */
  static final String BUNDLE = "uitslag";

  /** Set to the plain-HTTP port when HTTPS is on; {@link HttpsRedirectConfig} adds the redirecting connector. */
  public static final String HTTP_PORT_PROPERTY = "uitslag.tls.http-port";

  private TlsServerSettings() {}

  /** Spring Boot properties for an HTTPS server with the prepared certificate and key. */
  public static Map<String, Object> properties(LocalTls.Prepared tls, int httpPort) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.certificate", tls.serverCertificateChain().toUri().toString());
    props.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.private-key", tls.serverKey().toUri().toString());
    props.put("server.ssl.bundle", BUNDLE);
    props.put("server.ssl.enabled", true);
    // Cookies sent over HTTPS only: a session cookie must never travel in the clear, not even to the redirect.
    props.put("server.servlet.session.cookie.secure", true);
    if (httpPort > 0) {
      props.put(HTTP_PORT_PROPERTY, httpPort);
    }
    return props;
  }

  /**
   * What the operator reads on the console after start: where workstations connect and the fingerprints to
   * compare when installing the CA. Holds no private key.
   */
  public static String consoleMessage(LocalTls.Prepared tls, int httpsPort, int httpPort, String bindAddress) {
    List<String> urls = urls(tls, httpsPort, bindAddress);
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator())
        .append("Uitslag is bereikbaar via HTTPS / Uitslag is reachable over HTTPS:")
        .append(System.lineSeparator());
    for (String url : urls) {
      out.append("  ").append(url).append(System.lineSeparator());
    }
    if (httpPort > 0) {
      out.append("  (HTTP op poort / on port ")
          .append(httpPort)
          .append(" stuurt door naar HTTPS / redirects to HTTPS)")
          .append(System.lineSeparator());
    }
    out.append(
            tls.caCreated()
                ? "Nieuwe installatie-CA aangemaakt / new installation CA created; SHA-256:"
                : "Installatie-CA / installation CA; SHA-256:")
        .append(System.lineSeparator())
        .append("  ")
        .append(tls.caFingerprint())
        .append(System.lineSeparator())
        .append("Servercertificaat / server certificate; SHA-256:")
        .append(System.lineSeparator())
        .append("  ")
        .append(tls.serverFingerprint())
        .append(System.lineSeparator())
        .append("Installeer de CA op elke werkplek / install the CA on every workstation: ")
        .append(urls.get(0))
        .append("ca")
        .append(System.lineSeparator());
    if (!tls.refused().isEmpty()) {
      out.append("Niet in het certificaat (buiten de CA) / not in the certificate (outside the CA): ")
          .append(String.join(", ", tls.refused()))
          .append(System.lineSeparator());
    }
    return out.toString();
  }

  static List<String> urls(LocalTls.Prepared tls, int httpsPort, String bindAddress) {
    Set<String> hosts = new LinkedHashSet<>();
    boolean wildcard = bindAddress == null || bindAddress.equals("0.0.0.0") || bindAddress.equals("::");
    if (wildcard) {
      for (String name : tls.names()) {
        if (!isLoopback(name)) {
          hosts.add(name);
        }
      }
      hosts.add("localhost");
    } else {
      hosts.add(isLoopback(bindAddress) ? "localhost" : bindAddress);
    }
    List<String> urls = new ArrayList<>();
    for (String host : hosts) {
      String shown = host.contains(":") ? "[" + host + "]" : host;
      urls.add("https://" + shown + (httpsPort == 443 ? "" : ":" + httpsPort) + "/");
    }
    return urls;
  }

  private static boolean isLoopback(String name) {
    if (name.equals("localhost")) {
      return true;
    }
    if (!name.matches("[0-9a-fA-F:.]+") || !(name.contains(":") || name.matches("[0-9.]+"))) {
      return false;
    }
    try {
      // A literal address is parsed, never looked up.
      InetAddress address = InetAddress.getByName(name);
      return address.isLoopbackAddress() || (address instanceof Inet6Address && address.isLinkLocalAddress());
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
