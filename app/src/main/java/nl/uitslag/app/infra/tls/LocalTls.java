package nl.uitslag.app.infra.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.tls.InstallationCa;
import nl.uitslag.crypto.tls.PrivateKeyPem;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * The TLS files of one installation in {@code <data-dir>/tls/}: the installation CA, created on the first start
 * of {@code serve} and kept, and the server certificate, issued afresh at every start.
 *
 * <p>The private keys are stored unencrypted, readable by the service account only (mode 600 in a 700 directory,
 * inside the 700 data directory). Encrypting them would need a passphrase at every start, which rules out an
 * unattended restart, while a passphrase stored next to the key protects nothing. Whoever can read the data
 * directory can read and change the results anyway; the CA's name constraints limit what a stolen CA key can do
 * to workstations that trust it.
 */
public final class LocalTls {
  static final String DIRECTORY = "tls";
  static final String CA_CERTIFICATE = "ca.crt";
  static final String CA_KEY = "ca.key";
  static final String SERVER_CERTIFICATE = "server.crt";
  static final String SERVER_KEY = "server.key";

  private LocalTls() {}

  /**
   * What {@link #prepare} produced.
   *
   * @param serverCertificateChain PEM with the server certificate followed by the CA certificate
   * @param caCreated whether the CA was created by this start (workstations must install it)
   * @param names the host names and addresses the server certificate is valid for
   * @param refused host names and addresses of this machine the CA may not vouch for, left out of the certificate
   */
  public record Prepared(
      Path caCertificate,
      Path serverCertificateChain,
      Path serverKey,
      Fingerprint caFingerprint,
      Fingerprint serverFingerprint,
      boolean caCreated,
      List<String> names,
      List<String> refused) {}

  /** The directory of the TLS files of a data directory. */
  public static Path directory(Path dataDir) {
    return dataDir.resolve(DIRECTORY);
  }

  /** The public CA certificate of a data directory, whether or not it exists yet. */
  public static Path caCertificate(Path dataDir) {
    return directory(dataDir).resolve(CA_CERTIFICATE);
  }

  /**
   * Loads the installation CA, creating it when the data directory has none, and issues a fresh server
   * certificate for {@code hostName}, {@code localhost} and those of {@code addresses} the CA may vouch for.
   */
  public static Prepared prepare(
      Path dataDir, String hostName, List<InetAddress> addresses, Instant now, SecureRandom random) {
    Path dir = directory(dataDir);
    try {
      createPrivateDirectory(dir);
      Credential ca;
      boolean created = false;
      if (Files.exists(dir.resolve(CA_CERTIFICATE)) || Files.exists(dir.resolve(CA_KEY))) {
        ca = loadCa(dir);
      } else {
        ca = InstallationCa.create(hostName, now, random);
        writePrivate(dir.resolve(CA_KEY), PrivateKeyPem.write(ca.privateKey()));
        writePublic(dir.resolve(CA_CERTIFICATE), Certificates.toPem(List.of(ca.certificate())));
        created = true;
      }
      List<String> refused = new ArrayList<>();
      String host = hostName;
      if (!InstallationCa.permits(ca.certificate(), hostName)) {
        // The machine was renamed after the CA was made; the old trust stays valid for localhost and addresses.
        refused.add(hostName);
        host = "localhost";
      }
      List<InetAddress> permitted = new ArrayList<>();
      for (InetAddress address : addresses) {
        if (InstallationCa.permits(ca.certificate(), address)) {
          permitted.add(address);
        } else {
          refused.add(address.getHostAddress());
        }
      }
      Credential server = InstallationCa.issueServerCertificate(ca, host, permitted, now, random);
      writePrivate(dir.resolve(SERVER_KEY), PrivateKeyPem.write(server.privateKey()));
      writePublic(
          dir.resolve(SERVER_CERTIFICATE), Certificates.toPem(List.of(server.certificate(), ca.certificate())));
      return new Prepared(
          dir.resolve(CA_CERTIFICATE),
          dir.resolve(SERVER_CERTIFICATE),
          dir.resolve(SERVER_KEY),
          Certificates.fingerprint(ca.certificate()),
          Certificates.fingerprint(server.certificate()),
          created,
          names(server.certificate()),
          List.copyOf(refused));
    } catch (IOException e) {
      throw new UncheckedIOException("Kan de TLS-bestanden niet schrijven / cannot write the TLS files in " + dir, e);
    }
  }

  private static Credential loadCa(Path dir) throws IOException {
    Path certificateFile = dir.resolve(CA_CERTIFICATE);
    Path keyFile = dir.resolve(CA_KEY);
    if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
      throw new IllegalStateException(
          "Het CA-certificaat of de CA-sleutel ontbreekt in "
              + dir
              + " / the CA certificate or key is missing; restore both from a backup, or remove "
              + dir
              + " to create a new CA that every workstation must then install again");
    }
    X509Certificate certificate = Certificates.fromPem(Files.readString(certificateFile)).get(0);
    PrivateKey key = PrivateKeyPem.read(Files.readString(keyFile));
    Credential ca = new Credential(key, certificate);
    if (!ca.keyMatchesCertificate()) {
      throw new IllegalStateException(
          "De CA-sleutel hoort niet bij het CA-certificaat in " + dir + " / the CA key does not match its certificate");
    }
    return ca;
  }

  private static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      for (List<?> name : certificate.getSubjectAlternativeNames()) {
        names.add(String.valueOf(name.get(1)));
      }
    } catch (java.security.cert.CertificateParsingException e) {
      throw new IllegalStateException("a certificate just issued cannot be read", e);
    }
    return List.copyOf(names);
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the ACL of the data directory applies.
      Files.createDirectories(dir);
    }
  }

  /** Created with mode 600 from the first byte on, so the key is never readable by others, not even briefly. */
  private static void writePrivate(Path file, String content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temp);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("a concurrent start is writing " + temp, e);
    }
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    move(temp, file);
  }

  private static void writePublic(Path file, String content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    move(temp, file);
  }

  /** A crash half-way leaves the old file or the new one, never a torn one that stops the next start. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
