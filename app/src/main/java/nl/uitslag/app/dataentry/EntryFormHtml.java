package nl.uitslag.app.dataentry;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The inputs of a data-entry form (every field of the paper model, in its sections) as HTML. A TK form has over
 * a thousand fields, and Thymeleaf evaluating some ten expressions per field cost about 80 ms of CPU per page,
 * most of the cost of a save (issue 10); this writes the same markup directly. Every text and attribute value is
 * HTML-escaped as Thymeleaf's {@code th:text} does, and attributes come in the order Thymeleaf gave them;
 * {@code EntryFormHtmlTest} checks the output against the Thymeleaf fragment it replaces.
 */
final class EntryFormHtml {
  private EntryFormHtml() {}

  /** The texts of the form itself, in the reader's language. */
  record Texts(String yes, String no, String invalidNumber) {
    static Texts of(MessageSource messages, Locale locale) {
      return new Texts(messages.getMessage("entry.value.yes", null, locale),
          messages.getMessage("entry.value.no", null, locale),
          messages.getMessage("entry.form.invalidNumber", null, locale));
    }
  }

  /**
   * The answer to an autosave: the status line that replaces the form's {@code autosave} fragment, as that
   * fragment of {@code dataentry/form.html} renders it. An autosave needs no more than this one line, and
   * answering it without the template engine saved about a tenth of an autosave's CPU (issue 10);
   * {@code EntryFormHtmlTest} checks it against the fragment for every outcome in both languages.
   *
   * @param outcome {@code saved}, {@code unreadable}, {@code refused} or {@code unchanged}
   * @param time the time of the save, shown with {@code saved}
   */
  static String autosaveStatus(String outcome, String time, MessageSource messages, Locale locale) {
    String text;
    switch (outcome) {
      case "saved":
        text = messages.getMessage("entry.autosave.saved", new Object[] {time}, locale);
        break;
      case "unreadable":
        text = messages.getMessage("entry.autosave.unreadable", null, locale);
        break;
      case "refused":
        text = messages.getMessage("entry.autosave.refused", null, locale);
        break;
      case "unchanged":
        text = "";
        break;
      default:
        text = messages.getMessage("entry.autosave.on", null, locale);
    }
    return "<p id=\"autosave-status\" class=\"hint autosave-status\" role=\"status\">\n<span>" + e(text)
        + "</span>\n</p>\n";
  }

  /** The fieldsets of the sections; {@code unreadable} holds the ids of counts that could not be read. */
  static String sections(List<EntryForm.Section> sections, Set<String> unreadable, Texts texts) {
    StringBuilder h = new StringBuilder(400 * sections.stream().mapToInt(s -> s.fields().size()).sum());
    for (EntryForm.Section section : sections) {
      h.append("<fieldset class=\"entry-section\">\n<legend>").append(e(section.heading())).append("</legend>\n");
      for (EntryForm.Field f : section.fields()) {
        field(h, f, unreadable.contains(f.id()), texts);
      }
      h.append("</fieldset>\n");
    }
    return h.toString();
  }

  private static void field(StringBuilder h, EntryForm.Field f, boolean unreadable, Texts texts) {
    h.append("<div class=\"entry-field").append(f.invalid() ? " has-message" : "").append("\">\n");
    String id = e(f.id());
    switch (f.kind()) {
      case "count":
        label(h, id, f);
        h.append("<input type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]*\" maxlength=\"9\" autocomplete=\"off\"")
            .append(" id=\"").append(id).append("\" name=\"").append(e(f.path())).append("\" value=\"")
            .append(e(f.value())).append('"');
        aria(h, f, f.invalid() || unreadable);
        flag(h, "readonly", !f.open());
        h.append(">\n");
        break;
      case "checkbox":
        h.append("<input type=\"checkbox\" value=\"true\" id=\"").append(id).append("\" name=\"").append(e(f.path()))
            .append('"');
        aria(h, f, f.invalid());
        flag(h, "checked", f.checked());
        flag(h, "disabled", !f.open());
        h.append(">\n");
        label(h, id, f);
        break;
      case "yesno":
        h.append("<fieldset class=\"yes-no\"");
        if (f.describedBy() != null) {
          h.append(" aria-describedby=\"").append(e(f.describedBy())).append('"');
        }
        h.append(">\n<legend>").append(e(f.label())).append("</legend>\n");
        choice(h, id + "-yes", e(f.path()) + ".yes", f.yes(), f.open(), e(texts.yes()));
        choice(h, id + "-no", e(f.path()) + ".no", f.no(), f.open(), e(texts.no()));
        h.append("</fieldset>\n");
        break;
      default:
        throw new IllegalArgumentException("unknown kind of field: " + f.kind());
    }
    if (f.invalid()) {
      h.append("<p class=\"field-message\" id=\"").append(e(f.describedBy())).append("\">")
          .append(e(String.join(", ", f.messageCodes()))).append("</p>\n");
    }
    if (unreadable) {
      h.append("<p class=\"field-message\" role=\"alert\">").append(e(texts.invalidNumber())).append("</p>\n");
    }
    h.append("</div>\n");
  }

  private static void label(StringBuilder h, String id, EntryForm.Field f) {
    h.append("<label for=\"").append(id).append("\"><span class=\"paper-code\">").append(e(f.code()))
        .append("</span> <span>").append(e(f.label())).append("</span></label>\n");
  }

  private static void aria(StringBuilder h, EntryForm.Field f, boolean invalid) {
    h.append(" aria-invalid=\"").append(invalid).append('"');
    if (f.describedBy() != null) {
      h.append(" aria-describedby=\"").append(e(f.describedBy())).append('"');
    }
    // Thymeleaf's th:attr leaves out an attribute whose value is empty (a list total has no paper code).
    if (!f.code().isEmpty()) {
      h.append(" data-code=\"").append(e(f.code())).append('"');
    }
  }

  private static void choice(StringBuilder h, String id, String name, boolean checked, boolean open, String label) {
    h.append("<input type=\"checkbox\" value=\"true\" id=\"").append(id).append("\" name=\"").append(name).append('"');
    flag(h, "checked", checked);
    flag(h, "disabled", !open);
    h.append(">\n<label for=\"").append(id).append("\">").append(label).append("</label>\n");
  }

  private static void flag(StringBuilder h, String name, boolean on) {
    if (on) {
      h.append(' ').append(name).append("=\"").append(name).append('"');
    }
  }

  /** Escapes the five characters Thymeleaf's th:text escapes; most texts have none and are returned as they are. */
  private static String e(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
        return HtmlUtils.htmlEscape(text, "UTF-8");
      }
    }
    return text;
  }
}
