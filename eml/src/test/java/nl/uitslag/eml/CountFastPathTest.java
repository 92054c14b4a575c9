package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nl.uitslag.domain.count.Count;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A count is read the same whether it takes the reader's fast path (plain digits) or the general one (whitespace,
 * leading zeros, comments, bad values): the value, or the same rule and message (docs/EML.md §3).
 */
class CountFastPathTest {
  static final String FILE = "GR2022/Telling_GR2022_Vlieland.eml.xml";

  static Count readWithCast(String cast) {
    String xml = new String(Shared.bytes(Shared.eml(FILE)), StandardCharsets.UTF_8)
        .replaceFirst("<Cast>1045</Cast>", "<Cast>" + cast + "</Cast>");
    return EmlReader.readCount(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.xml",
        ReadOptions.none()).count();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1045|1045", "' 1045 '|1045", "01045|1045", "1<!-- c -->045|1045",
      "0|0", "999999999|999999999", "'\n  1045\n'|1045", "<![CDATA[1045]]>|1045"})
  void acceptedCounts(String text, long expected) {
    assertThat(readWithCast(text).contests().get(0).total().eligibleVoters()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1000000000|NUMBER_OUT_OF_RANGE|1000000000",
      "-5|NUMBER_OUT_OF_RANGE|-5", "+5|NUMBER_OUT_OF_RANGE|+5", "12a|INVALID_VALUE|12a", "''|INVALID_VALUE|''",
      "1 045|INVALID_VALUE|1 045", "12345678901234567890|NUMBER_OUT_OF_RANGE|12345678901234567890"})
  void refusedCounts(String text, EmlRule rule, String shown) {
    EmlException e = catchThrowableOfType(EmlException.class, () -> readWithCast(text));
    assertThat(e).isNotNull();
    assertThat(e.rule()).isEqualTo(rule);
    assertThat(e.path()).endsWith("/TotalVotes/Cast");
    assertThat(e.englishMessage()).contains("\"" + shown + "\"");
  }
}
