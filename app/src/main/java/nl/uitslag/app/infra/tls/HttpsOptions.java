package nl.uitslag.app.infra.tls;

import java.net.InetAddress;
import java.util.List;

/**
 * Whether the server answers over HTTPS and, if so, on which plain-HTTP port it redirects, and for which host
 * name and addresses its certificate is issued.
 *
 * @param httpPort the port whose plain-HTTP requests are redirected to HTTPS; 0 or less for none
 */
public record HttpsOptions(boolean enabled, int httpPort, String hostName, List<InetAddress> addresses) {
  public HttpsOptions {
    addresses = List.copyOf(addresses);
  }

  /** Plain HTTP only, as the demo and tests run. */
  public static HttpsOptions off() {
    return new HttpsOptions(false, 0, "localhost", List.of());
  }

  /** HTTPS for this machine's host name and interface addresses, with a redirect from {@code httpPort}. */
  public static HttpsOptions forThisMachine(int httpPort) {
    return new HttpsOptions(true, httpPort, HostIdentity.hostName(), HostIdentity.addresses());
  }
}
