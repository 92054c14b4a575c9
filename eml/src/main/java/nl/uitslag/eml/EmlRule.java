package nl.uitslag.eml;

/**
 * Every reason an EML_NL file can be rejected, with a stable code and a Dutch and an English message template
 * (String.format, arguments in the same order in both languages).
 */
public enum EmlRule {
  IO_ERROR("EML-000", "bestand kan niet gelezen worden: %s", "file cannot be read: %s"),
  MALFORMED_XML("EML-001", "geen welgevormde XML: %s", "not well-formed XML: %s"),
  DOCTYPE_FORBIDDEN("EML-002", "een DOCTYPE is niet toegestaan (DTD's en entiteiten worden geweigerd)",
      "a DOCTYPE is not allowed (DTDs and entities are refused)"),
  ENTITY_FORBIDDEN("EML-003", "entiteitsverwijzing %s is niet toegestaan", "entity reference %s is not allowed"),
  NOT_EML("EML-004", "het hoofdelement is %s, verwacht EML in namespace %s",
      "the root element is %s, expected EML in namespace %s"),
  UNSUPPORTED_MESSAGE("EML-005", "berichtsoort %s wordt niet ondersteund (wel: %s)",
      "message type %s is not supported (supported: %s)"),
  WRONG_MESSAGE("EML-006", "dit is een %s-bestand, verwacht werd %s", "this is a %s file, expected %s"),
  UNEXPECTED_ELEMENT("EML-010", "onverwacht element %s, verwacht: %s", "unexpected element %s, expected: %s"),
  MISSING_ELEMENT("EML-011", "element %s ontbreekt", "element %s is missing"),
  UNEXPECTED_TEXT("EML-012", "onverwachte tekst \"%s\"", "unexpected text \"%s\""),
  UNEXPECTED_ATTRIBUTE("EML-013", "attribuut %s is hier niet toegestaan", "attribute %s is not allowed here"),
  MISSING_ATTRIBUTE("EML-014", "verplicht attribuut %s ontbreekt", "required attribute %s is missing"),
  INVALID_VALUE("EML-015", "waarde \"%s\" is ongeldig: %s", "value \"%s\" is invalid: %s"),
  TRAILING_CONTENT("EML-016", "inhoud na het einde van het document", "content after the end of the document"),
  HEADER_ITEMS("EML-017", "%s komt twee keer voor in de kop", "%s appears twice in the header"),
  NUMBER_OUT_OF_RANGE("EML-020", "aantal \"%s\" ligt niet tussen 0 en 999.999.999",
      "count \"%s\" is not between 0 and 999,999,999"),
  DUPLICATE_SELECTION("EML-021", "%s komt twee keer voor", "%s appears twice"),
  MISSING_SELECTION("EML-022", "%s ontbreekt in %s, maar staat wel in het totaal",
      "%s is missing in %s but present in the total"),
  EXTRA_SELECTION("EML-023", "%s staat in %s, maar niet in het totaal", "%s is in %s but not in the total"),
  CANDIDATE_BEFORE_LIST("EML-024", "kandidaat %s staat niet na een lijst", "candidate %s does not follow a list"),
  CANDIDATE_NOT_ON_LIST("EML-025", "kandidaat %s staat niet op lijst %s van de kandidatenlijsten",
      "candidate %s is not on list %s of the candidate lists"),
  LIST_NOT_NOMINATED("EML-026", "lijst %s komt niet voor in de kandidatenlijsten van kieskring %s",
      "list %s does not appear in the candidate lists of contest %s"),
  LIST_TOTAL_MISMATCH("EML-030", "lijst %s: lijsttotaal %d is niet gelijk aan de som van de kandidaten %d",
      "list %s: list total %d does not equal the sum of its candidates %d"),
  TOTAL_COUNTED_MISMATCH("EML-031", "TotalCounted %d is niet gelijk aan de som van de lijsttotalen %d",
      "TotalCounted %d does not equal the sum of the list totals %d"),
  UNIT_SUM_MISMATCH("EML-032", "totaal van %s is %d, de som over de telgebieden is %d",
      "total of %s is %d, the sum over the reporting units is %d"),
  DUPLICATE_REASON("EML-033", "reden \"%s\" komt twee keer voor", "reason \"%s\" appears twice"),
  MISSING_REASON("EML-034", "RejectedVotes met reden \"%s\" ontbreekt", "RejectedVotes with reason \"%s\" is missing"),
  DUPLICATE_REPORTING_UNIT("EML-035", "telgebied %s komt twee keer voor", "reporting unit %s appears twice"),
  DUPLICATE_LIST("EML-040", "lijst %s komt twee keer voor", "list %s appears twice"),
  NOT_INCREASING("EML-041", "%s %s volgt niet oplopend op %s", "%s %s does not follow %s in increasing order"),
  ELECTION_MISMATCH("EML-050", "verkiezing %s verschilt van de verwachte verkiezing %s (%s)",
      "election %s differs from the expected election %s (%s)"),
  CONTEST_MISMATCH("EML-051", "kieskring %s komt niet voor in de kandidatenlijsten",
      "contest %s does not appear in the candidate lists");

