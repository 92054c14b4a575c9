package nl.uitslag.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/** The installation CA and the server certificates it issues for HTTPS on the local network. */
class InstallationCaTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();
  static final Credential CA = InstallationCa.create("Telling-01.Gemeente.local", NOW, RANDOM);

  static InetAddress ip(String literal) {
    try {
      // A literal is parsed, never looked up.
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void caIsSelfSignedWithPathLenZeroAndMayOnlySignCertificates() throws Exception {
    X509Certificate ca = CA.certificate();
    ca.verify(ca.getPublicKey());
    assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
    assertThat(ca.getBasicConstraints()).isZero();
    boolean[] usage = ca.getKeyUsage();
    assertThat(usage[5]).as("keyCertSign").isTrue();
    assertThat(usage[0]).as("digitalSignature").isFalse();
    assertThat(ca.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId(), Extension.nameConstraints.getId());
    assertThat(ca.getPublicKey().getAlgorithm()).isIn("EC", "ECDSA");
    assertThat(CA.keyMatchesCertificate()).isTrue();
  }

  @Test
  void caIsValidForTenYearsAllowingAnHourOfClockSkew() {
    X509Certificate ca = CA.certificate();
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(InstallationCa.CA_VALIDITY));
    assertThat(InstallationCa.CA_VALIDITY).isGreaterThanOrEqualTo(Duration.ofDays(3652));
  }

  @Test
  void serverCertificateNamesHostLocalhostAndEveryAddress() throws Exception {
    Credential server =
        InstallationCa.issueServerCertificate(
            CA, "telling-01.gemeente.local", List.of(ip("192.168.1.20"), ip("127.0.0.1"), ip("::1")), NOW, RANDOM);
    List<String> names = new ArrayList<>();
    for (List<?> san : server.certificate().getSubjectAlternativeNames()) {
      names.add(san.get(0) + ":" + san.get(1));
    }
    assertThat(names)
        .containsExactly(
            "2:telling-01.gemeente.local", "2:localhost", "7:192.168.1.20", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1");
  }

  @Test
  void serverCertificateIsForServerAuthenticationOnlyAndNoAuthority() throws Exception {
    X509Certificate cert = issue(List.of(ip("10.1.2.3"))).certificate();
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    boolean[] usage = cert.getKeyUsage();
    assertThat(usage[0]).as("digitalSignature").isTrue();
    for (int i = 1; i < usage.length; i++) {
      assertThat(usage[i]).as("key usage bit " + i).isFalse();
    }
  }

  @Test
  void serverCertificateChainsToTheCaUnderPkix() throws Exception {
    Credential server = issue(List.of(ip("10.1.2.3")));
    assertThat(server.keyMatchesCertificate()).isTrue();
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(NOW.plus(Duration.ofDays(30))));
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(server.certificate())), params);
  }

  @Test
  void serverCertificateDoesNotChainToAnotherInstallationsCa() throws Exception {
    Credential other = InstallationCa.create("telling-01.gemeente.local", NOW, RANDOM);
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(other.certificate(), null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(NOW));
    var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(issue(List.of()).certificate()));
    assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, params))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void serverCertificateIsValidForOneYear() {
    X509Certificate cert = issue(List.of()).certificate();
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
  }

  @Test
  void serverCertificateNeverOutlivesTheCa() {
    Instant lateInCaLife = NOW.plus(InstallationCa.CA_VALIDITY).minus(Duration.ofDays(10));
    X509Certificate cert =
        InstallationCa.issueServerCertificate(CA, "telling-01.gemeente.local", List.of(), lateInCaLife, RANDOM)
            .certificate();
    assertThat(cert.getNotAfter()).isEqualTo(CA.certificate().getNotAfter());
  }

  @Test
  void anExpiredCaIssuesNothing() {
    Instant afterCa = NOW.plus(InstallationCa.CA_VALIDITY).plusSeconds(1);
    assertThatThrownBy(
            () -> InstallationCa.issueServerCertificate(CA, "telling-01.gemeente.local", List.of(), afterCa, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void everyIssueHasAFreshKeyAndSerial() {
    Credential a = issue(List.of());
    Credential b = issue(List.of());
    assertThat(a.certificate().getPublicKey()).isNotEqualTo(b.certificate().getPublicKey());
    assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
  }

  @Test
  void nameConstraintsKeepAStolenCaKeyFromVouchingForOtherSites() {
    X509Certificate ca = CA.certificate();
    assertThat(InstallationCa.permits(ca, "telling-01.gemeente.local")).isTrue();
    assertThat(InstallationCa.permits(ca, "localhost")).isTrue();
    assertThat(InstallationCa.permits(ca, "www.kiesraad.nl")).isFalse();
    assertThat(InstallationCa.permits(ca, "gemeente.local")).isFalse();
    assertThat(InstallationCa.permits(ca, ip("192.168.0.1"))).isTrue();
    assertThat(InstallationCa.permits(ca, ip("172.31.255.255"))).isTrue();
    assertThat(InstallationCa.permits(ca, ip("172.32.0.1"))).isFalse();
    assertThat(InstallationCa.permits(ca, ip("8.8.8.8"))).isFalse();
    assertThat(InstallationCa.permits(ca, ip("fe80::1"))).isTrue();
    assertThat(InstallationCa.permits(ca, ip("2001:db8::1"))).isFalse();
  }

  @Test
  void aPublicAddressOrAnotherHostIsRefusedRatherThanIssued() {
    assertThatThrownBy(() -> issue(List.of(ip("8.8.8.8"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8.8.8.8");
    assertThatThrownBy(() -> InstallationCa.issueServerCertificate(CA, "www.example.org", List.of(), NOW, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("www.example.org");
  }

  @Test
  void invalidHostNamesAreRefused() {
    for (String bad : new String[] {"", " ", "host name", "-host", "host_1", "a..b", "*.gemeente.local"}) {
      assertThatThrownBy(() -> InstallationCa.create(bad, NOW, RANDOM))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> InstallationCa.create(null, NOW, RANDOM)).isInstanceOf(IllegalArgumentException.class);
    assertThat(InstallationCa.normaliseHostName("Telling-01.Gemeente.Local.")).isEqualTo("telling-01.gemeente.local");
  }

  @Test
  void caCertificateRoundTripsThroughPemWithTheSameFingerprint() {
    String pem = Certificates.toPem(List.of(CA.certificate()));
    X509Certificate read = Certificates.fromPem(pem).get(0);
    assertThat(Certificates.fingerprint(read)).isEqualTo(Certificates.fingerprint(CA.certificate()));
    assertThat(Certificates.fingerprint(read).groups()).hasSize(16).allMatch(g -> g.matches("[0-9a-f]{4}"));
  }

  private static Credential issue(List<InetAddress> addresses) {
    return InstallationCa.issueServerCertificate(CA, "telling-01.gemeente.local", addresses, NOW, RANDOM);
  }
}
