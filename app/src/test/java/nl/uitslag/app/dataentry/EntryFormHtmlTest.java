package nl.uitslag.app.dataentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.domain.validation.ValidationResults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The data-entry fields written by {@link EntryFormHtml} are the page the Thymeleaf fragment they replace
 * (issue 10) gave: same elements, attributes and texts for every kind of field, with validation messages, a
 * correction's closed fields, an unreadable number, and names that must be escaped.
 */
class EntryFormHtmlTest {
  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
  private static final SpringTemplateEngine THYMELEAF = new SpringTemplateEngine();

  static {
    MESSAGES.setBasename("messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    THYMELEAF.setTemplateResolver(resolver);
    THYMELEAF.setTemplateEngineMessageSource(MESSAGES);
  }

  private static final ResultsShape SHAPE = new ResultsShape(List.of(new ListShape(1, 3), new ListShape(2, 2)), true);
  private static final EntryForm.Names NAMES = new EntryForm.Names(
      Map.of(1, "Partij <b>\"Een\"</b> & 'co'", 2, "Lijst Twee"),
      Map.of(1, List.of("Jansen, A.", "O'Brien, <script>alert(1)</script>", "Ēlïzé, É."), 2, List.of("Bakker, B.", "De Vries, C.")));

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"CSO, nl", "CSO, en", "DSO, nl", "DSO, en"})
  void anEmptyFormIsTheSamePage(CountingMethod method, String language) {
    ResultsModel empty = SHAPE.emptyResults(ModelVariant.forPollingStation(method, 1));
    assertSame(empty, ValidationResults.NONE, Set.of(), Map.of(), Locale.forLanguageTag(language));
  }

  @Test
  void aFormWithValuesValidationMessagesAndAnUnreadableNumberIsTheSamePage() {
    ResultsModel empty = SHAPE.emptyResults(ModelVariant.forPollingStation(CountingMethod.CSO, 1));
    Map<String, FieldValue> values = new LinkedHashMap<>();
    values.put("A", new FieldValue.Count(100));
    values.put("D", new FieldValue.Count(90));
    values.put("E.1", new FieldValue.Count(12));
    values.put("list.1.candidate.2", new FieldValue.Count(7));
    values.put("compare.equal", new FieldValue.Checkbox(true));
    values.put("extraInvestigation.otherReason", new YesNo(true, false));
    values.put("countingDifferences.explainedBySb", new YesNo(true, true));
    ResultsModel typed = empty.with(values);
    ValidationResults validation =
        new DoubleEntry(ValidationContext.withDefaults(SHAPE), empty).validate(typed);
    assertThat(validation.all()).as("the example must show validation messages").isNotEmpty();
    Map<String, String> raw = new HashMap<>();
    raw.put("B", "twaalf<>");
    assertSame(typed, validation, Set.of(), raw, Locale.forLanguageTag("nl"));
  }

  @Test
  void aCorrectionWithClosedFieldsIsTheSamePage() {
    ResultsModel empty = SHAPE.emptyResults(ModelVariant.forPollingStation(CountingMethod.CSO, 1));
    ResultsModel typed = empty.with(Map.of("A", new FieldValue.Count(5), "compare.equal", new FieldValue.Checkbox(true)));
    assertSame(typed, ValidationResults.NONE, Set.of("A", "extraInvestigation.otherReason"), Map.of(),
        Locale.forLanguageTag("en"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"saved, nl", "saved, en", "unreadable, nl", "unreadable, en", "refused, nl", "refused, en",
      "unchanged, nl", "unchanged, en", "on, nl", "on, en"})
  void theAutosaveAnswerIsTheFormsStatusFragment(String outcome, String language) {
    Locale locale = Locale.forLanguageTag(language);
    Context context = new Context(locale);
    context.setVariable("autosave", outcome);
    context.setVariable("autosaveTime", "21:15:30");
    String thymeleaf = THYMELEAF.process("dataentry/form", Set.of("autosave"), context);

    String java = EntryFormHtml.autosaveStatus(outcome, "21:15:30", MESSAGES, locale);

    assertThat(normalised(java)).isEqualTo(normalised(thymeleaf));
    assertThat(java).contains("role=\"status\"");
    if (outcome.equals("saved")) {
      assertThat(java).contains("21:15:30");
    }
  }

  private static void assertSame(
      ResultsModel results, ValidationResults validation, Set<String> reEnter, Map<String, String> raw,
      Locale locale) {
    List<EntryForm.Section> sections =
        EntryForm.sections(results, validation, reEnter, raw, NAMES, MESSAGES, locale);
    List<String> unreadable = raw.keySet().stream().map(EntryForm::id).toList();

    Context context = new Context(locale);
    context.setVariable("sections", sections);
    context.setVariable("unreadable", unreadable);
    String page = THYMELEAF.process("dataentry-reference/fields", context);
    String thymeleaf = page.substring(page.indexOf("<form id=\"entry-form\">") + "<form id=\"entry-form\">".length(),
        page.indexOf("</form>"));
    String java = EntryFormHtml.sections(sections, Set.copyOf(unreadable), EntryFormHtml.Texts.of(MESSAGES, locale));

    assertThat(normalised(java)).isEqualTo(normalised(thymeleaf));
    assertThat(java).doesNotContain("<script>").doesNotContain("<b>");
  }

  private static final Pattern TAG = Pattern.compile("<(\\w+)((?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*)\\s*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("[\\w-]+(?:=\"[^\"]*\")?");

  /** Whitespace between and inside tags and the order of a tag's attributes do not change the page. */
  private static String normalised(String html) {
    String spaced = html.replaceAll("\\s+", " ").replace("> <", "><").strip();
    Matcher tag = TAG.matcher(spaced);
    StringBuilder out = new StringBuilder();
    while (tag.find()) {
      List<String> attributes = new ArrayList<>();
      Matcher a = ATTRIBUTE.matcher(tag.group(2));
      while (a.find()) {
        attributes.add(a.group());
      }
      Collections.sort(attributes);
      String sorted = "<" + tag.group(1) + (attributes.isEmpty() ? "" : " " + String.join(" ", attributes)) + ">";
      tag.appendReplacement(out, Matcher.quoteReplacement(sorted));
    }
    tag.appendTail(out);
    return out.toString();
  }
}
