package nl.uitslag.app.infra.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The names under which workstations reach this server: its host name and the addresses of its network
 * interfaces, found without contacting any other machine (no DNS lookup).
 */
public final class HostIdentity {
  private HostIdentity() {}

  /**
   * This machine's host name from the operating system, or {@code localhost} when it has none that can appear
   * in a certificate.
   */
  public static String hostName() {
    String name = System.getenv("COMPUTERNAME");
    Path kernel = Path.of("/proc/sys/kernel/hostname");
    if (name == null && Files.isReadable(kernel)) {
      try {
        name = Files.readString(kernel).strip();
      } catch (IOException e) {
        name = null;
      }
    }
    if (name == null) {
      name = System.getenv("HOSTNAME");
    }
    return usable(name) ? name.toLowerCase(Locale.ROOT) : "localhost";
  }

  /** Every address of every interface that is up, loopback included, in the order the system lists them. */
  public static List<InetAddress> addresses() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // Without interface information the certificate still holds the host name and localhost.
    }
    return addresses;
  }

  static boolean usable(String name) {
    return name != null
        && name.length() <= 253
        && name.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
  }
}
