package nl.uitslag.crypto;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;

/**
 * Detached CMS signatures ({@code .p7s}, RFC 5652 SignedData without the content) that a committee puts on every
 * count file it exports, and their verification against the election's trust anchor.
 */
public final class DetachedSignatures {
  private DetachedSignatures() {}

  /**
   * Signs the exact bytes with the committee's signing key (ECDSA P-256, SHA-256); the signer's certificate travels
   * inside the signature, the authority's does not (the receiver has it already).
   *
   * @param signingTime recorded as the signed signingTime attribute; informative only, never used for validation
   */
  public static byte[] sign(byte[] content, Credential signer, Instant signingTime) {
    if (!KeyPurpose.SIGNING.allowedBy(signer.certificate())) {
      throw new IllegalArgumentException("the credential is not a signing credential");
    }
    try {
      Hashtable<org.bouncycastle.asn1.ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
      attributes.put(
          CMSAttributes.signingTime,
          new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
              .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(signer.privateKey()),
                  signer.certificate()));
      generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
      return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | CMSException | IOException
        | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /**
   * Verifies a detached signature over the exact bytes: exactly one signer, whose certificate is in the signature,
   * chains to the election's authority, is valid at {@code at} and is a signing certificate.
   *
   * @return the verified signer
   * @throws RejectedException {@link Rejection#BAD_SIGNATURE} when the bytes or signature were altered, or the
   *     rejections of {@link ElectionTrust#validate}
   */
  public static Signer verify(byte[] content, byte[] signature, ElectionTrust trust, Instant at)
      throws RejectedException {
    CMSSignedData signed;
    SignerInformation signerInfo;
    X509Certificate certificate;
    try {
      signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        throw new RejectedException(Rejection.BAD_SIGNATURE, "expected one signer, found " + signers.size());
      }
      signerInfo = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches =
          signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signerInfo.getSID());
      if (matches.size() != 1) {
        throw new RejectedException(Rejection.UNKNOWN_SIGNER, "the signer's certificate is not in the signature");
      }
      certificate = Certificates.toJdk(matches.iterator().next().getEncoded());
    } catch (CMSException | IOException | RuntimeException e) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "signature is not a readable CMS SignedData", e);
    }
    // Integrity first: altered bytes are reported as such, whoever signed them. Built from the public key, not the
    // certificate, so validity is judged once, by the trust anchor at the validation time, not at the
    // signer-claimed signing time.
    boolean valid;
    try {
      valid =
          signerInfo.verify(
              new JcaSimpleSignerInfoVerifierBuilder()
                  .setProvider(Bc.PROVIDER)
                  .build(certificate.getPublicKey()));
    } catch (CMSException | OperatorCreationException | RuntimeException e) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "content does not match the signature", e);
    }
    if (!valid) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "signature value does not verify");
    }
    String committeeId = trust.validate(certificate, KeyPurpose.SIGNING, at);
    return new Signer(committeeId, certificate);
  }

  /**
   * The committee that made a verified signature.
   *
   * @param committeeId the ManagingAuthority id from the signer's certificate
   */
  public record Signer(String committeeId, X509Certificate certificate) {
    /** The fingerprint of the signer's certificate, for the audit log. */
    public Fingerprint certificateFingerprint() {
      return Certificates.fingerprint(certificate);
    }
  }
}
