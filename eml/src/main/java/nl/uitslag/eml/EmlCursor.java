package nl.uitslag.eml;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.uitslag.domain.count.VoteCount;

/**
 * A strict pull cursor over one EML_NL file: it knows the element path and line for every error, refuses DTDs and
 * entities, allows only whitespace and comments between elements, and checks attributes against a fixed set.
 *
 * <p>Protocol: {@link #start} checks the current start tag; then either {@link #text()} reads a simple element and
 * moves past it, or {@link #open()} moves to its first child and {@link #end()} checks its end tag.
 */
final class EmlCursor implements AutoCloseable {
  private static final Set<String> INDEXED = Set.of("Selection", "ReportingUnitVotes", "Contest", "Affiliation",
      "Candidate", "UncountedVotes", "RejectedVotes", "Region", "RegisteredParty", "PollingPlace", "Investigation",
      "kr:InitialRejectedVotes", "kr:InitialUncountedVotes", "kr:Region", "kr:RegisteredParty", "kr:Investigation",
      "Election");

  private final XMLStreamReader reader;
  private final String fileName;
  // The open elements, root first. Frames are reused by depth (an object per element was most of the cursor's
  // own allocation); a Mark copies what it needs into immutable PathNodes, so reuse cannot change a remembered path.
  private Frame[] frames = new Frame[16];
  private int depth;
  // Counts the root elements the way a frame counts its children.
  private final Frame document = new Frame();
  // The attribute names the last start tag allowed, and where each was found (-1: absent); valid while
  // attributesKnown, i.e. until the parser moves on.
  private String[] allowedNames = new String[8];
  private int[] allowedIndex = new int[8];
  private int allowedCount;
  private boolean attributesKnown;

  private static final class Frame {
    // The name is kept as namespace and local name (the callers' constants) and only joined into "kr:Name" for an
    // error message: building it for every element was a String per element.
    String ns;
    String local;
    boolean indexed;
    int index;
    int line;
    // This element as a path node, made when a Mark first needs it.
    PathNode node;

    void reset(String ns, String local, boolean indexed, int index, int line) {
      this.ns = ns;
      this.local = local;
      this.indexed = indexed;
      this.index = index;
      this.line = line;
      node = null;
      lastNs = null;
      lastLocal = null;
      lastCount = 0;
      others = 0;
    }

    // Only indexed children are counted: the others never show an index in a path. Repeated children
    // (Selection, ReportingUnitVotes) come in runs, counted without a lookup; the few other indexed names of one
    // parent are kept in small arrays (a HashMap per element was a tenth of the reader's own time).
    private String lastNs;
    private String lastLocal;
    private int lastCount;
    private String[] otherNs;
    private String[] otherLocal;
    private int[] otherCount;
    private int others;

    int nextIndex(String childNs, String childLocal) {
      if (childLocal.equals(lastLocal) && childNs.equals(lastNs)) {
        return ++lastCount;
      }
      if (lastLocal != null) {
        save(lastNs, lastLocal, lastCount);
      }
      lastNs = childNs;
      lastLocal = childLocal;
      lastCount = saved(childNs, childLocal) + 1;
      return lastCount;
    }

    private int saved(String childNs, String childLocal) {
      for (int i = 0; i < others; i++) {
        if (otherLocal[i].equals(childLocal) && otherNs[i].equals(childNs)) {
          return otherCount[i];
        }
      }
      return 0;
    }

    private void save(String childNs, String childLocal, int count) {
      for (int i = 0; i < others; i++) {
        if (otherLocal[i].equals(childLocal) && otherNs[i].equals(childNs)) {
          otherCount[i] = count;
          return;
        }
      }
      if (otherLocal == null) {
        otherNs = new String[4];
        otherLocal = new String[4];
        otherCount = new int[4];
      } else if (others == otherLocal.length) {
        otherNs = java.util.Arrays.copyOf(otherNs, others * 2);
        otherLocal = java.util.Arrays.copyOf(otherLocal, others * 2);
        otherCount = java.util.Arrays.copyOf(otherCount, others * 2);
      }
      otherNs[others] = childNs;
      otherLocal[others] = childLocal;
      otherCount[others] = count;
      others++;
    }