  // Dutch for the English reasons the reader passes to INVALID_VALUE ("name: reason" or "reason").
  private static final java.util.Map<String, String> DUTCH_REASONS = java.util.Map.ofEntries(
      java.util.stream.Stream.of(new String[][] {
        {"not a whole number", "geen geheel getal"},
        {"must be at least 1", "moet minstens 1 zijn"},
        {"TransactionId is empty", "TransactionId is leeg"},
        {"not an xs:dateTime", "geen geldige datum met tijd (xs:dateTime)"},
        {"at least three characters", "minstens drie tekens"},
        {"not a date (yyyy-mm-dd)", "geen geldige datum (jjjj-mm-dd)"},
        {"unknown election category", "onbekende verkiezingscategorie"},
        {"unknown election subcategory", "onbekende verkiezingssubcategorie"},
        {"empty contest id", "lege kieskringcode"},
        {"unknown voting method", "onbekende stemmethode"},
        {"unknown region category", "onbekende gebiedscategorie"},
        {"unknown committee category", "onbekende categorie van het stembureau"},
        {"the 110b contest id is always geen", "de kieskring in een 110b is altijd geen"},
        {"MaxVotes must be at least 1", "MaxVotes moet minstens 1 zijn"},
        {"Channel is polling or postal", "Channel is polling of postal"},
        {"number of eligible voters in digits", "aantal kiesgerechtigden in cijfers"},
        {"polling station number must be at least 1", "stembureaunummer moet minstens 1 zijn"},
        {"FixedLocation, Mobile or Special", "FixedLocation, Mobile of Special"},
        {"unknown list type", "onbekend lijsttype"},
        {"PublicationLanguage is nl or fy", "PublicationLanguage is nl of fy"},
        {"ShortCode has 1 to 15 characters", "ShortCode heeft 1 tot 15 tekens"},
        {"ShortCode: letters followed by at most seven digits", "ShortCode: letters gevolgd door hoogstens zeven cijfers"},
        {"letters followed by at most seven digits", "letters gevolgd door hoogstens zeven cijfers"},
        {"NameType must be Initials", "NameType moet Initials zijn"},
        {"Gender is male, female or unknown", "Gender is male, female of unknown"},
        {"kr:GenderAnnex is male, female or other", "kr:GenderAnnex is male, female of other"},
        {"centrale or decentrale stemopneming", "centrale of decentrale stemopneming"},
        {"eerste zitting or corrigendum", "eerste zitting of corrigendum"},
        {"unknown investigation reason", "onbekende reden van onderzoek"},
        {"ReasonCode is blanco or ongeldig", "ReasonCode is blanco of ongeldig"},
        {"unknown UncountedVotes ReasonCode", "onbekende ReasonCode van UncountedVotes"},
        {"a list has no ranking", "een lijst heeft geen Ranking"},
        {"Elected is always yes", "Elected is altijd yes"},
        {"Votes must be positive", "Votes moet positief zijn"},
        {"Ranking is 1 or 2", "Ranking is 1 of 2"},
        {"a positive number", "een positief getal zonder voorloopnullen"},
        {"NMTOKEN", "NMTOKEN"},
        {"CSB, HSB<n>, SB<n> or a four-digit municipality code", "CSB, HSB<n>, SB<n> of een gemeentecode van vier cijfers"},
        {"election category, year and optional suffix", "verkiezingscategorie, jaartal en eventueel een achtervoegsel"},
        {"four digits or a number below 30", "vier cijfers of een getal onder 30"},
        {"a number, a Roman numeral, geen or alle", "een getal, een Romeins getal, geen of alle"},
        {"reporting unit id", "code van een telgebied"},
        {"reporting unit id, e.g. 0668::SB1", "code van een telgebied, bijv. 0668::SB1"},
        {"a number from 0 to 32767", "een getal van 0 tot en met 32767"},
        {"not a boolean", "geen waar/onwaar-waarde (true/false)"},
        {"text longer than 100,000 characters", "tekst langer dan 100.000 tekens"},
        {"one letter", "één letter"},
        {"digits", "cijfers"}
      }).map(p -> java.util.Map.entry(p[0], p[1])).toArray(java.util.Map.Entry[]::new));

