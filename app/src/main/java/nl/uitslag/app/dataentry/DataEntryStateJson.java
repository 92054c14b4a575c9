package nl.uitslag.app.dataentry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.YesNo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the double-entry state of one polling station as JSON text, explicitly per state record,
 * so the stored form is readable in the database and does not change when a record gains a method. Results
 * are stored as their fields in paper order ({@code path → value}) with the shape they were entered in; a
 * count is a number, a checkbox a boolean and a yes/no question one of {@code empty, yes, no, both}.
 */
public final class DataEntryStateJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DataEntryStateJson() {}

  /**
   * How the results inside a state are stored: the GSB's polling-station reports as their fields by path, the
   * CSB's GSB totals as a plain array of counts. The structure around them is the same for both.
   */
  public interface ResultsCodec {
    JsonNode write(ResultsModel results);

    ResultsModel read(JsonNode stored);
  }

  /** Polling-station reports: every field by its path, with the shape the results were entered in. */
  static final ResultsCodec FIELDS_BY_PATH = new ResultsCodec() {
    @Override
    public JsonNode write(ResultsModel results) {
      return results(results);
    }

    @Override
    public ResultsModel read(JsonNode stored) {
      return results(stored);
    }
  };

  static String write(DataEntryState state) {
    return write(state, FIELDS_BY_PATH);
  }

  static DataEntryState read(String json) {
    return read(json, FIELDS_BY_PATH);
  }

  public static String write(DataEntryState state, ResultsCodec codec) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", state.getClass().getSimpleName());
    if (state instanceof FirstEntryInProgress s) {
      root.set("entry", inProgress(s.entry(), codec));
      root.put("isCorrection", s.isCorrection());
    } else if (state instanceof FirstEntryHasErrors s) {
      root.set("first", finalised(s.first(), codec));
    } else if (state instanceof FirstEntryFinalised s) {
      root.set("first", finalised(s.first(), codec));
    } else if (state instanceof SecondEntryInProgress s) {
      root.set("first", finalised(s.first(), codec));
      root.set("second", inProgress(s.second(), codec));
    } else if (state instanceof EntriesDifferent s) {
      root.set("first", finalised(s.first(), codec));
      root.set("second", finalised(s.second(), codec));
    } else if (state instanceof FirstEntryCorrection s) {
      root.set("correction", correction(s.correction(), codec));
      root.set("keptSecond", finalised(s.keptSecond(), codec));
    } else if (state instanceof SecondEntryCorrection s) {
      root.set("keptFirst", finalised(s.keptFirst(), codec));
      root.set("correction", correction(s.correction(), codec));
    } else if (state instanceof Definitive s) {
      root.set("first", finalised(s.first(), codec));
      root.set("second", finalised(s.second(), codec));
    } else if (!(state instanceof Empty)) {
      throw new IllegalArgumentException("unknown state " + state);
    }
    return JSON.writeValueAsString(root);
  }

  public static DataEntryState read(String json, ResultsCodec codec) {
    JsonNode root = JSON.readTree(json);
    String type = root.get("type").stringValue();
    switch (type) {
      case "Empty":
        return new Empty();
      case "FirstEntryInProgress":
        return new FirstEntryInProgress(
            inProgress(root.get("entry"), codec), root.get("isCorrection").booleanValue());
      case "FirstEntryHasErrors":
        return new FirstEntryHasErrors(finalised(root.get("first"), codec));
      case "FirstEntryFinalised":
        return new FirstEntryFinalised(finalised(root.get("first"), codec));
      case "SecondEntryInProgress":
        return new SecondEntryInProgress(
            finalised(root.get("first"), codec), inProgress(root.get("second"), codec));
      case "EntriesDifferent":
        return new EntriesDifferent(finalised(root.get("first"), codec), finalised(root.get("second"), codec));
      case "FirstEntryCorrection":
        return new FirstEntryCorrection(
            correction(root.get("correction"), codec), finalised(root.get("keptSecond"), codec));
      case "SecondEntryCorrection":
        return new SecondEntryCorrection(
            finalised(root.get("keptFirst"), codec), correction(root.get("correction"), codec));
      case "Definitive":
        return new Definitive(finalised(root.get("first"), codec), finalised(root.get("second"), codec));
      default:
        throw new IllegalArgumentException("unknown stored data-entry state " + type);
    }
  }

  // ---------------------------------------------------------------- parts

  private static ObjectNode inProgress(EntryInProgress e, ResultsCodec codec) {
    ObjectNode n = JSON.createObjectNode();
    n.put("typist", e.typist().value());
    n.put("progress", e.progress());
    n.put("clientState", e.clientState());
    n.put("updatedAt", e.updatedAt().toString());
    n.set("results", codec.write(e.results()));
    return n;
  }

  private static EntryInProgress inProgress(JsonNode n, ResultsCodec codec) {
    return new EntryInProgress(
        new UserId(n.get("typist").longValue()),
        codec.read(n.get("results")),
        n.get("progress").intValue(),
        n.get("clientState").stringValue(),
        Instant.parse(n.get("updatedAt").stringValue()));
  }

  private static ObjectNode finalised(FinalisedEntry e, ResultsCodec codec) {
    ObjectNode n = JSON.createObjectNode();
    n.put("by", e.by().value());
    n.put("finishedAt", e.finishedAt().toString());
    n.put("origin", e.origin().name());
    n.put("withWarnings", e.withWarnings());
    n.set("results", codec.write(e.results()));
    return n;
  }

  private static FinalisedEntry finalised(JsonNode n, ResultsCodec codec) {
    return new FinalisedEntry(
        new UserId(n.get("by").longValue()),
        codec.read(n.get("results")),
        Instant.parse(n.get("finishedAt").stringValue()),
        EntryOrigin.valueOf(n.get("origin").stringValue()),
        n.get("withWarnings").booleanValue());
  }

  private static ObjectNode correction(Correction c, ResultsCodec codec) {
    ObjectNode n = JSON.createObjectNode();
    n.set("entry", inProgress(c.entry(), codec));
    n.set("startedFrom", codec.write(c.startedFrom()));
    ArrayNode fields = n.putArray("fieldsToReEnter");
    // Sorted, so the same correction is always stored as the same text.
    new TreeSet<>(c.fieldsToReEnter()).forEach(fields::add);
    return n;
  }

  private static Correction correction(JsonNode n, ResultsCodec codec) {
    Set<String> fields = new TreeSet<>();
    for (JsonNode f : n.get("fieldsToReEnter").values()) {
      fields.add(f.stringValue());
    }
    return new Correction(inProgress(n.get("entry"), codec), codec.read(n.get("startedFrom")), fields);
  }

  static ObjectNode results(ResultsModel r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("variant", r.variant().name());
    n.put("voterCards", r.voters().voterCards() != null);
    ArrayNode lists = n.putArray("lists");
    for (ListVotes l : r.lists()) {
      lists.addArray().add(l.listNumber()).add(l.candidateVotes().size());
    }
    ObjectNode fields = n.putObject("fields");
    for (ResultsField f : r.fields()) {
      FieldValue v = f.value();
      if (v instanceof FieldValue.Count c) {
        fields.put(f.path(), c.value());
      } else if (v instanceof FieldValue.Checkbox c) {
        fields.put(f.path(), c.ticked());
      } else {
        fields.put(f.path(), v.toString());
      }
    }
    return n;
  }

  static ResultsModel results(JsonNode n) {
    List<ListShape> lists = new ArrayList<>();
    for (JsonNode l : n.get("lists").values()) {
      lists.add(new ListShape(l.get(0).intValue(), l.get(1).intValue()));
    }
    ResultsShape shape = new ResultsShape(lists, n.get("voterCards").booleanValue());
    ResultsModel empty = shape.emptyResults(ModelVariant.valueOf(n.get("variant").stringValue()));
    JsonNode stored = n.get("fields");
    if (stored.size() != empty.fields().size()) {
      throw new IllegalArgumentException(
          "stored results have " + stored.size() + " fields, the model has " + empty.fields().size());
    }
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : stored.properties()) {
      JsonNode v = e.getValue();
      if (v.isNumber()) {
        values.put(e.getKey(), new FieldValue.Count(v.intValue()));
      } else if (v.isBoolean()) {
        values.put(e.getKey(), new FieldValue.Checkbox(v.booleanValue()));
      } else {
        values.put(e.getKey(), yesNo(v.stringValue()));
      }
    }
    return empty.with(values);
  }

  private static YesNo yesNo(String text) {
    switch (text) {
      case "empty":
        return YesNo.EMPTY;
      case "yes":
        return YesNo.YES;
      case "no":
        return YesNo.NO;
      case "both":
        return YesNo.BOTH;
      default:
        throw new IllegalArgumentException("not a yes/no value: " + text);
    }
  }
}
