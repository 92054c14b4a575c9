package nl.uitslag.crypto.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority of one Uitslag installation, created when the server first starts, and the server
 * certificates it issues so that workstations on the local network reach the server over HTTPS.
 *
 * <p>Workstations install the authority as a trusted root. So that a stolen authority key cannot be used to
 * impersonate any other web site to those workstations, the authority carries name constraints (RFC 5280
 * 4.2.1.10): it can only vouch for the server's own host name, {@code localhost}, and private, loopback and
 * link-local addresses.
 */
public final class InstallationCa {
  /** Ten years: workstations install the authority once; the installation outlives a few elections. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3653);

  /** One year: a fresh server certificate is issued at every start, so a short life costs nothing. */
  public static final Duration SERVER_VALIDITY = Duration.ofDays(365);

  /** Tolerates a workstation clock that runs somewhat behind the server's. */
  static final Duration CLOCK_SKEW = Duration.ofHours(1);

  /** Private (RFC 1918, RFC 4193), loopback and link-local ranges, as address and mask. */
  static final List<String> PERMITTED_NETWORKS =
      List.of(
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "::1/128",
          "fc00::/7",
          "fe80::/10");

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  /** Passed explicitly, never registered globally: Tomcat's TLS must keep using the JDK providers. */
  private static final Provider BC = new BouncyCastleProvider();

  private InstallationCa() {}

