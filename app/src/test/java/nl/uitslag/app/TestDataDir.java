package nl.uitslag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh temporary data directory per test class, so every Spring test starts from an empty database. */
public final class TestDataDir {
  private TestDataDir() {}

  public static void register(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("uitslag-test");
      registry.add("uitslag.data-dir", dir::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
