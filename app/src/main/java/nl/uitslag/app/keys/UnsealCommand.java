package nl.uitslag.app.keys;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.NamedFile;
import nl.uitslag.crypto.TransferPackages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag unseal}: opens a transfer package addressed to this committee, checks it completely, and only
 * then writes the count file, its signature and the report.
 */
@Command(
    name = "unseal",
    description = "Decrypt and verify a transfer package; write its files only if every check passes.",
    mixinStandardHelpOptions = true)
public final class UnsealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The transfer package.")
  Path packageFile;

  @Option(names = "--trust", required = true, description = "The election authority certificate.")
  Path trust;

  @Option(names = "--election", required = true, description = "The election id this committee works on.")
  String election;

  @Option(names = "--kind", description = "Expected kind of count file, e.g. 510b.")
  String kind;

  @Option(names = "--min-sequence", defaultValue = "1", description = "Lowest acceptable phase (default 1).")
  int minimumSequence;

  @Option(names = "--at", description = "Validate certificates at this time instead of now (archived files).")
  String at;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Opener opener;

  static final class Opener {
    @Option(names = "--committee", description = "This committee's id: its encryption key is used.")
    String committee;

    @Option(names = "--password-env", description = "Environment variable with the transfer password.")
    String passwordEnv;

    @Option(names = "--password-file", description = "File with the transfer password.")
    Path passwordFile;
  }

  @Option(names = "--keys", description = "Key directory holding this committee's encryption key.")
  Path keys;

  @Option(names = "--passphrase-env", description = "Environment variable with the encryption key passphrase.")
  String passphraseEnv;

  @Option(names = "--passphrase-file", description = "File with the encryption key passphrase.")
  Path passphraseFile;

  @picocli.CommandLine.Mixin RevocationOptions revocation = new RevocationOptions();

  @Option(names = "--out-dir", required = true, description = "Directory to write the files to.")
  Path outDir;

  @Override
  public Integer call() {
    return CommandSupport.run(
        spec.commandLine().getErr(),
        () -> {
          ElectionTrust electionTrust = KeyDirectory.readTrust(trust);
          // Read before any secret is asked: a wrong list file is a usage error, not a rejection of the package.
          java.util.Optional<RevocationList> revoked = revocation.load(electionTrust.electionId());
          TransferPackages.Opener how;
          char[] password = new char[0];
          if (opener.committee != null) {
            if (keys == null) {
              throw new IllegalArgumentException("--keys is required with --committee");
            }
            how =
                new TransferPackages.WithKey(
                    new KeyDirectory(keys)
                        .readCredential(
                            KeyDirectory.committeeName(opener.committee, KeyPurpose.ENCRYPTION),
                            "Encryption key passphrase",
                            passphraseEnv,
                            passphraseFile));
          } else {
            password = SecretOption.read("Transfer password", opener.passwordEnv, opener.passwordFile);
            how = new TransferPackages.WithPassword(password);
          }
          Instant validationTime = at == null ? Instant.now() : CommandSupport.instant(at, "--at");
          TransferPackages.Unsealed unsealed;
          try {
            unsealed =
                TransferPackages.unseal(
                    SealCommand.read(packageFile),
                    how,
                    electionTrust,
                    new TransferPackages.Expectations(election, kind, minimumSequence),
                    EmlHeader::read,
                    certificate -> revoked.isPresent() && revoked.get().revoked(certificate).isPresent(),
                    validationTime);
          } finally {
            Arrays.fill(password, '\0');
          }
          NamedFile eml = unsealed.eml();
          KeyDirectory.writeNew(outDir.resolve(eml.name()), eml.bytes(), false);
          KeyDirectory.writeNew(outDir.resolve(eml.name() + ".p7s"), unsealed.emlSignature(), false);
          if (unsealed.pdf().isPresent()) {
            KeyDirectory.writeNew(outDir.resolve(unsealed.pdf().get().name()), unsealed.pdf().get().bytes(), false);
          }
          spec.commandLine().getOut().printf(
              "Accepted %s: %s, phase %d, signed by %s, created %s.%n"
                  + "Fingerprint of the count file: %s%n"
                  + "Compare it in full with the fingerprint printed on the paper report before using the file.%n",
              eml.name(), unsealed.metadata().kind(), unsealed.metadata().sequence(),
              unsealed.signer().committeeId(), unsealed.metadata().createdAt(), eml.fingerprint());
          return CommandSupport.OK;
        });
  }
}
