package nl.uitslag.app.csb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.csb.CsbRepository.StoredFile;
import nl.uitslag.app.csb.CsbResultService.DocumentKind;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.keys.EmlHeader;
import nl.uitslag.app.keystore.FileSignatureService;
import nl.uitslag.app.keystore.FileSignatureService.StoredSignature;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;
import org.springframework.stereotype.Service;

/**
 * A committee's own count files signed (product.md §4: every exported file gets a detached signature): after the
 * result is finalised, the chair signs the CSB's 510d and 520, or the HSB's 510c, with the committee's signing key, and each detached signature (.p7s) is stored and
 * published beside its file (docs/COUNT-FILE-SECURITY.md §8.5). Signing is a separate act after finalising: the
 * passphrase belongs to the person who holds the key, and the result must be final before anything is signed.
 */
@Service
public class CsbPublication {
  /** The CSB's files that are published as count files, and therefore signed (product.md §4). */
  static final List<DocumentKind> SIGNED = List.of(DocumentKind.EML_510D, DocumentKind.EML_520);
  /** The HSB's count file, handed to the CSB and published. */
  static final List<DocumentKind> SIGNED_BY_HSB = List.of(DocumentKind.EML_510C);

  static List<DocumentKind> signed(Csb c) {
    return c.isHsb() ? SIGNED_BY_HSB : SIGNED;
  }

  private final CsbResultService results;
  private final FileSignatureService signatures;
  private final TransferPackageService packages;

  CsbPublication(CsbResultService results, FileSignatureService signatures, TransferPackageService packages) {
    this.results = results;
    this.signatures = signatures;
    this.packages = packages;
  }

  /**
   * The HSB's finalised 510c with its O 7 sealed for the CSB (product.md §4: signed with the HSB's key, bound to
   * its ManagingAuthority, then encrypted to the CSB's certificate or to a password agreed on paper), as the GSB
   * seals its 510b; the package service audits the sealing and every refusal.
   *
   * @return empty when this is not an HSB or its result is not finalised
   * @throws RejectedException when no signing key is held, the passphrase is wrong or the recipient is unknown
   */
  public Optional<byte[]> sealForTransfer(Csb c, TransferPackageService.Recipient to, char[] passphrase,
      Actor actor) throws RejectedException {
    if (!c.isHsb()) {
      return Optional.empty();
    }
    Optional<StoredFile> eml = results.document(c, DocumentKind.EML_510C);
    Optional<StoredFile> pdf = results.document(c, DocumentKind.O7);
    if (eml.isEmpty() || pdf.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(packages.seal(c.managingAuthority(), eml.get().content(), pdf.get().content(), 1, to,
        passphrase, actor));
  }

  /** One published file and its signature, if made. */
  public record Signed(DocumentKind kind, String fileName, String fingerprint, Optional<StoredSignature> signature) {
    public boolean signed() {
      return signature.isPresent();
    }
  }

  /** The signable files of a finalised result; empty while the result is not finalised. */
  public List<Signed> status(Csb c) {
    List<Signed> out = new ArrayList<>();
    for (DocumentKind kind : signed(c)) {
      Optional<StoredFile> f = results.document(c, kind);
      f.ifPresent(file -> out.add(new Signed(kind, file.fileName(), file.fingerprint(),
          signatures.signature(c.election().id(), signer(file), file.content()))));
    }
    return out;
  }

  /** Whether this installation holds the signing key of the committee named in its count file. */
  public boolean keyHeld(Csb c) {
    return results.document(c, signed(c).get(0))
        .map(f -> signatures.holdsSigningKey(c.election().id(), signer(f)))
        .orElse(false);
  }

  /**
   * Signs every file of the finalised result that is not signed yet, as the committee the files name as their
   * ManagingAuthority; files already signed keep their signature.
   *
   * @return how many files are signed now
   * @throws RejectedException the first refusal of {@link FileSignatureService#sign} (each is audited), or
   *     MALFORMED_PACKAGE when the result is not finalised
   */
  public int sign(Csb c, char[] passphrase, Actor actor) throws RejectedException {
    List<StoredFile> files = new ArrayList<>();
    for (DocumentKind kind : signed(c)) {
      results.document(c, kind).ifPresent(files::add);
    }
    if (files.isEmpty()) {
      throw new RejectedException(Rejection.MALFORMED_PACKAGE, "the result is not finalised: nothing to sign");
    }
    for (StoredFile f : files) {
      signatures.sign(c.election().id(), signer(f), f.fileName(), f.content(), passphrase, actor);
    }
    return files.size();
  }

  /** The stored signature of one document. */
  public Optional<StoredSignature> signature(Csb c, DocumentKind kind) {
    return results.document(c, kind)
        .flatMap(f -> signatures.signature(c.election().id(), signer(f), f.content()));
  }

  /** The ManagingAuthority id in the file: the committee whose key must sign it. */
  private static String signer(StoredFile f) {
    return EmlHeader.read(f.content()).managingAuthorityId();
  }
}
