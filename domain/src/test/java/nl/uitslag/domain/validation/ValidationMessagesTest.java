package nl.uitslag.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import nl.uitslag.domain.validation.ValidationMessages.Language;
import nl.uitslag.domain.validation.ValidationMessages.Role;
import org.junit.jupiter.api.Test;

class ValidationMessagesTest {

  private static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ValidationMessages.class.getResourceAsStream("ValidationMessages_" + suffix + ".properties")) {
      assertThat(in).as("bundle %s", suffix).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void every_code_has_a_title_and_a_text_per_role_in_dutch_and_english() {
    for (Language language : Language.values()) {
      for (ValidationCode code : ValidationCode.values()) {
        assertThat(ValidationMessages.title(code, language)).as("%s %s title", language, code).isNotBlank();
        for (Role role : Role.values()) {
          assertThat(ValidationMessages.whatToDo(code, role, language))
              .as("%s %s %s", language, code, role).isNotBlank();
        }
      }
    }
  }

  @Test
  void both_languages_have_exactly_the_same_keys_and_no_unknown_codes() throws IOException {
    Properties nl = load("nl");
    Properties en = load("en");
    assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    Set<String> known = new HashSet<>(Set.of("typist.error", "typist.warning"));
    for (ValidationCode code : ValidationCode.values()) {
      known.add(code.code() + ".title");
      known.add(code.code() + ".coordinator");
      known.add(code.code() + ".typist");
    }
    assertThat(known).containsAll(nl.stringPropertyNames());
  }

  @Test
  void dutch_texts_are_read_as_utf8_and_differ_from_english() {
    assertThat(ValidationMessages.whatToDo(ValidationCode.F201, Role.TYPIST, Language.NL)).contains("coördinator");
    assertThat(ValidationMessages.title(ValidationCode.F201, Language.NL))
        .isNotEqualTo(ValidationMessages.title(ValidationCode.F201, Language.EN));
  }

  @Test
  void typists_get_the_generic_text_unless_a_code_has_its_own() {
    assertThat(ValidationMessages.whatToDo(ValidationCode.F203, Role.TYPIST, Language.EN))
        .contains("call the coordinator");
    assertThat(ValidationMessages.whatToDo(ValidationCode.W201, Role.TYPIST, Language.EN))
        .contains("accept the warning");
    assertThat(ValidationMessages.whatToDo(ValidationCode.W002, Role.TYPIST, Language.EN))
        .contains("cleared these fields");
  }
}
