package nl.uitslag.domain.validation;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts shown with a validation code: its title and what the typist or the coordinator should do, in
 * Dutch or English. The texts live in the resource bundle {@code ValidationMessages_nl/_en.properties}
 * beside this class, so translators edit one file per language; a test checks that every code has every
 * text in both.
 */
public final class ValidationMessages {
  /** The languages of the user interface: Dutch (the language of the law and the paper) and English. */
  public enum Language {
    NL(Locale.forLanguageTag("nl")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
      this.locale = locale;
    }
  }

  /** Who reads the text: the person entering the paper, or the coordinator of the committee. */
  public enum Role {
    TYPIST,
    COORDINATOR
  }

  private static final String BUNDLE = "nl.uitslag.domain.validation.ValidationMessages";

  private ValidationMessages() {}

  /** The short title of the code, e.g. "A + B + C is not D". */
  public static String title(ValidationCode code, Language language) {
    return bundle(language).getString(code.code() + ".title");
  }

  /** What the given role should do about the code. */
  public static String whatToDo(ValidationCode code, Role role, Language language) {
    ResourceBundle b = bundle(language);
    if (role == Role.COORDINATOR) {
      return b.getString(code.code() + ".coordinator");
    }
    String specific = code.code() + ".typist";
    if (b.containsKey(specific)) {
      return b.getString(specific);
    }
    return b.getString(code.severity() == Severity.ERROR ? "typist.error" : "typist.warning");
  }

  private static ResourceBundle bundle(Language language) {
    try {
      // No fallback: a missing language must fail loudly rather than show the JVM's default locale.
      return ResourceBundle.getBundle(BUNDLE, language.locale,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      throw new IllegalStateException("validation texts missing for " + language, e);
    }
  }
}
