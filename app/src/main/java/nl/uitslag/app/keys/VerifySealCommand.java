package nl.uitslag.app.keys;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import nl.uitslag.crypto.DetachedSignatures;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import nl.uitslag.domain.fingerprint.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag verify-seal}: lets anyone check a published count file against its detached signature and the
 * election's authority certificate.
 */
@Command(
    name = "verify-seal",
    description = "Verify a count file's detached signature (.p7s) against the election authority certificate.",
    mixinStandardHelpOptions = true)
public final class VerifySealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The signed file.")
  Path file;

  @Option(names = "--signature", description = "The detached signature (default: the file name plus .p7s).")
  Path signature;

  @Option(names = "--trust", required = true, description = "The election authority certificate.")
  Path trust;

  @Option(
      names = "--at",
      description = "Validate certificates at this time instead of now, e.g. the day the file was published.")
  String at;

  @picocli.CommandLine.Mixin RevocationOptions revocation = new RevocationOptions();

  @Override
  public Integer call() {
    return CommandSupport.run(
        spec.commandLine().getErr(),
        () -> {
          byte[] content = SealCommand.read(file);
          Path signatureFile = signature != null ? signature : file.resolveSibling(file.getFileName() + ".p7s");
          Instant validationTime = at == null ? Instant.now() : CommandSupport.instant(at, "--at");
          nl.uitslag.crypto.ElectionTrust electionTrust = KeyDirectory.readTrust(trust);
          java.util.Optional<RevocationList> revoked = revocation.load(electionTrust.electionId());
          DetachedSignatures.Signer signer =
              DetachedSignatures.verify(content, SealCommand.read(signatureFile), electionTrust, validationTime);
          RevocationOptions.requireNotRevoked(revoked, signer.certificate(), signer.committeeId());
          String managingAuthority;
          try {
            managingAuthority = EmlHeader.read(content).managingAuthorityId();
          } catch (nl.uitslag.eml.EmlException e) {
            managingAuthority = null;
          }
          if (managingAuthority != null && !managingAuthority.equals(signer.committeeId())) {
            throw new RejectedException(
                Rejection.SIGNER_NOT_MANAGING_AUTHORITY,
                "ManagingAuthority " + managingAuthority + ", signed by " + signer.committeeId());
          }
          spec.commandLine().getOut().printf(
              "Signature valid: signed by %s (%s)%s.%nFingerprint of the file: %s%n",
              signer.committeeId(),
              signer.certificate().getSubjectX500Principal().getName(),
              managingAuthority == null ? ", not an EML count file" : ", the file's ManagingAuthority",
              Fingerprint.of(content));
          return CommandSupport.OK;
        });
  }
}
