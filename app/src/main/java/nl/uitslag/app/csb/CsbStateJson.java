package nl.uitslag.app.csb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.dataentry.DataEntryStateJson;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.results.CountFileRows;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The double-entry state of one GSB's totals at the CSB as JSON: the same structure as a polling station's
 * ({@link DataEntryStateJson}), but GSB totals hold counts only, so results are stored as the array of their
 * counts in paper order and read back into the election's shape. Totals read from a count file that carries
 * explanation rows or no admitted voters ({@link CountFileRows}) are stored as an object with those counts and
 * rows; totals without such rows keep the plain array, so states stored before the rows existed read unchanged.
 */
final class CsbStateJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CsbStateJson() {}

  static String write(DataEntryState state) {
    // The shape is only needed to read results back; writing takes it from the results themselves.
    return DataEntryStateJson.write(state, new Counts(null));
  }

  static DataEntryState read(String json, ResultsShape shape) {
    return DataEntryStateJson.read(json, new Counts(shape));
  }

  private record Counts(ResultsShape shape) implements DataEntryStateJson.ResultsCodec {
    @Override
    public JsonNode write(ResultsModel r) {
      ArrayNode a = JSON.createArrayNode();
      for (ResultsField f : r.fields()) {
        if (!(f.value() instanceof FieldValue.Count c)) {
          throw new IllegalArgumentException("GSB totals hold counts only: " + f.path());
        }
        a.add(c.value());
      }
      CountFileRows rows = r instanceof GsbResults g ? g.rows() : CountFileRows.NONE;
      if (rows.equals(CountFileRows.NONE)) {
        return a;
      }
      ObjectNode o = JSON.createObjectNode();
      o.set("counts", a);
      o.put("admittedVotersRecorded", rows.admittedVotersRecorded());
      ObjectNode explanations = o.putObject("explanations");
      rows.explanations().forEach((k, v) -> explanations.put(k.name(), v));
      return o;
    }

    @Override
    public ResultsModel read(JsonNode node) {
      JsonNode a = node.isObject() ? node.get("counts") : node;
      List<FieldValue> values = new ArrayList<>();
      a.forEach(v -> values.add(new FieldValue.Count(v.intValue())));
      GsbResults r = (GsbResults) shape.emptyResults(ModelVariant.GSB_TOTALS).withValues(values);
      if (!node.isObject()) {
        return r;
      }
      Map<Explanation, Integer> explanations = new EnumMap<>(Explanation.class);
      for (Map.Entry<String, JsonNode> e : node.get("explanations").properties()) {
        explanations.put(Explanation.valueOf(e.getKey()), e.getValue().intValue());
      }
      return r.withRows(new CountFileRows(node.get("admittedVotersRecorded").booleanValue(), explanations));
    }
  }
}
