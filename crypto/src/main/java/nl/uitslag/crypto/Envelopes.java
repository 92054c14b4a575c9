package nl.uitslag.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.crypto.AEADBadTagException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.PasswordRecipient;
import org.bouncycastle.cms.PasswordRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcePasswordEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * Encryption of a transfer package for its receiving committee: CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM,
 * the content key agreed with the recipient's certificate (ephemeral-static ECDH P-256, X9.63 KDF with SHA-256,
 * AES-256 key wrap) or derived from a password (PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256 KEK).
 */
public final class Envelopes {
  /** Far above what this format writes (600,000), far below what would stall an import. */
  static final int MAX_ITERATIONS = 10_000_000;

  private Envelopes() {}

  /** Encrypts to the receiving committee's encryption certificate (already validated by the caller). */
  public static byte[] encryptTo(byte[] content, X509Certificate recipient, SecureRandom random) {
    if (!KeyPurpose.ENCRYPTION.allowedBy(recipient)) {
      throw new IllegalArgumentException("the recipient certificate is not an encryption certificate");
    }
    try {
      // A fresh originator key per package: ephemeral-static ECDH, so the sender keeps no decrypting secret.
      KeyPair ephemeral = Certificates.generateKeyPair(random);
      CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
      generator.addRecipientInfoGenerator(
          new JceKeyAgreeRecipientInfoGenerator(
                  CMSAlgorithm.ECDH_SHA256KDF,
                  ephemeral.getPrivate(),
                  ephemeral.getPublic(),
                  CMSAlgorithm.AES256_WRAP)
              .addRecipient(recipient)
              .setProvider(Bc.PROVIDER)
              .setSecureRandom(random));
      return generate(generator, content, random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt to the certificate", e);
    }
  }

  /** Encrypts under a password, for a receiver that has no certificate; the password travels by another route. */
  public static byte[] encryptWithPassword(byte[] content, char[] password, SecureRandom random) {
    EncryptedKeys.requireStrong(password);
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
    generator.addRecipientInfoGenerator(
        new JcePasswordRecipientInfoGenerator(CMSAlgorithm.AES256_CBC, password)
            .setProvider(Bc.PROVIDER)
            .setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8)
            .setPRF(PasswordRecipient.PRF.HMacSHA256)
            .setSaltAndIterationCount(salt, EncryptedKeys.ITERATIONS)
            .setSecureRandom(random));
    return generate(generator, content, random);
  }

