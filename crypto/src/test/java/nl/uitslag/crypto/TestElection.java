package nl.uitslag.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small election for tests: the CSB of GR2022_Vlieland as certificate authority and receiver, the GSB of
 * Vlieland (ManagingAuthority 0096) as sender, using the real published count file.
 */
final class TestElection {
  static final String ELECTION = "GR2022_Vlieland";
  static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2022-12-31T23:59:59Z");
  static final Instant ELECTION_NIGHT = Instant.parse("2022-03-16T22:30:00Z");
  static final SecureRandom RANDOM = new SecureRandom();

  final Credential authority;
  final ElectionTrust trust;
  final Credential senderSigning;
  final Credential senderEncryption;
  final Credential csbSigning;
  final Credential csbEncryption;

  TestElection() {
    authority = Certificates.createElectionAuthority(ELECTION, "Centraal stembureau Vlieland", FROM, UNTIL, RANDOM);
    trust = ElectionTrust.of(authority.certificate());
    senderSigning = committee("0096", KeyPurpose.SIGNING, FROM, UNTIL);
    senderEncryption = committee("0096", KeyPurpose.ENCRYPTION, FROM, UNTIL);
    csbSigning = committee("CSB", KeyPurpose.SIGNING, FROM, UNTIL);
    csbEncryption = committee("CSB", KeyPurpose.ENCRYPTION, FROM, UNTIL);
  }

  Credential committee(String id, KeyPurpose purpose, Instant from, Instant until) {
    return issue(authority, id, purpose, from, until);
  }

  static Credential issue(Credential ca, String id, KeyPurpose purpose, Instant from, Instant until) {
    KeyPair keys = Certificates.generateKeyPair(RANDOM);
    return new Credential(
        keys.getPrivate(),
        Certificates.issueCommitteeCertificate(
            ca, id, "Stembureau " + id, purpose, keys.getPublic(), from, until, RANDOM));
  }

  /** The real count file of the GSB Vlieland, GR2022 (EML 510b). */
  static byte[] vlielandCountFile() {
    String shared = System.getProperty("uitslag.shared", "../../shared");
    try {
      return Files.readAllBytes(Path.of(shared, "data", "eml", "GR2022", "Telling_GR2022_Vlieland.eml.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern AUTHORITY =
      Pattern.compile("<ManagingAuthority>\\s*<AuthorityIdentifier Id=\"([^\"]*)\"");
  private static final Pattern ELECTION_ID = Pattern.compile("<ElectionIdentifier Id=\"([^\"]*)\"");

  /** Stands in for the EML module: reads ManagingAuthority and ElectionIdentifier; fails on anything else. */
  static TransferPackages.EmlFacts facts(byte[] eml) {
    String text = new String(eml, StandardCharsets.UTF_8);
    Matcher authority = AUTHORITY.matcher(text);
    Matcher election = ELECTION_ID.matcher(text);
    if (!authority.find() || !election.find()) {
      throw new IllegalArgumentException("no ManagingAuthority or ElectionIdentifier");
    }
    return new TransferPackages.EmlFacts(authority.group(1), election.group(1));
  }
}
