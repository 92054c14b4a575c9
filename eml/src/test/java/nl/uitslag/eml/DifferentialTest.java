package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Differential test: mutated copies of real files (elements removed, duplicated, swapped, renamed or inserted,
 * values and attributes changed). Whatever our reader accepts, the published schema must accept too: the reader is
 * never more permissive than the schema. Seeds are fixed so every run checks the same mutants.
 */
class DifferentialTest {
  private static final int MUTANTS_PER_FILE = 200;
  private static final String[] VALUES = {"", "0", "1", "-1", "+7", "007", " 12 ", "1000000000", "abc", "x y",
      "yes", "no", "true", "2022-13-01", "2022-02-30", "2022-03-16", "2022-03-16T25:00:00", "geen", "SB1", "CSB",
      "0668::SB1", "blanco", "male", "Initials", "\u00e9t\u00e9"};

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("GR2022/Telling_GR2022_Vlieland.eml.xml", 1L),
        Arguments.of("GR2022/Resultaat_GR2022_Vlieland.eml.xml", 2L),
        Arguments.of("GR2026/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml", 3L),
        Arguments.of("PS2023/Verkiezingsdefinitie_PS2023_Drenthe.eml.xml", 4L),
        Arguments.of("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml", 5L),
        Arguments.of("110b-sample", 6L));
  }

  @ParameterizedTest
  @MethodSource("files")
  void whateverTheReaderAcceptsTheSchemaAccepts(String file, long seed) throws Exception {
    byte[] original = file.equals("110b-sample")
        ? PollingStationsReaderTest.sample("2").getBytes(StandardCharsets.UTF_8) : Shared.bytes(Shared.eml(file));
    String kind = EmlReader.read(new ByteArrayInputStream(original), file, ReadOptions.none()).header().kind().id();
    Random random = new Random(seed);
    int accepted = 0;
    int rejected = 0;
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < MUTANTS_PER_FILE; i++) {
      Document doc = parse(original);
      String what = mutate(doc, random);
      byte[] mutant = serialize(doc);
      boolean ours;
      try {
        EmlReader.read(new ByteArrayInputStream(mutant), "mutant", ReadOptions.none());
        ours = true;
      } catch (EmlException e) {
        ours = false;
      }
      if (ours) {
        accepted++;
        String problem = Schemas.problem(kind, mutant);
        if (problem != null) {
          violations.add(what + " -> schema: " + problem);
        }
      } else {
        rejected++;
      }
    }
    assertThat(violations).as("mutants we accept but the schema rejects").isEmpty();
    assertThat(accepted).as("some harmless mutants are accepted").isGreaterThan(10);
    assertThat(rejected).as("most mutants are rejected").isGreaterThan(MUTANTS_PER_FILE / 3);
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static byte[] serialize(Document doc) throws Exception {
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  private static List<Element> elements(Document doc) {
    List<Element> all = new ArrayList<>();
    NodeList nl = doc.getElementsByTagName("*");
    for (int i = 0; i < nl.getLength(); i++) {
      all.add((Element) nl.item(i));
    }
    return all;
  }

  private static boolean isLeaf(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        return false;
      }
    }
    return true;
  }

  private static Element nextElement(Element e) {
    for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        return (Element) n;
      }
    }
    return null;
  }

  /** Applies one random mutation and says which. */
  private static String mutate(Document doc, Random r) {
    List<Element> all = elements(doc);
    Element root = doc.getDocumentElement();
    Element e = all.get(1 + r.nextInt(all.size() - 1));
    String name = e.getTagName();
    String value = VALUES[r.nextInt(VALUES.length)];
    switch (r.nextInt(10)) {
      case 0:
        e.getParentNode().removeChild(e);
        return "remove " + name;
      case 1:
        e.getParentNode().insertBefore(e.cloneNode(true), e.getNextSibling());
        return "duplicate " + name;
      case 2: {
        Element next = nextElement(e);
        if (next == null) {
          return "no-op";
        }
        e.getParentNode().insertBefore(next, e);
        return "swap " + name + " and " + next.getTagName();
      }
      case 3: {
        Element leaf = e;
        for (int k = 0; k < 20 && !isLeaf(leaf); k++) {
          leaf = all.get(1 + r.nextInt(all.size() - 1));
        }
        if (!isLeaf(leaf)) {
          return "no-op";
        }
        leaf.setTextContent(value);
        return "text of " + leaf.getTagName() + " = '" + value + "'";
      }
      case 4: {
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> plain = new ArrayList<>();
        for (int k = 0; k < attrs.getLength(); k++) {
          Attr a = (Attr) attrs.item(k);
          if (!a.getName().startsWith("xmlns")) {
            plain.add(a);
          }
        }
        if (plain.isEmpty()) {
          return "no-op";
        }
        Attr a = plain.get(r.nextInt(plain.size()));
        a.setValue(value);
        return "attribute " + name + "@" + a.getName() + " = '" + value + "'";
      }
      case 5: {
        NamedNodeMap attrs = e.getAttributes();
        for (int k = 0; k < attrs.getLength(); k++) {
          Attr a = (Attr) attrs.item(k);
          if (!a.getName().startsWith("xmlns")) {
            e.removeAttributeNode(a);
            return "remove attribute " + name + "@" + a.getName();
          }
        }
        return "no-op";
      }
      case 6:
        e.setAttribute("Foo", value);
        return "add attribute " + name + "@Foo";
      case 7: {
        Element other = all.get(r.nextInt(all.size()));
        Element inserted = doc.createElementNS(other.getNamespaceURI(), other.getTagName());
        e.appendChild(inserted);
        return "insert empty " + other.getTagName() + " into " + name;
      }
      case 8: {
        Element other = all.get(r.nextInt(all.size()));
        Element renamed = doc.createElementNS(other.getNamespaceURI(), other.getTagName());
        while (e.getFirstChild() != null) {
          renamed.appendChild(e.getFirstChild());
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int k = 0; k < attrs.getLength(); k++) {
          Attr a = (Attr) attrs.item(k);
          if (a.getNamespaceURI() == null) {
            renamed.setAttribute(a.getName(), a.getValue());
          }
        }
        e.getParentNode().replaceChild(renamed, e);
        return "rename " + name + " to " + other.getTagName();
      }
      default:
        if (isLeaf(e)) {
          return "no-op";
        }
        e.insertBefore(doc.createTextNode(value.isBlank() ? "x" : value), e.getFirstChild());
        return "text into " + name + (root == e ? " (root)" : "");
    }
  }
}
