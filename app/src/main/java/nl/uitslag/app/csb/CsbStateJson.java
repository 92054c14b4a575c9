package nl.uitslag.app.csb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.uitslag.domain.dataentry.Correction;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DataEntryState.Definitive;
import nl.uitslag.domain.dataentry.DataEntryState.Empty;
import nl.uitslag.domain.dataentry.DataEntryState.EntriesDifferent;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryFinalised;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryHasErrors;
import nl.uitslag.domain.dataentry.DataEntryState.FirstEntryInProgress;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryCorrection;
import nl.uitslag.domain.dataentry.DataEntryState.SecondEntryInProgress;
import nl.uitslag.domain.dataentry.EntryInProgress;
import nl.uitslag.domain.dataentry.EntryOrigin;
import nl.uitslag.domain.dataentry.FinalisedEntry;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the double-entry state of one GSB's totals at the CSB as JSON, explicitly per state record.
 * GSB totals hold counts only, so results are stored as the array of their counts in paper order and read back
 * into the election's shape.
 */
final class CsbStateJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CsbStateJson() {}

  static String write(DataEntryState state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", state.getClass().getSimpleName());
    if (state instanceof FirstEntryInProgress s) {
      root.set("entry", inProgress(s.entry()));
      root.put("isCorrection", s.isCorrection());
    } else if (state instanceof FirstEntryHasErrors s) {
      root.set("first", finalised(s.first()));
    } else if (state instanceof FirstEntryFinalised s) {
      root.set("first", finalised(s.first()));
    } else if (state instanceof SecondEntryInProgress s) {
      root.set("first", finalised(s.first()));
      root.set("second", inProgress(s.second()));
    } else if (state instanceof EntriesDifferent s) {
      root.set("first", finalised(s.first()));
      root.set("second", finalised(s.second()));
    } else if (state instanceof FirstEntryCorrection s) {
      root.set("correction", correction(s.correction()));
      root.set("keptSecond", finalised(s.keptSecond()));
    } else if (state instanceof SecondEntryCorrection s) {
      root.set("keptFirst", finalised(s.keptFirst()));
      root.set("correction", correction(s.correction()));
    } else if (state instanceof Definitive s) {
      root.set("first", finalised(s.first()));
      root.set("second", finalised(s.second()));
    } else if (!(state instanceof Empty)) {
      throw new IllegalArgumentException("unknown state " + state);
    }
    return JSON.writeValueAsString(root);
  }

  static DataEntryState read(String json, ResultsShape shape) {
    JsonNode root = JSON.readTree(json);
    String type = root.get("type").stringValue();
    switch (type) {
      case "Empty":
        return new Empty();
      case "FirstEntryInProgress":
        return new FirstEntryInProgress(inProgress(root.get("entry"), shape), root.get("isCorrection").booleanValue());
      case "FirstEntryHasErrors":
        return new FirstEntryHasErrors(finalised(root.get("first"), shape));
      case "FirstEntryFinalised":
        return new FirstEntryFinalised(finalised(root.get("first"), shape));
      case "SecondEntryInProgress":
        return new SecondEntryInProgress(finalised(root.get("first"), shape), inProgress(root.get("second"), shape));
      case "EntriesDifferent":
        return new EntriesDifferent(finalised(root.get("first"), shape), finalised(root.get("second"), shape));
      case "FirstEntryCorrection":
        return new FirstEntryCorrection(correction(root.get("correction"), shape),
            finalised(root.get("keptSecond"), shape));
      case "SecondEntryCorrection":
        return new SecondEntryCorrection(finalised(root.get("keptFirst"), shape),
            correction(root.get("correction"), shape));
      case "Definitive":
        return new Definitive(finalised(root.get("first"), shape), finalised(root.get("second"), shape));
      default:
        throw new IllegalArgumentException("unknown stored data-entry state " + type);
    }
  }

  private static ObjectNode inProgress(EntryInProgress e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("typist", e.typist().value());
    n.put("progress", e.progress());
    n.put("clientState", e.clientState());
    n.put("updatedAt", e.updatedAt().toString());
    n.set("results", results(e.results()));
    return n;
  }

  private static EntryInProgress inProgress(JsonNode n, ResultsShape shape) {
    return new EntryInProgress(new UserId(n.get("typist").longValue()), results(n.get("results"), shape),
        n.get("progress").intValue(), n.get("clientState").stringValue(),
        Instant.parse(n.get("updatedAt").stringValue()));
  }

  private static ObjectNode finalised(FinalisedEntry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("by", e.by().value());
    n.put("finishedAt", e.finishedAt().toString());
    n.put("origin", e.origin().name());
    n.put("withWarnings", e.withWarnings());
    n.set("results", results(e.results()));
    return n;
  }

  private static FinalisedEntry finalised(JsonNode n, ResultsShape shape) {
    return new FinalisedEntry(new UserId(n.get("by").longValue()), results(n.get("results"), shape),
        Instant.parse(n.get("finishedAt").stringValue()), EntryOrigin.valueOf(n.get("origin").stringValue()),
        n.get("withWarnings").booleanValue());
  }

  private static ObjectNode correction(Correction c) {
    ObjectNode n = JSON.createObjectNode();
    n.set("entry", inProgress(c.entry()));
    n.set("startedFrom", results(c.startedFrom()));
    ArrayNode fields = n.putArray("fieldsToReEnter");
    new TreeSet<>(c.fieldsToReEnter()).forEach(fields::add);
    return n;
  }

  private static Correction correction(JsonNode n, ResultsShape shape) {
    Set<String> fields = new TreeSet<>();
    n.get("fieldsToReEnter").forEach(f -> fields.add(f.stringValue()));
    return new Correction(inProgress(n.get("entry"), shape), results(n.get("startedFrom"), shape), fields);
  }

  private static ArrayNode results(ResultsModel r) {
    ArrayNode a = JSON.createArrayNode();
    for (ResultsField f : r.fields()) {
      if (!(f.value() instanceof FieldValue.Count c)) {
        throw new IllegalArgumentException("GSB totals hold counts only: " + f.path());
      }
      a.add(c.value());
    }
    return a;
  }

  private static ResultsModel results(JsonNode a, ResultsShape shape) {
    List<FieldValue> values = new ArrayList<>();
    a.forEach(v -> values.add(new FieldValue.Count(v.intValue())));
    return shape.emptyResults(ModelVariant.GSB_TOTALS).withValues(values);
  }
}