    String name() {
      return Ns.prefixed(ns, local);
    }

    String label() {
      return label(ns, local, indexed, index);
    }

    static String label(String ns, String local, boolean indexed, int index) {
      String name = Ns.prefixed(ns, local);
      return indexed ? name + "[" + index + "]" : name;
    }
  }

  /** An element of a remembered path: immutable, shared by the marks of its descendants. */
  private static final class PathNode {
    final String ns;
    final String local;
    final boolean indexed;
    final int index;
    final PathNode parent;

    PathNode(Frame f, PathNode parent) {
      this.ns = f.ns;
      this.local = f.local;
      this.indexed = f.indexed;
      this.index = f.index;
      this.parent = parent;
    }

    void appendTo(StringBuilder b) {
      if (parent != null) {
        parent.appendTo(b);
      }
      b.append('/').append(Frame.label(ns, local, indexed, index));
    }
  }

  private Frame top() {
    return depth == 0 ? null : frames[depth - 1];
  }

  /** The path node of the open element at this depth (0 is the root), made once per element. */
  private PathNode node(int d) {
    Frame f = frames[d];
    if (f.node == null) {
      f.node = new PathNode(f, d == 0 ? null : node(d - 1));
    }
    return f.node;
  }

  /**
   * Whether paths show this element with its index, e.g. Selection[3]: exactly when INDEXED holds its prefixed name
   * (a test checks the two agree). A switch on the local name instead of a set lookup per start tag.
   */
  static boolean indexed(String ns, String local) {
    if (ns == null || ns.isEmpty() || Ns.EML.equals(ns)) {
      switch (local) {
        case "Selection":
        case "ReportingUnitVotes":
        case "Contest":
        case "Affiliation":
        case "Candidate":
        case "UncountedVotes":
        case "RejectedVotes":
        case "Region":
        case "RegisteredParty":
        case "PollingPlace":
        case "Investigation":
        case "Election":
          return true;
        default:
          return false;
      }
    }
    if (Ns.KR.equals(ns)) {
      switch (local) {
        case "InitialRejectedVotes":
        case "InitialUncountedVotes":
        case "Region":
        case "RegisteredParty":
        case "Investigation":
          return true;
        default:
          return false;
      }
    }
    return false;
  }

  /** The element names shown with an index in paths, prefixed as in messages. */
  static Set<String> indexedNames() {
    return INDEXED;
  }

  EmlCursor(InputStream in, String fileName) {
    this.fileName = fileName;
    try {
      this.reader = factory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new EmlException(fileName, line(e.getLocation()), "/", EmlRule.MALFORMED_XML, e, clean(e));
    }
    advance();
  }

  static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the class path, so the security settings below are known
    // to be honoured.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }

  String fileName() {
    return fileName;
  }

  // --- position -----------------------------------------------------------------------------------------------

