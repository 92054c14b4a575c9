package nl.uitslag.eml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates ../shared (real election files and the EML_NL schemas) for tests. */
final class Shared {
  private Shared() {}

  static Path root() {
    String p = System.getProperty("uitslag.shared");
    Path root = p != null ? Paths.get(p) : Paths.get("../../shared");
    if (!Files.isDirectory(root)) {
      root = Paths.get("../../shared");
    }
    return root.toAbsolutePath().normalize();
  }

  static Path eml(String relative) {
    return root().resolve("data/eml").resolve(relative);
  }

  static Path xsd() {
    return root().resolve("data/eml-nl-xsd/xsd");
  }

  static Path csv(String name) {
    return root().resolve("data/csv").resolve(name);
  }

  static List<Path> allRealFiles() {
    try (Stream<Path> s = Files.walk(root().resolve("data/eml"))) {
      return s.filter(f -> f.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EmlDocument read(Path p, ReadOptions options) {
    try (InputStream in = Files.newInputStream(p)) {
      return EmlReader.read(in, p.getFileName().toString(), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
