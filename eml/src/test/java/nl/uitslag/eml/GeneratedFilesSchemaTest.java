package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import nl.uitslag.eml.generate.WorkedExample;
import nl.uitslag.eml.generate.WorkedExampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Every generated file, of every kind, is valid against the published EML_NL schemas (110a, 230b, 510, 520). */
class GeneratedFilesSchemaTest {
  private static final Pattern ID = Pattern.compile("<EML [^>]*Id=\"([^\"]+)\"");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"GR1", "TK", "EK"})
  void everyGeneratedFileIsSchemaValid(String type) {
    GeneratorSpec spec = GeneratorSpec.of(type).withSeed(21);
    if (!spec.isMunicipal() && !spec.isEk()) {
      spec = spec.withSize(2, 4, 8, 5, 6);
    }
    GeneratedSet set = EmlGenerator.generate(spec, dir);
    Set<String> kinds = new TreeSet<>();
    for (Path p : set.files()) {
      byte[] bytes = Shared.bytes(p);
      Matcher m = ID.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8));
      assertThat(m.find()).as(p.toString()).isTrue();
      kinds.add(m.group(1));
      assertThat(Schemas.problem(m.group(1), bytes)).as(p.getFileName().toString()).isNull();
    }
    if (type.equals("TK")) {
      assertThat(kinds).containsExactly("110a", "230b", "510b", "510c", "510d", "520");
    } else if (type.equals("GR1")) {
      assertThat(kinds).containsExactly("110a", "230b", "510b", "520");
    } else {
      assertThat(kinds).containsExactly("110a", "230b", "510d", "520");
    }
  }

  /** apportionment.md §6.5 tk_group written as files: every file of every kind validates. */
  @Test
  void everyFileOfTheWorkedExampleTkGroupIsSchemaValid() {
    GeneratedSet set = WorkedExampleGenerator.generate(WorkedExample.TK_GROUP, 1, dir);
    Set<String> kinds = new TreeSet<>();
    for (Path p : set.files()) {
      byte[] bytes = Shared.bytes(p);
      Matcher m = ID.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8));
      assertThat(m.find()).as(p.toString()).isTrue();
      kinds.add(m.group(1));
      assertThat(Schemas.problem(m.group(1), bytes)).as(p.getFileName().toString()).isNull();
    }
    assertThat(kinds).containsExactly("110a", "230b", "510b", "510c", "510d", "520");
  }
}
