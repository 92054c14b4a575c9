package nl.uitslag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user reads comes from the message bundles, and Dutch and English have the same keys. A literal in
 * a template would show Dutch to an English user (or the reverse), so it fails the build.
 */
class I18nTest {
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  // Text between tags that holds a letter; Thymeleaf expressions live in attributes, so any such text is literal.
  private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
  private static final Pattern LITERAL_ATTRIBUTE =
      Pattern.compile("\\s(title|alt|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)");

  @Test
  void bundlesHaveTheSameKeys() throws IOException {
    Properties nl = load("messages.properties");
    Properties en = load("messages_en.properties");
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(nl.stringPropertyNames());
    assertThat(nl.stringPropertyNames()).allSatisfy(k -> assertThat(nl.getProperty(k)).isNotBlank());
  }

  @Test
  void templatesHoldNoUntranslatedText() throws IOException {
    List<String> literals = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
      Matcher text = TEXT_NODE.matcher(html);
      while (text.find()) {
        String t = text.group(1).strip();
        if (!t.isEmpty()) {
          literals.add(template + ": text \"" + t + "\"");
        }
      }
      Matcher attr = LITERAL_ATTRIBUTE.matcher(html);
      while (attr.find()) {
        literals.add(template + ": attribute " + attr.group(1) + "=\"" + attr.group(2) + "\"");
      }
    }
    assertThat(literals).as("literal texts in templates; use th:text with a message key").isEmpty();
  }

  @Test
  void everyStaticMessageKeyInATemplateExists() throws IOException {
    Properties nl = load("messages.properties");
    List<String> missing = new ArrayList<>();
    for (Path template : templates()) {
      Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
      while (m.find()) {
        if (!nl.containsKey(m.group(1))) {
          missing.add(template + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = I18nTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
