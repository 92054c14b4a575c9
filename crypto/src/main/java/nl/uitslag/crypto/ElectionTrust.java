package nl.uitslag.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * The trust anchor of one election: the certificate of its certificate authority, distributed with the election
 * definition and checked against the fingerprint printed on the key-ceremony form.
 */
public final class ElectionTrust {
  private final X509Certificate authority;
  private final String electionId;

  private ElectionTrust(X509Certificate authority) {
    this.authority = authority;
    this.electionId = Certificates.electionId(authority);
  }

  /**
   * Trusts this authority certificate. Refuses anything that is not a self-signed CA certificate, so a committee
   * certificate can never be configured as an anchor by mistake.
   */
  public static ElectionTrust of(X509Certificate authority) {
    if (authority.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("not a CA certificate (basicConstraints CA is not set)");
    }
    if (!authority.getSubjectX500Principal().equals(authority.getIssuerX500Principal())) {
      throw new IllegalArgumentException("the election authority certificate must be self-signed");
    }
    try {
      authority.verify(authority.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the election authority certificate's self-signature is invalid", e);
    }
    return new ElectionTrust(authority);
  }

  public X509Certificate authority() {
    return authority;
  }

  /** The election this trust anchor belongs to (the authority certificate's OU). */
  public String electionId() {
    return electionId;
  }

  /** The fingerprint to compare with the printed key-ceremony form. */
  public Fingerprint fingerprint() {
    return Certificates.fingerprint(authority);
  }

  /**
   * Checks that the committee certificate chains to this election's authority, is valid at {@code at}, and may be
   * used for {@code purpose}; returns the committee's ManagingAuthority id.
   *
   * @throws RejectedException {@link Rejection#UNKNOWN_SIGNER}, {@link Rejection#CERTIFICATE_EXPIRED},
   *     {@link Rejection#CERTIFICATE_NOT_YET_VALID} or {@link Rejection#CERTIFICATE_WRONG_PURPOSE}
   */
  public String validate(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
    Date date = Date.from(at);
    // The JDK's PKIX validator does not check the anchor's own validity period, so it is checked here.
    if (date.after(authority.getNotAfter())) {
      throw new RejectedException(Rejection.CERTIFICATE_EXPIRED, "election authority expired " + authority.getNotAfter());
    }
    if (date.before(authority.getNotBefore())) {
      throw new RejectedException(
          Rejection.CERTIFICATE_NOT_YET_VALID, "election authority valid from " + authority.getNotBefore());
    }
    try {
      CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
      // Revocation is handled offline by re-issuing the election trust (docs/COUNT-FILE-SECURITY.md); there is no
      // network to ask on an air-gapped LAN.
      parameters.setRevocationEnabled(false);
      parameters.setDate(date);
      CertPathValidator.getInstance("PKIX").validate(path, parameters);
    } catch (CertPathValidatorException e) {
      throw new RejectedException(reasonFor(e), describe(certificate) + ": " + e.getMessage(), e);
    } catch (InvalidAlgorithmParameterException | java.security.cert.CertificateException
        | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("PKIX validation unavailable", e);
    }
    if (!purpose.allowedBy(certificate)) {
      throw new RejectedException(
          Rejection.CERTIFICATE_WRONG_PURPOSE, describe(certificate) + " is not a " + purpose + " certificate");
    }
    String committeeId;
    try {
      committeeId = Certificates.committeeId(certificate);
    } catch (IllegalArgumentException e) {
      throw new RejectedException(Rejection.UNKNOWN_SIGNER, describe(certificate) + ": " + e.getMessage(), e);
    }
    if (!Ids.valid(committeeId) || !electionId.equals(Certificates.electionId(certificate))) {
      throw new RejectedException(Rejection.UNKNOWN_SIGNER, describe(certificate) + " is not for " + electionId);
    }
    return committeeId;
  }

  private static Rejection reasonFor(CertPathValidatorException e) {
    if (e.getReason() == BasicReason.EXPIRED) {
      return Rejection.CERTIFICATE_EXPIRED;
    }
    if (e.getReason() == BasicReason.NOT_YET_VALID) {
      return Rejection.CERTIFICATE_NOT_YET_VALID;
    }
    return Rejection.UNKNOWN_SIGNER;
  }

  private static String describe(X509Certificate certificate) {
    return "certificate " + certificate.getSubjectX500Principal().getName() + " serial "
        + certificate.getSerialNumber().toString(16);
  }
}
