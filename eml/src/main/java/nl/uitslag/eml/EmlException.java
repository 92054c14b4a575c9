package nl.uitslag.eml;

/**
 * Why an EML_NL file was rejected: the file, the line, the element path, the rule broken and a message in Dutch and
 * English. Nothing of a rejected file may be used.
 */
public final class EmlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final int line;
  private final String path;
  private final EmlRule rule;
  private final String dutchMessage;
  private final String englishMessage;

  public EmlException(String fileName, int line, String path, EmlRule rule, Object... args) {
    this(fileName, line, path, rule, null, args);
  }

  EmlException(String fileName, int line, String path, EmlRule rule, Throwable cause, Object... args) {
    super(format(fileName, line, path, rule, rule.dutch(args), rule.english(args)), cause);
    this.fileName = fileName;
    this.line = line;
    this.path = path;
    this.rule = rule;
    this.dutchMessage = rule.dutch(args);
    this.englishMessage = rule.english(args);
  }

  private static String format(String file, int line, String path, EmlRule rule, String nl, String en) {
    return file + ":" + line + ": " + path + ": " + rule.code() + " " + nl + " / " + en;
  }

  public String fileName() {
    return fileName;
  }

  /** The line in the file (1-based), or 0 when not known. */
  public int line() {
    return line;
  }

  /** The element path, e.g. /EML/Count/Election/Contests/Contest/ReportingUnitVotes[3]/Selection[12]. */
  public String path() {
    return path;
  }

  public EmlRule rule() {
    return rule;
  }

  public String dutchMessage() {
    return dutchMessage;
  }

  public String englishMessage() {
    return englishMessage;
  }
}
