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
  HEADER_ITEMS("EML-017", "kr:Schema, kr:CreationDateTime en ds:CanonicalizationMethod: %s",
      "kr:Schema, kr:CreationDateTime and ds:CanonicalizationMethod: %s"),
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
    return String.format(java.util.Locale.ROOT, dutch, args);
  }

  /** The English message with its arguments filled in. */
  public String english(Object... args) {
    return String.format(java.util.Locale.ROOT, english, args);
  }
}