  private final String code;
  private final String dutch;
  private final String english;

  EmlRule(String code, String dutch, String english) {
    this.code = code;
    this.dutch = dutch;
    this.english = english;
  }

  /** The stable code shown with every rejection, e.g. EML-030. */
  public String code() {
    return code;
  }

  /** The Dutch message with its arguments filled in. */
  public String dutch(Object... args) {
    Object[] a = args.clone();
    if (this == INVALID_VALUE && a.length == 2 && a[1] instanceof String) {
      a[1] = dutchReason((String) a[1]);
    }
    if (TRANSLATED_ARGUMENTS.contains(this)) {
      // The value that was found (UNEXPECTED_ELEMENT's first argument) stays as it is.
      for (int i = this == UNEXPECTED_ELEMENT ? 1 : 0; i < a.length; i++) {
        if (a[i] instanceof String) {
          a[i] = dutchDescription((String) a[i]);
        }
      }
    }
    return String.format(java.util.Locale.ROOT, dutch, a);
  }

  private static final java.util.Set<EmlRule> TRANSLATED_ARGUMENTS = java.util.EnumSet.noneOf(EmlRule.class);

  static {
    TRANSLATED_ARGUMENTS.addAll(java.util.List.of(DUPLICATE_SELECTION, MISSING_SELECTION, EXTRA_SELECTION,
        UNIT_SUM_MISMATCH, NOT_INCREASING, UNEXPECTED_ELEMENT, MISSING_ELEMENT, ELECTION_MISMATCH));
  }

  /** Dutch for the reader's descriptions of selections and expectations ("candidate 4 of list 1", "A or B"). */
  static String dutchDescription(String english) {
    return english
        .replaceAll("\\bcandidate (\\S+) of list (\\S+)", "kandidaat $1 van lijst $2")
        .replaceAll("\\bcandidate\\b", "kandidaat")
        .replaceAll("\\blist\\b", "lijst")
        .replaceAll("\\bcontest\\b", "kieskring")
        .replace(", each at most once", ", elk hoogstens één keer")
        .replace("at most three", "hoogstens drie")
        .replace("several are not supported", "meer dan één wordt niet ondersteund")
        .replace("one Contest", "één Contest")
        .replace("one Election", "één Election")
        .replace("election date", "verkiezingsdatum")
        .replaceAll("\\bcategory\\b", "categorie")
        .replaceAll("\\bdomain\\b", "gebied")
        .replaceAll("^text$", "tekst")
        .replace("(empty)", "(leeg)")
        .replace("(end of document)", "(einde van het document)")
        .replace(" or ", " of ");
  }

  /** The Dutch of a reason, keeping a leading "attribute: " and falling back to the English text. */
  static String dutchReason(String english) {
    String direct = DUTCH_REASONS.get(english);
    if (direct != null) {
      return direct;
    }
    int colon = english.indexOf(": ");
    if (colon > 0) {
      String rest = DUTCH_REASONS.get(english.substring(colon + 2));
      if (rest != null) {
        return english.substring(0, colon) + ": " + rest;
      }
    }
    return english;
  }

  /** The English message with its arguments filled in. */
  public String english(Object... args) {
    return String.format(java.util.Locale.ROOT, english, args);
  }
}
