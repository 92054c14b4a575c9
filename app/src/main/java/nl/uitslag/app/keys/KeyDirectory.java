package nl.uitslag.app.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.ElectionTrust;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import nl.uitslag.crypto.RejectedException;

/**
 * The directory in which an election's keys and certificates are kept outside the server: the authority's pair and
 * two pairs (signing, encryption) per committee, every private key encrypted (docs/COUNT-FILE-SECURITY.md).
 */
final class KeyDirectory {
  static final String AUTHORITY = "authority";

  private final Path root;

  KeyDirectory(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path certificate(String name) {
    return root.resolve(name + ".crt.pem");
  }

  Path key(String name) {
    return root.resolve(name + ".key.pem");
  }

  static String committeeName(String committeeId, KeyPurpose purpose) {
    return committeeId + "." + purpose.name().toLowerCase(Locale.ROOT);
  }

  X509Certificate readCertificate(String name) {
    return readCertificateFile(certificate(name));
  }

  static X509Certificate readCertificateFile(Path file) {
    try {
      List<X509Certificate> certificates = Certificates.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      if (certificates.size() != 1) {
        throw new IllegalArgumentException(file + " holds " + certificates.size() + " certificates, expected one");
      }
      return certificates.get(0);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static ElectionTrust readTrust(Path file) {
    return ElectionTrust.of(readCertificateFile(file));
  }

  /** Reads the passphrase, decrypts the key and wipes the passphrase from memory. */
  Credential readCredential(String name, String label, String environmentVariable, Path file)
      throws RejectedException {
    char[] passphrase = SecretOption.read(label, environmentVariable, file);
    try {
      return readCredential(name, passphrase);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  Credential readCredential(String name, char[] passphrase) throws RejectedException {
    try {
      PrivateKey key = EncryptedKeys.decrypt(Files.readString(key(name), StandardCharsets.US_ASCII), passphrase);
      Credential credential = new Credential(key, readCertificate(name));
      if (!credential.keyMatchesCertificate()) {
        throw new IllegalArgumentException(key(name) + " does not belong to " + certificate(name));
      }
      return credential;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + key(name) + ": " + e.getMessage(), e);
    }
  }

  /** Writes a new file and refuses to overwrite: replacing a key by accident would lock a committee out. */
  static void writeNew(Path file, String text, boolean secret) {
    writeNew(file, text.getBytes(StandardCharsets.US_ASCII), secret);
  }

  static void writeNew(Path file, byte[] bytes, boolean secret) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (secret) {
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // The key is encrypted; owner-only permissions are an extra where the file system has them.
        }
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException(file + " already exists; it is never overwritten", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
