package nl.uitslag.app.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.NamedFile;
import nl.uitslag.crypto.PackageMetadata;
import nl.uitslag.crypto.TransferPackages;
import nl.uitslag.crypto.TransferPackages.EmlFacts;
import nl.uitslag.domain.fingerprint.Fingerprint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag seal}: signs a committee's count file and wraps it with its report into one transfer package,
 * encrypted to the receiving committee.
 */
@Command(
    name = "seal",
    description = "Sign a count file and encrypt it with its report into a transfer package.",
    mixinStandardHelpOptions = true)
public final class SealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--eml", required = true, description = "The count file (EML_NL).")
  Path eml;

  @Option(names = "--pdf", description = "The report (proces-verbaal) that belongs to it.")
  Path pdf;

  @Option(names = "--kind", required = true, description = "Kind of count file, e.g. 510b.")
  String kind;

  @Option(names = "--sequence", defaultValue = "1", description = "Phase or session number (default 1).")
  int sequence;

  @Option(names = "--created", description = "Creation time recorded in the package (default now).")
  String created;

  @Option(names = "--trust", required = true, description = "The election authority certificate (authority.crt.pem).")
  Path trust;

  @Option(names = "--keys", required = true, description = "Key directory holding this committee's signing key.")
  Path keys;

  @Option(names = "--passphrase-env", description = "Environment variable with the signing key passphrase.")
  String passphraseEnv;

  @Option(names = "--passphrase-file", description = "File with the signing key passphrase.")
  Path passphraseFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Recipient recipient;

  static final class Recipient {
    @Option(names = "--to", description = "The receiving committee's encryption certificate.")
    Path certificate;

    @Option(names = "--password-env", description = "Environment variable with the transfer password.")
    String passwordEnv;

    @Option(names = "--password-file", description = "File with the transfer password.")
    Path passwordFile;
  }

  @Option(names = "--out", required = true, description = "The transfer package to write.")
  Path out;

  @Override
  public Integer call() {
    return CommandSupport.run(
        spec.commandLine().getErr(),
        () -> {
          byte[] emlBytes = read(eml);
          EmlFacts facts;
          try {
            facts = EmlHeader.read(emlBytes);
          } catch (nl.uitslag.eml.EmlException e) {
            throw new IllegalArgumentException(eml + ": " + e.getMessage(), e);
          }
          Instant createdAt = created == null ? Instant.now() : CommandSupport.instant(created, "--created");
          ElectionTrust electionTrust = KeyDirectory.readTrust(trust);
          Credential signer =
              new KeyDirectory(keys)
                  .readCredential(
                      KeyDirectory.committeeName(facts.managingAuthorityId(), KeyPurpose.SIGNING),
                      "Signing key passphrase",
                      passphraseEnv,
                      passphraseFile);
          char[] password =
              recipient.certificate != null
                  ? new char[0]
                  : SecretOption.read("Transfer password", recipient.passwordEnv, recipient.passwordFile);
          TransferPackages.Recipient to =
              recipient.certificate != null
                  ? new TransferPackages.ToCertificate(KeyDirectory.readCertificateFile(recipient.certificate))
                  : new TransferPackages.ToPassword(password);
          PackageMetadata metadata =
              new PackageMetadata(facts.electionId(), kind, sequence, facts.managingAuthorityId(), createdAt);
          byte[] sealed;
          try {
            sealed =
                TransferPackages.seal(
                    metadata,
                    new NamedFile(eml.getFileName().toString(), emlBytes),
                    pdf == null ? null : new NamedFile(pdf.getFileName().toString(), read(pdf)),
                    signer,
                    to,
                    electionTrust,
                    createdAt,
                    new SecureRandom());
          } finally {
            Arrays.fill(password, '\0');
          }
          KeyDirectory.writeNew(out, sealed, false);
          spec.commandLine().getOut().printf(
              "Sealed %s (%s, phase %d) from %s for %s.%nFingerprint of the count file: %s%n",
              eml.getFileName(), kind, sequence, facts.managingAuthorityId(), facts.electionId(),
              Fingerprint.of(emlBytes));
          return CommandSupport.OK;
        });
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
