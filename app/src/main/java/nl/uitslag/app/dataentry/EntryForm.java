package nl.uitslag.app.dataentry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.validation.ValidationMessages;
import nl.uitslag.domain.validation.ValidationResult;
import nl.uitslag.domain.validation.ValidationResults;
import org.springframework.context.MessageSource;

/**
 * The data-entry form of one paper model as the template shows it: every field in the order of the paper,
 * grouped in the paper's sections, each labelled with its paper code and name, with the validation results
 * of the fields it concerns.
 */
final class EntryForm {
  private static final int MAX_COUNT = 999_999_999;
  // Compiled once: parsing and labelling a TK form test over a thousand paths per request (issue 10).
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
  private static final Pattern VOTERS = Pattern.compile("[ABCD]");
  private static final Pattern VOTES = Pattern.compile("E(\\.\\d+)?|[FGH]");
  private static final Pattern LIST_VOTES = Pattern.compile("E\\.\\d+");

  private EntryForm() {}

  /** A validation result as shown: code, title and what to do for the reader's role and language. */
  record Message(String code, boolean error, String title, String whatToDo, List<String> fieldIds) {}

  /**
   * One input. {@code kind} is {@code count}, {@code checkbox} or {@code yesno}; {@code open} is false for a
   * field closed in a correction; {@code messageCodes} are the codes concerning this field.
   */
  record Field(
      String path, String id, String code, String label, String kind, String value, boolean checked, boolean yes,
      boolean no, boolean open, boolean reEnter, List<String> messageCodes) {
    public boolean invalid() {
      return !messageCodes.isEmpty();
    }

    public String describedBy() {
      return invalid() ? id + "-msg" : null;
    }
  }

  /** A section of the paper form. */
  record Section(String heading, List<Field> fields) {}

  /** The election facts the labels need: list names and candidate names. */
  record Names(Map<Integer, String> lists, Map<Integer, List<String>> candidates) {}

  static String id(String path) {
    return "f-" + path.replace('.', '-');
  }

