package nl.uitslag.crypto;

import static nl.uitslag.crypto.TestElection.ELECTION;
import static nl.uitslag.crypto.TestElection.ELECTION_NIGHT;
import static nl.uitslag.crypto.TestElection.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.uitslag.crypto.TransferPackages.Expectations;
import nl.uitslag.crypto.TransferPackages.ToCertificate;
import nl.uitslag.crypto.TransferPackages.WithKey;

class TransferPackagePropertiesTest {
  private static final Instant IMPORT = Instant.parse("2022-03-18T10:00:00Z");
  private static final TestElection ELECTION_KEYS = new TestElection();
  private static final NamedFile EML = new NamedFile("Telling.eml.xml", TestElection.vlielandCountFile());
  private static final NamedFile PDF = new NamedFile("report.pdf", new byte[] {'%', 'P', 'D', 'F'});
  private static final byte[] SEALED = seal();

  private static byte[] seal() {
    try {
      return TransferPackages.seal(
          new PackageMetadata(ELECTION, "510b", 1, "0096", ELECTION_NIGHT), EML, PDF, ELECTION_KEYS.senderSigning,
          new ToCertificate(ELECTION_KEYS.csbEncryption.certificate()), ELECTION_KEYS.trust, ELECTION_NIGHT, RANDOM);
    } catch (RejectedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Whatever single byte is altered, and however, the package is refused or yields exactly what was sealed:
   * tampering can never change what is imported. (A few header bytes, such as the key-agreement version and the
   * originator key's algorithm identifier, are not read by Bouncy Castle when it agrees the key; altering them
   * changes nothing that is decrypted, so such a package still opens to the original, signed content.)
   */
  @Property(tries = 400)
  void noAlteredByteChangesWhatIsAccepted(@ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] altered = SEALED.clone();
    altered[where % altered.length] ^= (byte) mask;
    try {
      TransferPackages.Unsealed opened =
          TransferPackages.unseal(
              altered, new WithKey(ELECTION_KEYS.csbEncryption), ELECTION_KEYS.trust,
              new Expectations(ELECTION, "510b", 1), TestElection::facts, IMPORT);
      assertThat(opened.eml()).isEqualTo(EML);
      assertThat(opened.pdf()).contains(PDF);
      assertThat(opened.metadata()).isEqualTo(new PackageMetadata(ELECTION, "510b", 1, "0096", ELECTION_NIGHT));
      assertThat(opened.signer().certificate()).isEqualTo(ELECTION_KEYS.senderSigning.certificate());
    } catch (RejectedException expected) {
      assertThat(expected.reason()).isNotNull();
    }
  }

  /** Every byte of the encrypted content and its tag is covered by AES-GCM: altering one is always damage. */
  @Property(tries = 200)
  void anAlteredContentByteIsAlwaysDamaged(@ForAll @IntRange(min = 1, max = 1_000_000) int fromEnd,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] altered = SEALED.clone();
    // The last three quarters are ciphertext and tag; the recipient header is the first ~370 of 4,100 bytes.
    int span = SEALED.length * 3 / 4;
    altered[SEALED.length - 1 - (fromEnd % span)] ^= (byte) mask;
    assertThatThrownBy(
            () ->
                TransferPackages.unseal(
                    altered, new WithKey(ELECTION_KEYS.csbEncryption), ELECTION_KEYS.trust,
                    new Expectations(ELECTION, "510b", 1), TestElection::facts, IMPORT))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.DAMAGED));
  }

  /** Cut off anywhere, the package is reported as incomplete rather than as something else. */
  @Property(tries = 200)
  void everyCutIsTruncated(@ForAll @IntRange(min = 0, max = 1_000_000) int length) {
    byte[] cut = java.util.Arrays.copyOf(SEALED, length % SEALED.length);
    assertThatThrownBy(
            () ->
                TransferPackages.unseal(
                    cut, new WithKey(ELECTION_KEYS.csbEncryption), ELECTION_KEYS.trust,
                    new Expectations(ELECTION, "510b", 1), TestElection::facts, IMPORT))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.TRUNCATED));
  }

  /** Issue 8: no private key appears unencrypted in an export (the package, its contents, certificates). */
  @Property(tries = 1)
  void noPrivateKeyInAnyExport() throws Exception {
    Map<String, byte[]> inner =
        TransferPackagesTest.unzip(Envelopes.decrypt(SEALED, ELECTION_KEYS.csbEncryption));
    String certificates =
        Certificates.toPem(List.of(ELECTION_KEYS.authority.certificate(), ELECTION_KEYS.senderSigning.certificate()));
    StringBuilder exports = new StringBuilder(HexFormat.of().formatHex(SEALED)).append(certificates);
    inner.values().forEach(bytes -> exports.append(HexFormat.of().formatHex(bytes)));
    for (Credential credential :
        List.of(ELECTION_KEYS.authority, ELECTION_KEYS.senderSigning, ELECTION_KEYS.csbEncryption)) {
      String scalar = String.format("%064x", ((ECPrivateKey) credential.privateKey()).getS());
      assertThat(exports.toString()).doesNotContain(scalar);
      assertThat(exports.toString())
          .doesNotContain(java.util.Base64.getEncoder().encodeToString(credential.privateKey().getEncoded()));
    }
  }
}
