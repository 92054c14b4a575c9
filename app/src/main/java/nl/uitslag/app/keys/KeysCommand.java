package nl.uitslag.app.keys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import nl.uitslag.crypto.Certificates;
import nl.uitslag.crypto.Credential;
import nl.uitslag.crypto.EncryptedKeys;
import nl.uitslag.crypto.KeyPurpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uitslag keys}: the key ceremony of an election, done by its receiving authority outside the server. */
@Command(
    name = "keys",
    description = "Manage an election's certificate authority and the committees' keys and certificates.",
    mixinStandardHelpOptions = true,
    subcommands = {
      KeysCommand.CreateAuthority.class,
      KeysCommand.Issue.class,
      KeysCommand.ListCertificates.class,
      KeysCommand.ExportCertificate.class
    })
public final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandSupport.USAGE;
  }

  static String describe(X509Certificate certificate) {
    return String.format(
        "%s%n  subject:     %s%n  valid:       %s to %s%n  serial:      %s%n  fingerprint: %s%n",
        certificate.getBasicConstraints() >= 0 ? "ELECTION AUTHORITY (trust anchor)" : "committee certificate",
        certificate.getSubjectX500Principal().getName(),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        certificate.getSerialNumber().toString(16),
        Certificates.fingerprint(certificate));
  }

  /** {@code uitslag keys create-authority}. */
  @Command(
      name = "create-authority",
      description = "Create the election's certificate authority (once per election, by the receiving authority).",
      mixinStandardHelpOptions = true)
  static final class CreateAuthority implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, description = "Key directory (created if absent).")
    Path dir;

    @Option(names = "--election", required = true, description = "Election id, e.g. GR2026_Stadskanaal.")
    String election;

    @Option(names = "--name", required = true, description = "Name of the authority, e.g. 'Centraal stembureau'.")
    String name;

    @Option(names = "--not-before", description = "Start of validity (date or UTC time; default now).")
    String notBefore;

    @Option(names = "--not-after", required = true, description = "End of validity: after the last appeal.")
    String notAfter;

    @Option(names = "--passphrase-env", description = "Environment variable holding the new key's passphrase.")
    String passphraseEnv;

    @Option(names = "--passphrase-file", description = "File holding the new key's passphrase.")
    Path passphraseFile;

    @Override
    public Integer call() {
      return CommandSupport.run(
          spec.commandLine().getErr(),
          () -> {
            KeyDirectory keys = new KeyDirectory(dir);
            Instant from = notBefore == null ? Instant.now() : CommandSupport.instant(notBefore, "--not-before");
            Instant until = CommandSupport.instant(notAfter, "--not-after");
            if (Files.exists(keys.certificate(KeyDirectory.AUTHORITY))) {
              throw new IllegalArgumentException(keys.certificate(KeyDirectory.AUTHORITY) + " already exists");
            }
            char[] passphrase = SecretOption.readNew("Passphrase for the authority key", passphraseEnv, passphraseFile);
            SecureRandom random = new SecureRandom();
            Credential authority = Certificates.createElectionAuthority(election, name, from, until, random);
            try {
              KeyDirectory.writeNew(
                  keys.key(KeyDirectory.AUTHORITY),
                  EncryptedKeys.encrypt(authority.privateKey(), passphrase, random),
                  true);
            } finally {
              Arrays.fill(passphrase, '\0');
            }
            KeyDirectory.writeNew(
                keys.certificate(KeyDirectory.AUTHORITY), Certificates.toPem(List.of(authority.certificate())), false);
            spec.commandLine().getOut().print(describe(authority.certificate()));
            spec.commandLine().getOut().println(
                "Print this fingerprint on the key-ceremony form; every committee compares it before trusting.");
            return CommandSupport.OK;
          });
    }
  }

  /** {@code uitslag keys issue}. */
  @Command(
      name = "issue",
      description = "Create a committee's signing and encryption keys and issue their certificates.",
      mixinStandardHelpOptions = true)
  static final class Issue implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, description = "Key directory holding the authority.")
    Path dir;

    @Option(names = "--committee", required = true, description = "ManagingAuthority id, e.g. 0363, HSB9, CSB.")
    String committee;

    @Option(names = "--name", required = true, description = "Committee name, e.g. 'Gemeente Amsterdam'.")
    String name;

    @Option(names = "--not-before", description = "Start of validity (default now).")
    String notBefore;

    @Option(names = "--not-after", description = "End of validity (default: the authority's end).")
    String notAfter;

    @Option(names = "--authority-passphrase-env", description = "Environment variable with the authority passphrase.")
    String authorityPassphraseEnv;

    @Option(names = "--authority-passphrase-file", description = "File with the authority passphrase.")
    Path authorityPassphraseFile;

    @Option(names = "--passphrase-env", description = "Environment variable with the committee's new passphrase.")
    String passphraseEnv;

    @Option(names = "--passphrase-file", description = "File with the committee's new passphrase.")
    Path passphraseFile;

    @Override
    public Integer call() {
      return CommandSupport.run(
          spec.commandLine().getErr(),
          () -> {
            KeyDirectory keys = new KeyDirectory(dir);
            Credential authority =
                keys.readCredential(
                    KeyDirectory.AUTHORITY, "Authority passphrase", authorityPassphraseEnv, authorityPassphraseFile);
            Instant from = notBefore == null ? Instant.now() : CommandSupport.instant(notBefore, "--not-before");
            Instant until =
                notAfter == null
                    ? authority.certificate().getNotAfter().toInstant()
                    : CommandSupport.instant(notAfter, "--not-after");
            for (KeyPurpose purpose : KeyPurpose.values()) {
              if (Files.exists(keys.certificate(KeyDirectory.committeeName(committee, purpose)))) {
                throw new IllegalArgumentException("committee " + committee + " already has a " + purpose + " key");
              }
            }
            char[] passphrase = SecretOption.readNew("Passphrase for committee " + committee, passphraseEnv, passphraseFile);
            SecureRandom random = new SecureRandom();
            try {
              for (KeyPurpose purpose : KeyPurpose.values()) {
                KeyPair pair = Certificates.generateKeyPair(random);
                X509Certificate certificate =
                    Certificates.issueCommitteeCertificate(
                        authority, committee, name, purpose, pair.getPublic(), from, until, random);
                String file = KeyDirectory.committeeName(committee, purpose);
                KeyDirectory.writeNew(
                    keys.key(file), EncryptedKeys.encrypt(pair.getPrivate(), passphrase, random), true);
                KeyDirectory.writeNew(keys.certificate(file), Certificates.toPem(List.of(certificate)), false);
                spec.commandLine().getOut().print(purpose + " " + describe(certificate));
              }
            } finally {
              Arrays.fill(passphrase, '\0');
            }
            return CommandSupport.OK;
          });
    }
  }

  /** {@code uitslag keys list}. */
  @Command(name = "list", description = "List the certificates in a key directory.", mixinStandardHelpOptions = true)
  static final class ListCertificates implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, description = "Key directory.")
    Path dir;

    @Override
    public Integer call() {
      return CommandSupport.run(
          spec.commandLine().getErr(),
          () -> {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.crt.pem")) {
              stream.forEach(files::add);
            } catch (IOException e) {
              throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage(), e);
            }
            files.sort(null);
            for (Path file : files) {
              spec.commandLine().getOut().print(file.getFileName() + ": " + describe(KeyDirectory.readCertificateFile(file)));
            }
            return CommandSupport.OK;
          });
    }
  }

  /** {@code uitslag keys export-certificate}. */
  @Command(
      name = "export-certificate",
      description = "Write a certificate (never a key) as PEM, to send to the committees or to print.",
      mixinStandardHelpOptions = true)
  static final class ExportCertificate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, description = "Key directory.")
    Path dir;

    @Option(names = "--committee", description = "ManagingAuthority id; without it, the authority's certificate.")
    String committee;

    @Option(names = "--purpose", defaultValue = "ENCRYPTION", description = "SIGNING or ENCRYPTION (default).")
    KeyPurpose purpose;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
      return CommandSupport.run(
          spec.commandLine().getErr(),
          () -> {
            KeyDirectory keys = new KeyDirectory(dir);
            String name = committee == null ? KeyDirectory.AUTHORITY : KeyDirectory.committeeName(committee, purpose);
            X509Certificate certificate = keys.readCertificate(name);
            String pem = Certificates.toPem(List.of(certificate));
            if (out == null) {
              spec.commandLine().getOut().print(pem);
            } else {
              KeyDirectory.writeNew(out, pem, false);
              spec.commandLine().getOut().print(describe(certificate));
            }
            return CommandSupport.OK;
          });
    }
  }
}