  /**
   * Creates the self-signed authority of this installation for the server whose host name is {@code hostName},
   * valid for {@link #CA_VALIDITY} from {@code now}.
   */
  public static Credential create(String hostName, Instant now, SecureRandom random) {
    String host = normaliseHostName(hostName);
    KeyPair keys = Certificates.generateKeyPair(random);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "Uitslag CA " + host)
            .addRDN(BCStyle.OU, "installatie " + now.toString().substring(0, 10))
            .addRDN(BCStyle.O, "Uitslag")
            .build();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial(random),
                  Date.from(now.minus(CLOCK_SKEW)),
                  Date.from(now.plus(CA_VALIDITY)),
                  subject,
                  keys.getPublic())
              // pathLen 0: this authority issues server certificates only, never another authority.
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              // RFC 5280 4.2.1.10: name constraints MUST be critical.
              .addExtension(Extension.nameConstraints, true, nameConstraints(host))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new Credential(keys.getPrivate(), sign(builder, keys.getPrivate()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create the installation CA certificate", e);
    }
  }

  /**
   * Issues a server certificate with a fresh key for {@code hostName}, {@code localhost} and the given addresses,
   * valid for {@link #SERVER_VALIDITY} from {@code now} but never beyond the authority's own validity.
   *
   * @throws IllegalArgumentException when a name or address lies outside what the authority may vouch for (see
   *     {@link #permits}), or when the authority has expired
   */
  public static Credential issueServerCertificate(
      Credential ca, String hostName, List<InetAddress> addresses, Instant now, SecureRandom random) {
    String host = normaliseHostName(hostName);
    X509Certificate caCertificate = ca.certificate();
    Instant caEnd = caCertificate.getNotAfter().toInstant();
    if (!now.isBefore(caEnd)) {
      throw new IllegalArgumentException("the installation CA expired on " + caEnd);
    }
    Set<String> dnsNames = new LinkedHashSet<>(List.of(host, "localhost"));
    List<GeneralName> names = new ArrayList<>();
    for (String dns : dnsNames) {
      requirePermitted(caCertificate, dns);
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (InetAddress address : new LinkedHashSet<>(addresses)) {
      requirePermitted(caCertificate, address);
      names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(withoutScope(address))));
    }
    KeyPair keys = Certificates.generateKeyPair(random);
    Instant end = now.plus(SERVER_VALIDITY).isAfter(caEnd) ? caEnd : now.plus(SERVER_VALIDITY);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, host).addRDN(BCStyle.O, "Uitslag").build();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      PublicKey publicKey = keys.getPublic();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  caCertificate, serial(random), Date.from(now.minus(CLOCK_SKEW)), Date.from(end), subject, publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              // Browsers ignore the CN; the names they check are these (RFC 6125).
              .addExtension(
                  Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])))
              .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
      return new Credential(keys.getPrivate(), sign(builder, ca.privateKey()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue the server certificate", e);
    }
  }

  /**
   * Whether the authority may vouch for this host name: its name constraints permit the name itself or a
   * sub-domain of a permitted name (RFC 5280 4.2.1.10). An authority without constraints permits everything.
   */
  public static boolean permits(X509Certificate ca, String hostName) {
    NameConstraints constraints = constraints(ca);
    if (constraints == null) {
      return true;
    }
    String host = hostName.toLowerCase(Locale.ROOT);
    boolean anyDns = false;
    for (GeneralSubtree subtree : permitted(constraints)) {
      GeneralName base = subtree.getBase();
      if (base.getTagNo() == GeneralName.dNSName) {
        anyDns = true;
        String allowed = base.getName().toString().toLowerCase(Locale.ROOT);
        if (host.equals(allowed) || host.endsWith("." + allowed)) {
          return true;
        }
      }
    }
    return !anyDns;
  }

  /** Whether the authority may vouch for this address: it lies in one of the permitted networks. */
  public static boolean permits(X509Certificate ca, InetAddress address) {
    NameConstraints constraints = constraints(ca);
    if (constraints == null) {
      return true;
    }
    byte[] ip = withoutScope(address);
    boolean anyIp = false;
    for (GeneralSubtree subtree : permitted(constraints)) {
      GeneralName base = subtree.getBase();
      if (base.getTagNo() == GeneralName.iPAddress) {
        anyIp = true;
        byte[] network = DEROctetString.getInstance(base.getName()).getOctets();
        if (network.length == 2 * ip.length && inNetwork(ip, network)) {
          return true;
        }
      }
    }
    return !anyIp;
  }

  /**
   * A host name as it goes into a certificate: lower case, without a trailing dot.
   *
   * @throws IllegalArgumentException when it is not a DNS name (RFC 1123 labels)
   */
  static String normaliseHostName(String hostName) {
    if (hostName == null) {
      throw new IllegalArgumentException("a host name is required");
    }
    String host = hostName.strip().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()
        || host.length() > 253
        || !host.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
      throw new IllegalArgumentException("not a valid host name: " + hostName);
    }
    return host;
  }

  private static NameConstraints nameConstraints(String host) {
    List<GeneralSubtree> permitted = new ArrayList<>();
    for (String dns : new LinkedHashSet<>(List.of(host, "localhost"))) {
      permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dns)));
    }
    for (String network : PERMITTED_NETWORKS) {
      permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, network)));
    }
    return new NameConstraints(permitted.toArray(new GeneralSubtree[0]), null);
  }

  private static NameConstraints constraints(X509Certificate ca) {
    byte[] value = ca.getExtensionValue(Extension.nameConstraints.getId());
    if (value == null) {
      return null;
    }
    return NameConstraints.getInstance(DEROctetString.getInstance(value).getOctets());
  }

  private static GeneralSubtree[] permitted(NameConstraints constraints) {
    GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
    return permitted == null ? new GeneralSubtree[0] : permitted;
  }

  private static boolean inNetwork(byte[] ip, byte[] networkAndMask) {
    for (int i = 0; i < ip.length; i++) {
      byte mask = networkAndMask[ip.length + i];
      if ((ip[i] & mask) != (networkAndMask[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static void requirePermitted(X509Certificate ca, String host) {
    if (!permits(ca, host)) {
      throw new IllegalArgumentException("the installation CA may not vouch for host name " + host);
    }
  }

  private static void requirePermitted(X509Certificate ca, InetAddress address) {
    if (!permits(ca, address)) {
      throw new IllegalArgumentException(
          "the installation CA may not vouch for address " + address.getHostAddress());
    }
  }

  /** The raw address bytes; an IPv6 scope (fe80::1%eth0) is local to this machine and has no place in a name. */
  private static byte[] withoutScope(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress()).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + address, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
    try {
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(key));
      // The JDK's own representation, which the PKIX validator and Tomcat expect.
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the certificate", e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    // 127 random bits: positive, unpredictable, and within the 20-octet limit of RFC 5280 4.1.2.2.
    return new BigInteger(127, random).setBit(0);
  }
}
