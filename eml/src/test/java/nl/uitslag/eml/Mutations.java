package nl.uitslag.eml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Text surgery on real files for rejection tests. */
final class Mutations {
  private Mutations() {}

  static String vlieland() {
    return new String(Shared.bytes(Shared.eml("GR2022/Telling_GR2022_Vlieland.eml.xml")), StandardCharsets.UTF_8);
  }

  /** Replaces the n-th (0-based) occurrence of a text at or after the first occurrence of an anchor. */
  static String replaceAfter(String s, String anchor, String from, String to, int n) {
    int i = s.indexOf(anchor);
    if (i < 0) {
      throw new IllegalArgumentException("anchor not found: " + anchor);
    }
    int at = s.indexOf(from, i);
    for (int k = 0; k < n && at >= 0; k++) {
      at = s.indexOf(from, at + 1);
    }
    if (at < 0) {
      throw new IllegalArgumentException("not found: " + from);
    }
    return s.substring(0, at) + to + s.substring(at + from.length());
  }

  static EmlDocument read(String xml, ReadOptions options) {
    return EmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.eml.xml", options);
  }

  static EmlDocument read(String xml) {
    return read(xml, ReadOptions.none());
  }
}
