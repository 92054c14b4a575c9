package nl.uitslag.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The election's certificate authority and the certificates it issues to the committees that send it count files.
 *
 * <p>Subject of a committee certificate: {@code CN=<ManagingAuthority id>, OU=<election id>, O=<committee name>};
 * the CN is the identity compared with the ManagingAuthority of a count file. Subject of the authority:
 * {@code CN=CA <election id>, OU=<election id>, O=<authority name>}.
 */
public final class Certificates {
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private Certificates() {}

  /**
   * The fingerprint of a certificate: SHA-256 over its exact DER encoding, printed on the key-ceremony form and the
   * installation page in the same lowercase groups as a count file's fingerprint on the PV (spec §4).
   */
  public static Fingerprint fingerprint(X509Certificate certificate) {
    try {
      return Fingerprint.of(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** A fresh EC P-256 key pair: needed for ECDH to a certificate, and used for ECDSA signatures as well. */
  public static KeyPair generateKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 key generation unavailable", e);
    }
  }

  /**
   * Creates the self-signed certificate authority of one election, held by the authority that receives the count
   * files (CSB for GR/AB/PS, the Kiesraad as CSB for TK/EP/EK).
   */
  public static Credential createElectionAuthority(
      String electionId,
      String authorityName,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    Ids.require("election id", electionId);
    requireOrder(notBefore, notAfter);
    KeyPair keys = generateKeyPair(random);
    X500Name subject = name("CA " + electionId, electionId, authorityName);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject, serial(random), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
              // pathLen 0: the election CA issues committee certificates only, never another CA.
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = sign(builder, keys.getPrivate());
      return new Credential(keys.getPrivate(), certificate);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create the election authority certificate", e);
    }
  }

  /**
   * Issues a certificate for one purpose to the committee whose ManagingAuthority id is {@code committeeId}. The
   * validity must lie within the authority's own.
   */
  public static X509Certificate issueCommitteeCertificate(
      Credential authority,
      String committeeId,
      String committeeName,
      KeyPurpose purpose,
      PublicKey publicKey,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    Ids.require("committee id", committeeId);
    requireOrder(notBefore, notAfter);
    X509Certificate ca = authority.certificate();
    if (notBefore.isBefore(ca.getNotBefore().toInstant()) || notAfter.isAfter(ca.getNotAfter().toInstant())) {
      throw new IllegalArgumentException("the committee certificate must lie within the authority's validity");
    }
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca,
                  serial(random),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  name(committeeId, electionId(ca), committeeName),
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(purpose.keyUsageBits()))
              .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
      return sign(builder, authority.privateKey());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue the committee certificate", e);
    }
  }

  /** The ManagingAuthority id a committee certificate is bound to (its single CN). */
  public static String committeeId(X509Certificate certificate) {
    return single(certificate, BCStyle.CN);
  }

  /** The election id a certificate belongs to (its single OU). */
  public static String electionId(X509Certificate certificate) {
    return single(certificate, BCStyle.OU);
  }

  /** The committee or authority name (its O), for display only: never used for a decision. */
  public static String displayName(X509Certificate certificate) {
    return single(certificate, BCStyle.O);
  }

  /** Whether the certificate may be used for this purpose according to its key-usage extension. */
  public static boolean allows(X509Certificate certificate, KeyPurpose purpose) {
    return purpose.allowedBy(certificate);
  }

  /** PEM text of one or more certificates, in the given order. */
  public static String toPem(List<X509Certificate> certificates) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(certificate);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory cannot fail", e);
    }
    return out.toString();
  }

  /** Reads every certificate in PEM text; anything else in the text is an error. */
  public static List<X509Certificate> fromPem(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (!(item instanceof X509CertificateHolder)) {
          throw new IllegalArgumentException("expected only certificates in the PEM text, found " + item.getClass());
        }
        certificates.add(toJdk(((X509CertificateHolder) item).getEncoded()));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable as PEM certificates: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate found in the PEM text");
    }
    return certificates;
  }

  /** Converts an encoded certificate to the JDK's own representation, which the PKIX validator expects. */
  static X509Certificate toJdk(byte[] encoded) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a valid X.509 certificate", e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, java.security.PrivateKey key)
      throws IOException {
    try {
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(Bc.PROVIDER).build(key));
      return toJdk(holder.getEncoded());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the certificate", e);
    }
  }

  private static X500Name name(String commonName, String electionId, String organisation) {
    if (organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("a name for the committee or authority is required");
    }
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, commonName)
        .addRDN(BCStyle.OU, electionId)
        .addRDN(BCStyle.O, organisation.strip())
        .build();
  }

  private static String single(X509Certificate certificate, ASN1ObjectIdentifier attribute) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] rdns = subject.getRDNs(attribute);
    if (rdns.length != 1 || rdns[0].isMultiValued()) {
      throw new IllegalArgumentException(
          "certificate subject must have exactly one " + BCStyle.INSTANCE.oidToDisplayName(attribute));
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String ? ((ASN1String) value).getString() : IETFUtils.valueToString(value);
  }

  private static BigInteger serial(SecureRandom random) {
    // 127 random bits: positive, unpredictable, and within the 20-octet limit of RFC 5280 4.1.2.2.
    return new BigInteger(127, random).setBit(0);
  }

  private static void requireOrder(Instant notBefore, Instant notAfter) {
    if (!notBefore.isBefore(notAfter)) {
      throw new IllegalArgumentException("notBefore must be before notAfter");
    }
  }
}
