package nl.uitslag.eml.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The arithmetic of a count file (510a-d) done over the whole file, reporting every difference: within each vote
 * group a list total against its candidates and TotalCounted against the lists, and per contest the total against
 * the sum over the reporting units. Used after the strict reader rejected a file at its first arithmetic difference
 * (EML-030/031/032), so that every other difference in the file is reported too; it reads numbers only and
 * trusts the structure the strict reader has already checked up to that point.
 */
final class CountArithmetic {
  private CountArithmetic() {}

  /** The differences found, or null when the file cannot be scanned (then the reader's finding stands alone). */
  static List<Check> scan(Path p, String file) {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Check> found = new ArrayList<>();
    try (InputStream in = Files.newInputStream(p)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      String contest = null;
      Map<String, Long> total = null;
      Map<String, Long> sums = null;
      int units = 0;
      Group group = null;
      Integer list = null;
      String candidate = null;
      boolean inCandidate = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          String local = r.getLocalName();
          if ((local.equals("TotalVotes") || local.equals("ReportingUnitVotes")) && group != null) {
            group.check(file, contest, found);
            if (group.unit == null) {
              total = group.values;
            } else {
              units++;
              for (Map.Entry<String, Long> v : group.values.entrySet()) {
                sums.merge(v.getKey(), v.getValue(), Long::sum);
              }
            }
            group = null;
          } else if (local.equals("Contest") && contest != null) {
            if (total != null && units > 0) {
              compare(file, contest, total, sums, found);
            }
            contest = null;
          } else if (local.equals("Candidate")) {
            inCandidate = false;
          }
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        switch (local) {
          case "ContestIdentifier":
            if (group == null) {
              contest = r.getAttributeValue(null, "Id");
              total = null;
              sums = new LinkedHashMap<>();
              units = 0;
            }
            break;
          case "TotalVotes":
            group = new Group(null);
            list = null;
            break;
          case "ReportingUnitVotes":
            group = new Group("");
            list = null;
            break;
          case "ReportingUnitIdentifier":
            if (group != null) {
              group.unit = r.getAttributeValue(null, "Id");
            }
            break;
          case "Selection":
            candidate = null;
            break;
          case "AffiliationIdentifier":
            list = Integer.valueOf(r.getAttributeValue(null, "Id"));
            break;
          case "Candidate":
            inCandidate = true;
            break;
          case "CandidateIdentifier":
            candidate = r.getAttributeValue(null, "Id");
            break;
          case "ShortCode":
            if (inCandidate && candidate == null) {
              candidate = r.getElementText().trim();
            }
            break;
          case "ValidVotes":
            if (group != null && list != null) {
              long v = Long.parseLong(r.getElementText().trim());
              if (candidate == null) {
                group.put("list " + list, v);
                group.lists.put(list, v);
              } else {
                group.put("candidate " + candidate + " of list " + list, v);
                group.candidateSums.merge(list, v, Long::sum);
              }
            }
            break;
          case "TotalCounted":
            if (group != null) {
              group.put("TotalCounted", Long.parseLong(r.getElementText().trim()));
            }
            break;
          case "RejectedVotes":
          case "UncountedVotes":
            if (group != null) {
              String reason = r.getAttributeValue(null, "ReasonCode");
              group.put(local + " " + reason, Long.parseLong(r.getElementText().trim()));
            }
            break;
          default:
            break;
        }
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return null;
    }
    return found;
  }

  /** The figures of one TotalVotes or ReportingUnitVotes (unit null for the total). */
  private static final class Group {
    String unit;
    final Map<String, Long> values = new LinkedHashMap<>();
    final Map<Integer, Long> lists = new LinkedHashMap<>();
    final Map<Integer, Long> candidateSums = new LinkedHashMap<>();

    Group(String unit) {
      this.unit = unit;
    }

    void put(String key, long value) {
      values.put(key, value);
    }

    void check(String file, String contest, List<Check> found) {
      String where = file + ", contest " + contest + (unit == null ? ", total" : ", reporting unit " + unit);
      long listSum = 0;
      for (Map.Entry<Integer, Long> l : lists.entrySet()) {
        listSum += l.getValue();
        Long candidates = candidateSums.get(l.getKey());
        if (candidates != null && candidates.longValue() != l.getValue()) {
          found.add(new Check(CheckStatus.DIFFERENT, "unit-sum", where + ", list " + l.getKey(),
              String.valueOf(l.getValue()), String.valueOf(candidates), "list total " + l.getValue()
                  + " does not equal the sum of its candidates " + candidates + " (EML-030)"));
        }
      }
      Long counted = values.get("TotalCounted");
      if (counted != null && counted != listSum) {
        found.add(new Check(CheckStatus.DIFFERENT, "unit-sum", where + ", TotalCounted", String.valueOf(counted),
            String.valueOf(listSum), "TotalCounted " + counted + " does not equal the sum of the list totals "
                + listSum + " (EML-031)"));
      }
    }
  }

  private static void compare(String file, String contest, Map<String, Long> total, Map<String, Long> sums,
      List<Check> found) {
    Map<String, Long> keys = new LinkedHashMap<>(total);
    sums.forEach(keys::putIfAbsent);
    for (String key : keys.keySet()) {
      long t = total.getOrDefault(key, 0L);
      long s = sums.getOrDefault(key, 0L);
      if (t != s) {
        found.add(new Check(CheckStatus.DIFFERENT, "unit-sum", file + ", contest " + contest + ", total of " + key,
            String.valueOf(t), String.valueOf(s), "total of " + key + " is " + t
                + ", the sum over the reporting units is " + s + " (EML-032)"));
      }
    }
  }
}