  /**
   * Decrypts a package encrypted to this committee's encryption certificate.
   *
   * @throws IllegalArgumentException when the credential's key does not belong to its certificate (configuration)
   * @throws RejectedException {@link Rejection#TRUNCATED}, {@link Rejection#DAMAGED}, {@link Rejection#NOT_FOR_US}
   *     or {@link Rejection#PASSWORD_REQUIRED}
   */
  public static byte[] decrypt(byte[] envelope, Credential recipient) throws RejectedException {
    if (!recipient.keyMatchesCertificate()) {
      throw new IllegalArgumentException("the private key does not belong to the certificate " + recipient);
    }
    CMSAuthEnvelopedData data = parse(envelope);
    Collection<RecipientInformation> all = data.getRecipientInfos().getRecipients();
    RecipientInformation mine = data.getRecipientInfos().get(new JceKeyAgreeRecipientId(recipient.certificate()));
    if (mine == null) {
      if (all.stream().anyMatch(r -> r instanceof PasswordRecipientInformation)) {
        throw new RejectedException(Rejection.PASSWORD_REQUIRED, "package is encrypted to a password");
      }
      throw new RejectedException(
          Rejection.NOT_FOR_US,
          "no recipient matches certificate serial " + recipient.certificate().getSerialNumber().toString(16));
    }
    try {
      return mine.getContent(new JceKeyAgreeEnvelopedRecipient(recipient.privateKey()).setProvider(Bc.PROVIDER));
    } catch (CMSException | RuntimeException e) {
      // The recipient id matched, so a failure here is damage to the key material or the ciphertext.
      throw new RejectedException(Rejection.DAMAGED, "decryption failed: " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts a package encrypted under a password.
   *
   * @throws RejectedException {@link Rejection#TRUNCATED}, {@link Rejection#DAMAGED}, {@link Rejection#NOT_FOR_US}
   *     (encrypted to a certificate instead) or {@link Rejection#WRONG_PASSWORD}
   */
  public static byte[] decryptWithPassword(byte[] envelope, char[] password) throws RejectedException {
    CMSAuthEnvelopedData data = parse(envelope);
    RecipientInformation passwordRecipient =
        data.getRecipientInfos().getRecipients().stream()
            .filter(r -> r instanceof PasswordRecipientInformation)
            .findFirst()
            .orElse(null);
    if (passwordRecipient == null) {
      boolean toCertificate =
          data.getRecipientInfos().getRecipients().stream().anyMatch(r -> r instanceof KeyAgreeRecipientInformation);
      throw new RejectedException(
          Rejection.NOT_FOR_US,
          toCertificate ? "package is encrypted to a certificate, not a password" : "package has no password recipient");
    }
    requireSaneIterationCount((PasswordRecipientInformation) passwordRecipient);
    try {
      return passwordRecipient.getContent(
          new JcePasswordEnvelopedRecipient(password)
              .setProvider(Bc.PROVIDER)
              .setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8));
    } catch (CMSException | RuntimeException e) {
      // Only the GCM tag tells damage apart: a wrong password already fails at unwrapping the content key.
      if (isAuthenticationFailure(e)) {
        throw new RejectedException(Rejection.DAMAGED, "authentication tag does not match", e);
      }
      throw new RejectedException(Rejection.WRONG_PASSWORD, "content key could not be unwrapped", e);
    }
  }

  /** To whom a package is encrypted, read from its header before anything is decrypted. */
  public sealed interface Addressee permits AddressedToCertificate, AddressedToPassword {}

  /** Encrypted to the certificate with this issuer and serial number (its key-agreement recipient id). */
  public record AddressedToCertificate(X500Principal issuer, BigInteger serial) implements Addressee {}

  /** Encrypted under a password agreed out of band. */
  public record AddressedToPassword() implements Addressee {}

  /**
   * Reads to whom a package is encrypted, so a receiver holding several committees' keys knows which one to unlock;
   * decrypts nothing. A package with no recipient this format writes is {@link Rejection#DAMAGED}.
   *
   * @throws RejectedException {@link Rejection#TRUNCATED} or {@link Rejection#DAMAGED}
   */
  public static Addressee addressee(byte[] envelope) throws RejectedException {
    CMSAuthEnvelopedData data = parse(envelope);
    for (RecipientInformation recipient : data.getRecipientInfos().getRecipients()) {
      if (recipient instanceof PasswordRecipientInformation) {
        return new AddressedToPassword();
      }
      if (recipient.getRID() instanceof KeyAgreeRecipientId) {
        KeyAgreeRecipientId id = (KeyAgreeRecipientId) recipient.getRID();
        if (id.getIssuer() != null && id.getSerialNumber() != null) {
          try {
            return new AddressedToCertificate(
                new X500Principal(id.getIssuer().getEncoded()), id.getSerialNumber());
          } catch (IOException | IllegalArgumentException e) {
            throw new RejectedException(Rejection.DAMAGED, "recipient issuer unreadable", e);
          }
        }
      }
    }
    throw new RejectedException(Rejection.DAMAGED, "package names no recipient this format writes");
  }

  /**
   * The iteration count comes from the file: a huge one would keep the receiver busy for hours, a small one means
   * the package was not made to this format (a downgrade). Both are refused before any key derivation.
   */
  private static void requireSaneIterationCount(PasswordRecipientInformation recipient) throws RejectedException {
    BigInteger iterations;
    try {
      AlgorithmIdentifier kdf = recipient.getKeyDerivationAlgorithm();
      if (kdf == null || !PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
        throw new RejectedException(Rejection.DAMAGED, "password recipient does not use PBKDF2");
      }
      iterations = PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount();
    } catch (RuntimeException e) {
      throw new RejectedException(Rejection.DAMAGED, "password recipient parameters unreadable", e);
    }
    if (iterations.compareTo(BigInteger.valueOf(EncryptedKeys.ITERATIONS)) < 0
        || iterations.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
      throw new RejectedException(
          Rejection.DAMAGED,
          "PBKDF2 iteration count " + iterations + " outside " + EncryptedKeys.ITERATIONS + ".." + MAX_ITERATIONS);
    }
  }

  private static byte[] generate(CMSAuthEnvelopedDataGenerator generator, byte[] content, SecureRandom random) {
    try {
      OutputAEADEncryptor encryptor =
          (OutputAEADEncryptor)
              new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                  .setProvider(Bc.PROVIDER)
                  .setSecureRandom(random)
                  .build();
      CMSAuthEnvelopedData data = generator.generate(new CMSProcessableByteArray(content), encryptor);
      // DER, so the outer length is definite and a cut-off file can be told from a damaged one.
      return data.toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (CMSException | IOException e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  private static CMSAuthEnvelopedData parse(byte[] envelope) throws RejectedException {
    Asn1Length.check(envelope);
    try {
      ContentInfo info = ContentInfo.getInstance(envelope);
      if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
        throw new RejectedException(Rejection.DAMAGED, "not a CMS AuthEnvelopedData but " + info.getContentType());
      }
      return new CMSAuthEnvelopedData(info);
    } catch (CMSException | RuntimeException e) {
      throw new RejectedException(Rejection.DAMAGED, "not a readable CMS AuthEnvelopedData", e);
    }
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AEADBadTagException
          || (t instanceof InvalidCipherTextException && String.valueOf(t.getMessage()).contains("mac check"))) {
        return true;
      }
    }
    return false;
  }
}
