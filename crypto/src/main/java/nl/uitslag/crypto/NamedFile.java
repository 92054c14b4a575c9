package nl.uitslag.crypto;

import java.util.Arrays;
import java.util.regex.Pattern;
import nl.uitslag.domain.fingerprint.Fingerprint;

/**
 * One file carried in a transfer package: a count file (EML) or a report (PDF), with the plain file name it is
 * written back under.
 */
public record NamedFile(String name, byte[] bytes) {
  /** A plain name: no directories, no leading dot, so unsealing can never write outside its target directory. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

  public NamedFile {
    if (!validName(name)) {
      throw new IllegalArgumentException("file name must match " + NAME.pattern() + ": " + name);
    }
    bytes = bytes.clone();
  }

  static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public Fingerprint fingerprint() {
    return Fingerprint.of(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamedFile
        && ((NamedFile) other).name.equals(name)
        && Arrays.equals(((NamedFile) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "NamedFile[" + name + ", " + bytes.length + " bytes]";
  }
}
