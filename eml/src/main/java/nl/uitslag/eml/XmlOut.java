package nl.uitslag.eml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal XML writer with fully determined output: UTF-8, "\n" line ends, two spaces of indentation per level,
 * attributes in the order given, simple elements on one line, empty elements as {@code <a/>}. Rejects characters
 * XML 1.0 cannot carry instead of writing a file no reader accepts.
 */
final class XmlOut {
  private final StringBuilder b = new StringBuilder(1 << 16);
  private final Deque<String> open = new ArrayDeque<>();

  XmlOut() {
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  /** Opens an element with attributes given as name, value pairs (null values are left out). */
  XmlOut open(String name, String... attributes) {
    indent();
    b.append('<').append(name);
    attributes(attributes);
    b.append(">\n");
    open.push(name);
    return this;
  }

  XmlOut close() {
    String name = open.pop();
    indent();
    b.append("</").append(name).append(">\n");
    return this;
  }

  /** An element holding text (or an empty element when text is null or empty). */
  XmlOut text(String name, String text, String... attributes) {
    indent();
    b.append('<').append(name);
    attributes(attributes);
    if (text == null || text.isEmpty()) {
      b.append("/>\n");
    } else {
      b.append('>');
      escape(text, false);
      b.append("</").append(name).append(">\n");
    }
    return this;
  }

  XmlOut number(String name, long value, String... attributes) {
    return text(name, Long.toString(value), attributes);
  }

  XmlOut empty(String name, String... attributes) {
    return text(name, null, attributes);
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) {
        continue;
      }
      b.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], true);
      b.append('"');
    }
  }

  private void indent() {
    for (int i = 0; i < open.size(); i++) {
      b.append("  ");
    }
  }

  private void escape(String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append(attribute ? "&quot;" : "\"");
          break;
        case '\t':
          b.append(attribute ? "&#9;" : "\t");
          break;
        case '\n':
          b.append(attribute ? "&#10;" : "\n");
          break;
        case '\r':
          b.append("&#13;");
          break;
        default:
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " cannot appear in XML");
          }
          if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("unpaired surrogate in text");
            }
            b.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new IllegalArgumentException("unpaired surrogate in text");
          } else {
            b.append(c);
          }
      }
    }
  }

  byte[] bytes() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed element " + open.peek());
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
