package nl.uitslag.app.apportionment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputException;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.Lot;
import nl.uitslag.domain.apportionment.Standing;
import nl.uitslag.domain.apportionment.Step;
import nl.uitslag.domain.apportionment.VoteCounts;
import nl.uitslag.domain.apportionment.Warning;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON exchange format of the apportionment (docs/APPORTIONMENT.md): reads an election strictly
 * (unknown fields and wrong types are errors that name the JSON path) and writes an outcome.
 */
public final class ApportionmentJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ApportionmentJson() {}

  /** Parses one election; throws {@link ApportionmentInputException} naming the offending path. */
  public static ApportionmentInput read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new ApportionmentInputException("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ApportionmentInputException("$: expected a JSON object with the election");
    }
    allow(root, "$", "subcategory", "seats", "preferenceThresholdPercent", "districts", "lists",
        "deceased", "lots");
    ElectionType type = ElectionType.fromSubcategory(string(required(root, "$", "subcategory"),
        "$.subcategory"));
    int seats = integer(required(root, "$", "seats"), "$.seats");
    OptionalInt percent = root.has("preferenceThresholdPercent")
        ? OptionalInt.of(integer(root.get("preferenceThresholdPercent"), "$.preferenceThresholdPercent"))
        : OptionalInt.empty();
    List<ApportionmentInput.District> districts = new ArrayList<>();
    if (root.has("districts")) {
      JsonNode ds = array(root.get("districts"), "$.districts");
      for (int i = 0; i < ds.size(); i++) {
        String p = "$.districts[" + i + "]";
        JsonNode d = ds.get(i);
        object(d, p);
        allow(d, p, "number", "voteWeight");
        long weight = d.has("voteWeight") ? number(d.get("voteWeight"), p + ".voteWeight") : 1;
        districts.add(new ApportionmentInput.District(integer(required(d, p, "number"), p + ".number"),
            weight));
      }
    } else {
      districts.add(new ApportionmentInput.District(1, 1));
    }
    List<Integer> allDistricts = districts.stream().map(ApportionmentInput.District::number).toList();
    List<ApportionmentInput.CandidateList> lists = new ArrayList<>();
    JsonNode ls = array(required(root, "$", "lists"), "$.lists");
    for (int i = 0; i < ls.size(); i++) {
      lists.add(list(ls.get(i), "$.lists[" + i + "]", allDistricts));
    }
    return new ApportionmentInput(type, seats, percent, districts, lists,
        root.has("deceased") ? strings(root.get("deceased"), "$.deceased") : Set.of(),
        root.has("lots") ? stringList(root.get("lots"), "$.lots") : List.of());
  }

  private static ApportionmentInput.CandidateList list(JsonNode l, String p, List<Integer> all) {
    object(l, p);
    allow(l, p, "number", "name", "districts", "candidates", "votes", "sublists");
    int number = integer(required(l, p, "number"), p + ".number");
    String name = l.has("name") ? string(l.get("name"), p + ".name") : "";
    List<ApportionmentInput.SubList> subs = new ArrayList<>();
    if (l.has("sublists")) {
      for (String f : List.of("districts", "candidates", "votes")) {
        if (l.has(f)) {
          throw new ApportionmentInputException(p + "." + f + ": a list with sublists has its "
              + f + " in the sublists");
        }
      }
      JsonNode ss = array(l.get("sublists"), p + ".sublists");
      for (int s = 0; s < ss.size(); s++) {
        String sp = p + ".sublists[" + s + "]";
        JsonNode sub = ss.get(s);
        object(sub, sp);
        allow(sub, sp, "districts", "candidates", "votes");
        subs.add(sub(sub, sp, integers(required(sub, sp, "districts"), sp + ".districts")));
      }
    } else {
      List<Integer> districts = l.has("districts") ? integers(l.get("districts"), p + ".districts") : all;
      subs.add(sub(l, p, districts));
    }
    return new ApportionmentInput.CandidateList(number, name, subs);
  }

  private static ApportionmentInput.SubList sub(JsonNode node, String p, List<Integer> districts) {
    List<String> candidates = stringList(required(node, p, "candidates"), p + ".candidates");
    JsonNode votes = required(node, p, "votes");
    Map<Integer, VoteCounts> perDistrict = new LinkedHashMap<>();
    if (votes.isArray()) {
      // a plain array: the votes of a list submitted in one district only
      if (districts.size() != 1) {
        throw new ApportionmentInputException(p + ".votes: a plain array needs exactly one district;"
            + " give an object {\"district\": [...]} for " + districts.size() + " districts");
      }
      perDistrict.put(districts.get(0), longs(votes, p + ".votes"));
    } else if (votes.isObject()) {
      for (Map.Entry<String, JsonNode> e : votes.properties()) {
        int d;
        try {
          d = Integer.parseInt(e.getKey());
        } catch (NumberFormatException x) {
          throw new ApportionmentInputException(p + ".votes: \"" + e.getKey()
              + "\" is not a district number");
        }
        perDistrict.put(d, longs(e.getValue(), p + ".votes." + e.getKey()));
      }
    } else {
      throw new ApportionmentInputException(p + ".votes: expected an array or an object per district");
    }
    return new ApportionmentInput.SubList(districts, candidates, perDistrict);
  }

  // ---- output --------------------------------------------------------------------------------

  /** The outcome as one JSON document on one line. */
  public static String write(ApportionmentOutcome outcome) {
    return MAPPER.writeValueAsString(toMap(outcome));
  }

  /** An error as a JSON line, for batch use. */
  public static String writeError(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "error");
    m.put("message", message);
    return MAPPER.writeValueAsString(m);
  }

  static Map<String, Object> toMap(ApportionmentOutcome outcome) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (outcome instanceof ApportionmentOutcome.Completed) {
      ApportionmentResult r = ((ApportionmentOutcome.Completed) outcome).result();
      m.put("status", "ok");
      Map<String, Object> seats = new LinkedHashMap<>();
      r.seats().forEach((k, v) -> seats.put(k.toString(), v));
      m.put("seats", seats);
      m.put("elected", r.elected());
      m.put("ranking", r.ranking());
      Map<String, Object> seatsPerList = new LinkedHashMap<>();
      r.lists().forEach((k, v) -> seatsPerList.put(k, v.seats()));
      m.put("seatsPerSublist", seatsPerList);
      Map<String, Object> pref = new LinkedHashMap<>();
      r.lists().forEach((k, v) -> pref.put(k, v.preferenceElected()));
      m.put("preferenceElected", pref);
      List<String> changed = new ArrayList<>();
      r.lists().forEach((k, v) -> {
        if (v.rankingChanged()) {
          changed.add(k);
        }
      });
      m.put("rankingChanged", changed);
      m.put("unassignedSeats", r.unassignedSeats());
      m.put("totalVotes", r.totalVotes());
      m.put("quota", r.quota().toFractionString());
      m.put("preferenceThreshold", r.preferenceThreshold().toFractionString());
      m.put("steps", steps(r.steps()));
      m.put("warnings", warnings(r.warnings()));
    } else {
      ApportionmentOutcome.LotRequired l = (ApportionmentOutcome.LotRequired) outcome;
      m.put("status", "lot_required");
      Lot lot = l.lot();
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("kind", lot.kind().name());
      lm.put("article", lot.article());
      lm.put("options", lot.options());
      lm.put("seats", lot.seats());
      lm.put("value", lot.value().toFractionString());
      if (!lot.list().isEmpty()) {
        lm.put("list", lot.list());
      }
      m.put("lot", lm);
      m.put("steps", steps(l.stepsSoFar()));
      m.put("warnings", warnings(l.warnings()));
    }
    return m;
  }

  private static List<Object> steps(List<Step> steps) {
    List<Object> out = new ArrayList<>(steps.size());
    for (Step s : steps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", s.number());
      m.put("kind", s.kind().name());
      m.put("article", s.article());
      m.put("list", s.list());
      if (!s.fromList().isEmpty()) {
        m.put("fromList", s.fromList());
      }
      m.put("value", s.value().toFractionString());
      m.put("tied", s.tied());
      List<Object> standings = new ArrayList<>();
      for (Standing st : s.standings()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("list", st.list());
        sm.put("seats", st.seats());
        sm.put("value", st.value().toFractionString());
        sm.put("eligible", st.eligible());
        standings.add(sm);
      }
      m.put("standings", standings);
      out.add(m);
    }
    return out;
  }

  private static List<Object> warnings(List<Warning> warnings) {
    List<Object> out = new ArrayList<>();
    for (Warning w : warnings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", w.code().name());
      m.put("article", w.article());
      m.put("message", w.message());
      out.add(m);
    }
    return out;
  }

  // ---- strict readers ------------------------------------------------------------------------

  private static void allow(JsonNode node, String p, String... fields) {
    Set<String> allowed = Set.of(fields);
    for (String f : node.propertyNames()) {
      if (!allowed.contains(f)) {
        throw new ApportionmentInputException(p + ": unknown field \"" + f + "\"");
      }
    }
  }

  private static JsonNode required(JsonNode node, String p, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new ApportionmentInputException(p + ": field \"" + field + "\" is required");
    }
    return v;
  }

  private static void object(JsonNode node, String p) {
    if (!node.isObject()) {
      throw new ApportionmentInputException(p + ": expected an object");
    }
  }

  private static JsonNode array(JsonNode node, String p) {
    if (!node.isArray()) {
      throw new ApportionmentInputException(p + ": expected an array");
    }
    return node;
  }

  private static String string(JsonNode node, String p) {
    if (!node.isString()) {
      throw new ApportionmentInputException(p + ": expected a string");
    }
    return node.stringValue();
  }

  private static long number(JsonNode node, String p) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new ApportionmentInputException(p + ": expected a whole number");
    }
    return node.longValue();
  }

  private static int integer(JsonNode node, String p) {
    long v = number(node, p);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ApportionmentInputException(p + ": number out of range");
    }
    return (int) v;
  }

  private static List<Integer> integers(JsonNode node, String p) {
    array(node, p);
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      r.add(integer(node.get(i), p + "[" + i + "]"));
    }
    return r;
  }

  private static VoteCounts longs(JsonNode node, String p) {
    array(node, p);
    long[] r = new long[node.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = number(node.get(i), p + "[" + i + "]");
    }
    return VoteCounts.of(r);
  }

  private static List<String> stringList(JsonNode node, String p) {
    array(node, p);
    List<String> r = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      r.add(string(node.get(i), p + "[" + i + "]"));
    }
    return r;
  }

  private static Set<String> strings(JsonNode node, String p) {
    Set<String> r = new LinkedHashSet<>();
    List<String> all = stringList(node, p);
    for (int i = 0; i < all.size(); i++) {
      if (!r.add(all.get(i))) {
        throw new ApportionmentInputException(p + "[" + i + "]: \"" + all.get(i) + "\" occurs twice");
      }
    }
    return r;
  }
}
