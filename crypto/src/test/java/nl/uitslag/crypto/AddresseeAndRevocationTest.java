package nl.uitslag.crypto;

import static nl.uitslag.crypto.Rejections.assertRejected;
import static nl.uitslag.crypto.TestElection.ELECTION;
import static nl.uitslag.crypto.TestElection.ELECTION_NIGHT;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import nl.uitslag.crypto.Envelopes.AddressedToCertificate;
import nl.uitslag.crypto.Envelopes.AddressedToPassword;
import nl.uitslag.crypto.TransferPackages.Expectations;
import nl.uitslag.crypto.TransferPackages.ToCertificate;
import nl.uitslag.crypto.TransferPackages.ToPassword;
import nl.uitslag.crypto.TransferPackages.WithKey;
import org.junit.jupiter.api.Test;

/**
 * Reading a package's addressee before decrypting (a server holding several committees' keys picks the right one)
 * and refusing a signer on the receiver's revocation list.
 */
class AddresseeAndRevocationTest {
  private static final Instant IMPORT = Instant.parse("2022-03-18T10:00:00Z");
  private final TestElection election = new TestElection();
  private final NamedFile eml = new NamedFile("Telling_GR2022_Vlieland.eml.xml", TestElection.vlielandCountFile());
  private final PackageMetadata metadata = new PackageMetadata(ELECTION, "510b", 1, "0096", ELECTION_NIGHT);

  private byte[] seal(TransferPackages.Recipient recipient) throws RejectedException {
    return TransferPackages.seal(
        metadata, eml, null, election.senderSigning, recipient, election.trust, ELECTION_NIGHT, RANDOM);
  }

  @Test
  void addresseeOfACertificatePackageIsTheRecipientsIssuerAndSerial() throws Exception {
    Envelopes.Addressee addressee = Envelopes.addressee(seal(new ToCertificate(election.csbEncryption.certificate())));
    assertThat(addressee)
        .isEqualTo(
            new AddressedToCertificate(
                election.csbEncryption.certificate().getIssuerX500Principal(),
                election.csbEncryption.certificate().getSerialNumber()));
  }

  @Test
  void addresseeOfAPasswordPackageIsThePassword() throws Exception {
    byte[] bytes = seal(new ToPassword("VLIELAND-2022-overdracht".toCharArray()));
    assertThat(Envelopes.addressee(bytes)).isEqualTo(new AddressedToPassword());
  }

  @Test
  void addresseeOfACutOffPackageIsTruncatedAndOfGarbageDamaged() throws Exception {
    byte[] bytes = seal(new ToCertificate(election.csbEncryption.certificate()));
    assertRejected(Rejection.TRUNCATED, () -> Envelopes.addressee(Arrays.copyOf(bytes, bytes.length / 2)));
    assertRejected(
        Rejection.DAMAGED, () -> Envelopes.addressee("not a package at all".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aRevokedSignerIsRefusedWithItsOwnReason() throws Exception {
    byte[] bytes = seal(new ToCertificate(election.csbEncryption.certificate()));
    assertRejected(
        Rejection.CERTIFICATE_REVOKED,
        () ->
            TransferPackages.unseal(
                bytes,
                new WithKey(election.csbEncryption),
                election.trust,
                new Expectations(ELECTION, "510b", 1),
                TestElection::facts,
                certificate -> certificate.equals(election.senderSigning.certificate()),
                IMPORT));
  }

  @Test
  void aRevocationListThatNamesSomeoneElseLetsThePackageThrough() throws Exception {
    byte[] bytes = seal(new ToCertificate(election.csbEncryption.certificate()));
    TransferPackages.Unsealed opened =
        TransferPackages.unseal(
            bytes,
            new WithKey(election.csbEncryption),
            election.trust,
            new Expectations(ELECTION, "510b", 1),
            TestElection::facts,
            certificate -> certificate.equals(election.csbSigning.certificate()),
            IMPORT);
    assertThat(opened.signer().committeeId()).isEqualTo("0096");
  }
}
