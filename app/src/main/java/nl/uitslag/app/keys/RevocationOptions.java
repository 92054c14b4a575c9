package nl.uitslag.app.keys;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import picocli.CommandLine.Option;

/**
 * The options of {@code unseal} and {@code verify-seal} that name the revocation list to honour: the file the
 * server exports, the server's own database, or both.
 */
final class RevocationOptions {
  @Option(names = "--revoked", paramLabel = "FILE",
      description = "Revocation list exported by the server (format uitslag-revoked/1); a revoked signer is refused.")
  Path revokedFile;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Also read the revocation list from the server's database in this data directory.")
  Path dataDir;

  /** The list for the election, from every source given; empty when none is given. */
  Optional<RevocationList> load(String electionId) {
    RevocationList list = null;
    if (revokedFile != null) {
      list = RevocationList.read(revokedFile);
      if (!list.electionId().equals(electionId)) {
        throw new IllegalArgumentException(
            "--revoked: the list is of election " + list.electionId() + ", the trust anchor of " + electionId);
      }
    }
    if (dataDir != null) {
      RevocationList fromDb = RevocationList.fromDataDir(dataDir, electionId);
      list = list == null ? fromDb : list.with(fromDb);
    }
    return Optional.ofNullable(list);
  }

  /** Refuses a signer on the list, with the reason and date the authority gave. */
  static void requireNotRevoked(Optional<RevocationList> list, X509Certificate signer, String committeeId)
      throws RejectedException {
    if (list.isEmpty()) {
      return;
    }
    Optional<RevocationList.Entry> e = list.get().revoked(signer);
    if (e.isPresent()) {
      throw new RejectedException(Rejection.CERTIFICATE_REVOKED,
          "signer " + committeeId + " serial " + e.get().serial() + " revoked at " + e.get().revokedAt()
              + (e.get().reason().isBlank() ? "" : ": " + e.get().reason()));
    }
  }
}
