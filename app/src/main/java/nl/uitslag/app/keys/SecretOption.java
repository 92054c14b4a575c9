package nl.uitslag.app.keys;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a passphrase or password comes from: an environment variable or a file named by an option, or the console.
 * Never the command line itself, which other users can read in the process list and which ends up in shell history.
 */
final class SecretOption {
  private SecretOption() {}

  /** Like {@link #read}, but on the console the new secret is asked twice, since a typo would lock the key away. */
  static char[] readNew(String label, String environmentVariable, Path file) {
    char[] first = read(label, environmentVariable, file);
    if (environmentVariable != null || file != null) {
      return first;
    }
    char[] second = read(label + " (again)", null, null);
    boolean same = java.util.Arrays.equals(first, second);
    java.util.Arrays.fill(second, '\0');
    if (!same) {
      java.util.Arrays.fill(first, '\0');
      throw new IllegalArgumentException(label + ": the two entries differ");
    }
    return first;
  }

  static char[] read(String label, String environmentVariable, Path file) {
    if (environmentVariable != null && file != null) {
      throw new IllegalArgumentException(label + ": give an environment variable or a file, not both");
    }
    if (environmentVariable != null) {
      String value = System.getenv(environmentVariable);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(label + ": environment variable " + environmentVariable + " is not set");
      }
      return value.toCharArray();
    }
    if (file != null) {
      try {
        String value = Files.readString(file, StandardCharsets.UTF_8);
        // One trailing line end is what an editor or `echo` adds; it is not part of the secret.
        return value.replaceFirst("\r?\n\\z", "").toCharArray();
      } catch (IOException e) {
        throw new IllegalArgumentException(label + ": cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(
          label + ": no console to ask on; name an environment variable or a file with the secret");
    }
    char[] value = console.readPassword("%s: ", label);
    if (value == null) {
      throw new IllegalArgumentException(label + ": nothing entered");
    }
    return value;
  }
}
