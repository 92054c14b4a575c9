package nl.uitslag.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import nl.uitslag.crypto.Credential;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the name constraints (RFC 5280 4.2.1.10) over many addresses, not just the examples. */
class InstallationCaPropertiesTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();
  static final Credential CA = InstallationCa.create("telling-01", NOW, RANDOM);

  static InetAddress ipv4(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Property(tries = 30)
  void everyRfc1918AddressIsPermittedAndNamedInTheCertificate(
      @ForAll @IntRange(max = 255) int b, @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d)
      throws Exception {
    for (InetAddress address : List.of(ipv4(10, b, c, d), ipv4(172, 16 + b % 16, c, d), ipv4(192, 168, c, d))) {
      assertThat(InstallationCa.permits(CA.certificate(), address)).as(address.toString()).isTrue();
      Credential server = InstallationCa.issueServerCertificate(CA, "telling-01", List.of(address), NOW, RANDOM);
      List<String> names = new java.util.ArrayList<>();
      for (List<?> name : server.certificate().getSubjectAlternativeNames()) {
        names.add(name.get(0) + ":" + name.get(1));
      }
      assertThat(names).contains("7:" + address.getHostAddress());
    }
  }

  @Property(tries = 100)
  void publicIpv4AddressesAreRefused(
      @ForAll @IntRange(min = 11, max = 126) int a,
      @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d) {
    InetAddress address = ipv4(a, b, c, d);
    assertThat(InstallationCa.permits(CA.certificate(), address)).as(address.toString()).isFalse();
    assertThatThrownBy(() -> InstallationCa.issueServerCertificate(CA, "telling-01", List.of(address), NOW, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
