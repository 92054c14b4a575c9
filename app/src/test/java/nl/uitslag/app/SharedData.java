package nl.uitslag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real election files in ../shared, which tests may read and the product never needs. */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String property = System.getProperty("uitslag.shared");
    Path p = property != null ? Path.of(property) : Path.of("../../shared");
    return p.toAbsolutePath().normalize();
  }

  public static byte[] read(String relative) {
    try {
      return Files.readAllBytes(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