  /** Moves to the next start or end tag, refusing anything that is neither whitespace, a comment nor a PI. */
  private void advance() {
    try {
      while (reader.hasNext()) {
        int event = next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT:
          case XMLStreamConstants.END_ELEMENT:
            return;
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            // Checked on the parser's own buffer: the indentation between elements is most of the events, and a
            // String per run of whitespace cost a tenth of the import time.
            if (!isXmlWhitespace(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength())) {
              throw fail(EmlRule.UNEXPECTED_TEXT, abbreviate(reader.getText().strip()));
            }
            break;
          case XMLStreamConstants.COMMENT:
          case XMLStreamConstants.PROCESSING_INSTRUCTION:
          case XMLStreamConstants.START_DOCUMENT:
            break;
          case XMLStreamConstants.DTD:
            throw fail(EmlRule.DOCTYPE_FORBIDDEN);
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw fail(EmlRule.ENTITY_FORBIDDEN, "&" + reader.getLocalName() + ";");
          case XMLStreamConstants.END_DOCUMENT:
            return;
          default:
            throw fail(EmlRule.MALFORMED_XML, "event " + event);
        }
      }
    } catch (XMLStreamException e) {
      throw xmlError(e);
    }
  }

  /** The parser's next event; the attribute indices of the last start tag are no longer valid after it. */
  private int next() throws XMLStreamException {
    attributesKnown = false;
    return reader.next();
  }

  private EmlException xmlError(XMLStreamException e) {
    String msg = clean(e);
    if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
      return new EmlException(fileName, line(e.getLocation()), path(), EmlRule.DOCTYPE_FORBIDDEN, e);
    }
    if (msg.contains("referenced") && msg.toLowerCase(java.util.Locale.ROOT).contains("entity")) {
      return new EmlException(fileName, line(e.getLocation()), path(), EmlRule.ENTITY_FORBIDDEN, e, msg);
    }
    return new EmlException(fileName, line(e.getLocation()), path(), EmlRule.MALFORMED_XML, e, msg);
  }

  private static String clean(XMLStreamException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int i = m.indexOf("Message: ");
    return (i >= 0 ? m.substring(i + 9) : m).strip();
  }

  private static int line(Location l) {
    return l == null ? 0 : Math.max(0, l.getLineNumber());
  }

  /** True when the cursor is at a start tag with this name. */
  boolean at(String ns, String local) {
    return reader.getEventType() == XMLStreamConstants.START_ELEMENT
        && local.equals(reader.getLocalName()) && ns.equals(nsOf());
  }

  /** True when the cursor is at an end tag (of the current element). */
  boolean atEnd() {
    return reader.getEventType() == XMLStreamConstants.END_ELEMENT
        || reader.getEventType() == XMLStreamConstants.END_DOCUMENT;
  }

  private String nsOf() {
    String ns = reader.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  private String currentName() {
    if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
      return Ns.prefixed(nsOf(), reader.getLocalName());
    }
    if (reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
      return "</" + Ns.prefixed(nsOf(), reader.getLocalName()) + ">";
    }
    return "(end of document)";
  }

  /**
   * Checks that the cursor is at this start tag and that it carries only the allowed attributes; enters it so that
   * errors name its path. The fixed-arity forms exist so that the usual start tag (no attribute, or one or two) does
   * not make a varargs array.
   */
  void start(String ns, String local) {
    enter(ns, local);
    allowedCount = 0;
    checkAttributes();
  }

  /** As {@link #start(String, String)}, allowing one attribute. */
  void start(String ns, String local, String allowed) {
    enter(ns, local);
    allowedNames[0] = allowed;
    allowedCount = 1;
    checkAttributes();
  }

  /** As {@link #start(String, String)}, allowing two attributes. */
  void start(String ns, String local, String allowed1, String allowed2) {
    enter(ns, local);
    allowedNames[0] = allowed1;
    allowedNames[1] = allowed2;
    allowedCount = 2;
    checkAttributes();
  }

  /** As {@link #start(String, String)}, allowing these attributes. */
  void start(String ns, String local, String... allowed) {
    enter(ns, local);
    if (allowed.length > allowedNames.length) {
      allowedNames = new String[allowed.length];
      allowedIndex = new int[allowed.length];
    }
    System.arraycopy(allowed, 0, allowedNames, 0, allowed.length);
    allowedCount = allowed.length;
    checkAttributes();
  }

  private void enter(String ns, String local) {
    if (!at(ns, local)) {
      throw fail(atEnd() ? EmlRule.MISSING_ELEMENT : EmlRule.UNEXPECTED_ELEMENT,
          atEnd() ? new Object[] {Ns.prefixed(ns, local)}
              : new Object[] {currentName(), Ns.prefixed(ns, local)});
    }
    boolean indexed = indexed(ns, local);
    int index = indexed ? (depth == 0 ? document : frames[depth - 1]).nextIndex(ns, local) : 0;
    if (depth == frames.length) {
      frames = java.util.Arrays.copyOf(frames, depth * 2);
    }
    Frame f = frames[depth];
    if (f == null) {
      f = new Frame();
      frames[depth] = f;
    }
    f.reset(ns, local, indexed, index, line(reader.getLocation()));
    depth++;
  }

  /**
   * The one pass over the start tag's attributes: refuses any that is not allowed (in document order, the first
   * offending one named) and remembers where each allowed name is, so that {@link #attr(String)} does not search the
   * attributes again.
   */
  private void checkAttributes() {
    for (int k = 0; k < allowedCount; k++) {
      allowedIndex[k] = -1;
    }
    int n = reader.getAttributeCount();
    for (int i = 0; i < n; i++) {
      String ans = reader.getAttributeNamespace(i);
      String aname = reader.getAttributeLocalName(i);
      boolean ok = false;
      for (int k = 0; k < allowedCount; k++) {
        if (allowedNames[k].equals(aname)) {
          // The first attribute of this local name, whatever its namespace: the one the parser's lookup by local
          // name (getAttributeValue(null, name)) would return.
          if (allowedIndex[k] < 0) {
            allowedIndex[k] = i;
          }
          ok = ans == null || ans.isEmpty();
          break;
        }
      }
      if (!ok && Ns.XSI.equals(ans) && "schemaLocation".equals(aname) && depth == 1) {
        ok = true;
      }
      if (!ok) {
        throw fail(EmlRule.UNEXPECTED_ATTRIBUTE, Ns.prefixed(ans, aname));
      }
    }
    attributesKnown = true;
  }

  /** Fails with "unexpected element" naming what was expected here. */
  EmlException unexpected(String expected) {
    if (atEnd()) {
      return fail(EmlRule.MISSING_ELEMENT, expected);
    }
    return fail(EmlRule.UNEXPECTED_ELEMENT, currentName(), expected);
  }

  /** An optional attribute of the current start tag (whitespace-collapsed), or null. */
  String attr(String name) {
    String v = attributeValue(name);
    return v == null ? null : collapse(v);
  }

  /**
   * The raw value: by the index {@link #checkAttributes()} found while the parser is still at that start tag and the
   * name is one it allowed, else by the parser's lookup by local name (the same attribute either way).
   */
  private String attributeValue(String name) {
    if (attributesKnown) {
      for (int k = 0; k < allowedCount; k++) {
        if (allowedNames[k].equals(name)) {
          int i = allowedIndex[k];
          return i < 0 ? null : reader.getAttributeValue(i);
        }
      }
    }
    return reader.getAttributeValue(null, name);
  }

  /** A required attribute of the current start tag. */
  String requiredAttr(String name) {
    String v = attr(name);
    if (v == null) {
      throw fail(EmlRule.MISSING_ATTRIBUTE, name);
    }
    return v;
  }

  /** An attribute that must match a pattern. */
  String attr(String name, java.util.regex.Pattern pattern, boolean required, String rule) {
    String v = required ? requiredAttr(name) : attr(name);
    if (v != null && !pattern.matcher(v).matches()) {
      throw fail(EmlRule.INVALID_VALUE, v, name + ": " + rule);
    }
    return v;
  }

  /**
   * An attribute holding a positive number without leading zeros, at most nine digits ([1-9]\d{0,8}), as a number;
   * 0 when the attribute is absent (and not required).
   */
  int positiveIntAttr(String name, boolean required) {
    String v = required ? requiredAttr(name) : attr(name);
    return v == null ? 0 : positiveValue(v, name);
  }

  private int positiveValue(String v, String name) {
    boolean ok = !v.isEmpty() && v.length() <= 9 && v.charAt(0) >= '1' && v.charAt(0) <= '9';
    int value = ok ? v.charAt(0) - '0' : 0;
    for (int i = 1; ok && i < v.length(); i++) {
      char ch = v.charAt(i);
      ok = ch >= '0' && ch <= '9';
      value = value * 10 + (ch - '0');
    }
    if (!ok) {
      throw fail(EmlRule.INVALID_VALUE, v, name + ": a positive number");
    }
    return value;
  }

  /** Reads the text of the current simple element (collapsed), moves past its end tag. */
  String text() {
    String t = rawText();
    pop();
    return t;
  }

  private void pop() {
    depth--;
    advance();
  }

  /** Reads up to the end tag of the current element, which stays current for error reports. */
  private String rawText() {
    try {
      return rawTextFrom(next(), null);
    } catch (XMLStreamException e) {
      throw xmlError(e);
    }
  }

  /** As {@link #rawText()}, from an event already read, after text {@code first} already consumed (or null). */
  private String rawTextFrom(int firstEvent, String first) {
    try {
      StringBuilder b = null;
      String single = first;
      int event = firstEvent;
      for (boolean read = false; true; read = true) {
        if (read) {
          event = next();
        }
        if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          if (single == null && b == null) {
            single = reader.getText();
          } else {
            if (b == null) {
              b = new StringBuilder(single);
            }
            b.append(reader.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        } else if (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
          continue;
        } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw fail(EmlRule.ENTITY_FORBIDDEN, "&" + reader.getLocalName() + ";");
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          throw fail(EmlRule.UNEXPECTED_ELEMENT, currentName(), "text");
        } else {
          throw fail(EmlRule.MALFORMED_XML, "event " + event);
        }
        int length = b != null ? b.length() : single.length();
        if (length > 100_000) {
          throw fail(EmlRule.INVALID_VALUE, abbreviate(b != null ? b.toString() : single),
              "text longer than 100,000 characters");
        }
      }
      String t = b != null ? b.toString() : single == null ? "" : single;
      return collapse(t);
    } catch (XMLStreamException e) {
      throw xmlError(e);
    }
  }

  /** Reads a simple element that must be empty (whitespace allowed). */
  void empty() {
    String t = rawText();
    if (!t.isEmpty()) {
      throw new EmlException(fileName, top().line, path(), EmlRule.UNEXPECTED_TEXT, abbreviate(t));
    }
    pop();
  }

  /**
   * Reads a simple element holding a count in 0..999,999,999. The usual case, one run of at most nine digits
   * without a leading zero or whitespace, is parsed on the parser's buffer without making a String; anything else
   * takes the general path with the same checks and messages.
   */
  long count() {
    try {
      int event = next();
      String first = null;
      if (event == XMLStreamConstants.CHARACTERS) {
        long v = plainDigits(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        if (v >= 0) {
          event = next();
          if (event == XMLStreamConstants.END_ELEMENT) {
            pop();
            return v;
          }
          first = Long.toString(v);
        } else {
          first = reader.getText();
          event = next();
        }
      }
      String t = rawTextFrom(event, first);
      long v = parseCount(t, top().line, null);
      pop();
      return v;
    } catch (XMLStreamException e) {
      throw xmlError(e);
    }
  }

  /** The value of 1 to 9 decimal digits without a leading zero (or a single "0"), else -1. */
  private static long plainDigits(char[] ch, int start, int length) {
    if (length < 1 || length > 9 || (length > 1 && ch[start] == '0')) {
      return -1;
    }
    long v = 0;
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  long parseCount(String t, int line, String givenPath) {
    long v = 0;
    boolean digits = !t.isEmpty();
    for (int i = 0; i < t.length() && digits; i++) {
      char ch = t.charAt(i);
      if (ch < '0' || ch > '9') {
        digits = false;
      } else if (v <= VoteCount.MAX) {
        v = v * 10 + (ch - '0');
      }
    }
    if (!digits) {
      String path = givenPath != null ? givenPath : path();
      if (SIGNED.matcher(t).matches()) {
        throw new EmlException(fileName, line, path, EmlRule.NUMBER_OUT_OF_RANGE, abbreviate(t));
      }
      throw new EmlException(fileName, line, path, EmlRule.INVALID_VALUE, abbreviate(t), "not a whole number");
    }
    if (v > VoteCount.MAX) {
      String path = givenPath != null ? givenPath : path();
      throw new EmlException(fileName, line, path, EmlRule.NUMBER_OUT_OF_RANGE, abbreviate(t));
    }
    return v;
  }

  private static final java.util.regex.Pattern SIGNED = java.util.regex.Pattern.compile("[-+][0-9]+");

  /** Reads a simple element holding a positive integer up to 999,999,999 (seats, positions, numbers). */
  int positive() {
    String t = rawText();
    long v = parseCount(t, top().line, null);
    if (v < 1) {
      throw new EmlException(fileName, top().line, path(), EmlRule.INVALID_VALUE, t, "must be at least 1");
    }
    pop();
    return (int) v;
  }

  /** Moves from the current start tag to its first child (or its end tag). */
  void open() {
    advance();
  }

  /** Checks that the cursor is at the end tag of the current element and moves past it. */
  void end() {
    if (reader.getEventType() != XMLStreamConstants.END_ELEMENT) {
      throw fail(EmlRule.UNEXPECTED_ELEMENT, currentName(), "</" + top().name() + ">");
    }
    depth--;
    advance();
  }

  /** Namespace of the element at the cursor ("" when none). */
  String currentNamespace() {
    return nsOf();
  }

  /** Checks that nothing but whitespace, comments and PIs follows the root element. */
  void finish() {
    if (reader.getEventType() != XMLStreamConstants.END_DOCUMENT) {
      throw fail(EmlRule.TRAILING_CONTENT);
    }
  }

  // --- errors -------------------------------------------------------------------------------------------------

  /** The current element path, e.g. /EML/Count/Election/Contests/Contest[1]. */
  String path() {
    if (depth == 0) {
      return "/";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append('/').append(frames[i].label());
    }
    return b.toString();
  }

  /** The line of the innermost open element, or of the reader when none is open. */
  int line() {
    if (depth > 0) {
      return top().line;
    }
    return line(reader.getLocation());
  }

  /**
   * An error at the current element: at a start tag the parser's line (the tag just read), elsewhere the line where
   * the innermost open element started.
   */
  EmlException fail(EmlRule rule, Object... args) {
    boolean atStart = reader.getEventType() == XMLStreamConstants.START_ELEMENT;
    int l = depth == 0 || atStart ? line(reader.getLocation()) : top().line;
    return new EmlException(fileName, l, path(), rule, args);
  }

  /**
   * An error at the innermost open element, wherever the parser is inside it: the line where its start tag was read
   * and its path; the same as {@link #fail(Mark, EmlRule, Object...)} with a mark taken at that start tag.
   */
  EmlException failAtElement(EmlRule rule, Object... args) {
    return new EmlException(fileName, line(), path(), rule, args);
  }

  /** A position to report an error at later (after the element was read). */
  Mark mark() {
    if (depth == 0) {
      return new Mark(line(), null);
    }
    // The path above the current element is made once per parent and shared by all its children's marks.
    return new Mark(top().line, node(depth - 1));
  }

  /** A remembered element position; the path text is only built when an error is reported. */
  static final class Mark {
    private final int line;
    private final PathNode self;

    private Mark(int line, PathNode self) {
      this.line = line;
      this.self = self;
    }

    int line() {
      return line;
    }

    String path() {
      if (self == null) {
        return "/";
      }
      StringBuilder b = new StringBuilder();
      self.appendTo(b);
      return b.toString();
    }
  }

  EmlException fail(Mark mark, EmlRule rule, Object... args) {
    return new EmlException(fileName, mark.line(), mark.path(), rule, args);
  }

  // --- text ---------------------------------------------------------------------------------------------------

  static boolean isXmlWhitespace(char[] ch, int start, int length) {
    int end = start + length;
    for (int i = start; i < end; i++) {
      char c = ch[i];
      // One comparison for the usual space of the indentation; the rest only below it.
      if (c != ' ' && (c > ' ' || (c != '\t' && c != '\n' && c != '\r'))) {
        return false;
      }
    }
    return true;
  }

  static boolean isXmlWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** XML Schema whitespace collapse: runs of space, tab, CR, LF become one space; leading/trailing removed. */
  static String collapse(String s) {
    if (!needsCollapse(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean needsCollapse(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && i + 1 < n && s.charAt(i + 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Closing frees parser state only; the input stream is closed by its owner.
    }
  }
}