  static ValidationMessages.Language language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? ValidationMessages.Language.EN : ValidationMessages.Language.NL;
  }

  static List<Message> messages(ValidationResults results, ValidationMessages.Role role, Locale locale) {
    List<Message> out = new ArrayList<>();
    for (ValidationResult r : results.all()) {
      List<String> ids = r.fields().stream().map(EntryForm::id).toList();
      out.add(new Message(r.code().code(), r.severity() == nl.uitslag.domain.validation.Severity.ERROR,
          ValidationMessages.title(r.code(), language(locale)),
          ValidationMessages.whatToDo(r.code(), role, language(locale)), ids));
    }
    return out;
  }

  /**
   * The sections of the form for the given results. {@code raw} holds the text typed per path when a
   * submission could not be read (shown again instead of the stored value); {@code reEnter} the fields open
   * in a correction (empty: every field is open).
   */
  static List<Section> sections(
      ResultsModel results, ValidationResults validation, Set<String> reEnter, Map<String, String> raw,
      Names names, MessageSource messages, Locale locale) {
    Map<String, List<String>> codesPerPath = new LinkedHashMap<>();
    for (ValidationResult r : validation.all()) {
      for (String f : r.fields()) {
        codesPerPath.computeIfAbsent(f, k -> new ArrayList<>()).add(r.code().code());
      }
    }
    Map<String, List<Field>> sections = new LinkedHashMap<>();
    Map<String, String> headings = new java.util.HashMap<>();
    for (ResultsField f : results.fields()) {
      String path = f.path();
      // One message lookup per section, not per field.
      String section = headings.computeIfAbsent(sectionKey(path), k -> sectionHeading(path, names, messages, locale));
      boolean open = reEnter.isEmpty() || reEnter.contains(path);
      FieldValue v = f.value();
      String kind;
      String value = "";
      boolean checked = false;
      boolean yes = false;
      boolean no = false;
      if (v instanceof FieldValue.Count c) {
        kind = "count";
        // An empty count means 0 (abacus.md §3.1); show it empty so the typist sees what is still to do.
        value = raw.containsKey(path) ? raw.get(path) : c.value() == 0 ? "" : Integer.toString(c.value());
      } else if (v instanceof FieldValue.Checkbox c) {
        kind = "checkbox";
        checked = c.ticked();
      } else {
        kind = "yesno";
        yes = ((YesNo) v).yes();
        no = ((YesNo) v).no();
      }
      String[] codeAndLabel = codeAndLabel(f, names, messages, locale);
      sections.computeIfAbsent(section, k -> new ArrayList<>())
          .add(new Field(path, id(path), codeAndLabel[0], codeAndLabel[1], kind, value, checked, yes, no, open,
              reEnter.contains(path), codesPerPath.getOrDefault(path, List.of())));
    }
    List<Section> out = new ArrayList<>();
    sections.forEach((heading, fields) -> out.add(new Section(heading, fields)));
    return out;
  }

  /** What decides a field's section heading: the list for a list's fields, else the first part of the path. */
  private static String sectionKey(String path) {
    if (path.startsWith("list.")) {
      return path.substring(0, path.indexOf('.', 5));
    }
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  private static String sectionHeading(String path, Names names, MessageSource m, Locale locale) {
    if (path.startsWith("list.")) {
      int list = Integer.parseInt(path.split("\\.")[1]);
      return m.getMessage("entry.section.list", new Object[] {list, names.lists().getOrDefault(list, "")}, locale);
    }
    String key;
    if (path.startsWith("extraInvestigation.")) {
      key = "extraInvestigation";
    } else if (path.startsWith("countingDifferences.")) {
      key = "countingDifferences";
    } else if (path.startsWith("aboutReport.")) {
      key = "aboutReport";
    } else if (path.startsWith("checks.")) {
      key = "checks";
    } else if (VOTERS.matcher(path).matches()) {
      key = "voters";
    } else if (VOTES.matcher(path).matches()) {
      key = "votes";
    } else {
      key = "differences";
    }
    return m.getMessage("entry.section." + key, null, locale);
  }

  private static String[] codeAndLabel(ResultsField f, Names names, MessageSource m, Locale locale) {
    String path = f.path();
    String[] parts = path.split("\\.");
    if (path.startsWith("list.") && parts[2].equals("candidate")) {
      int list = Integer.parseInt(parts[1]);
      int candidate = Integer.parseInt(parts[3]);
      List<String> candidates = names.candidates().getOrDefault(list, List.of());
      String name = candidate <= candidates.size() ? candidates.get(candidate - 1) : "";
      return new String[] {Integer.toString(candidate), name};
    }
    if (path.startsWith("list.")) {
      int list = Integer.parseInt(parts[1]);
      return new String[] {"", m.getMessage("entry.field.listTotal", new Object[] {list}, locale)};
    }
    if (LIST_VOTES.matcher(path).matches()) {
      int list = Integer.parseInt(parts[1]);
      return new String[] {f.paperCode(),
          m.getMessage("entry.field.E.x", new Object[] {list, names.lists().getOrDefault(list, "")}, locale)};
    }
    return new String[] {f.paperCode(), m.getMessage("entry.field." + path, null, locale)};
  }

  /**
   * Reads the submitted form into field values. Fields not open (a correction) are left out, so they keep
   * their value. A count that is not a whole number of at most nine digits is reported in {@code errors}.
   */
  static Map<String, FieldValue> parse(
      ResultsModel current, Set<String> reEnter, Map<String, String[]> params, Map<String, String> rawOut,
      List<String> errors) {
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (ResultsField f : current.fields()) {
      String path = f.path();
      if (!reEnter.isEmpty() && !reEnter.contains(path)) {
        continue;
      }
      if (f.value() instanceof FieldValue.Count) {
        String text = first(params, path).strip();
        rawOut.put(path, text);
        if (text.isEmpty()) {
          values.put(path, FieldValue.Count.ZERO);
        } else if (COUNT.matcher(text).matches() && Integer.parseInt(text) <= MAX_COUNT) {
          values.put(path, new FieldValue.Count(Integer.parseInt(text)));
        } else {
          errors.add(path);
        }
      } else if (f.value() instanceof FieldValue.Checkbox) {
        values.put(path, new FieldValue.Checkbox(params.containsKey(path)));
      } else {
        values.put(path, new YesNo(params.containsKey(path + ".yes"), params.containsKey(path + ".no")));
      }
    }
    // N 10-1: when the checks-and-corrections page is marked missing, its questions are skipped (abacus.md §3.1,
    // "disabled when page missing"); whatever was ticked there before is cleared instead of refused.
    FieldValue page = values.get("aboutReport.checksPagePresent");
    if (page instanceof YesNo p && !p.yes() && p.no()) {
      for (ResultsField f : current.fields()) {
        if (f.path().startsWith("checks.") && values.containsKey(f.path())) {
          values.put(f.path(), f.value() instanceof FieldValue.Checkbox ? new FieldValue.Checkbox(false)
              : new YesNo(false, false));
        }
      }
    }
    return values;
  }

  /** Share of the count fields that hold a value, as the entry's progress (0–100). */
  static int progress(Map<String, String> raw) {
    if (raw.isEmpty()) {
      return 0;
    }
    long filled = raw.values().stream().filter(v -> !v.isEmpty()).count();
    return (int) (filled * 100 / raw.size());
  }

  private static String first(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 || v[0] == null ? "" : v[0];
  }
}
