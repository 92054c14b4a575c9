package nl.uitslag.app.csb;

import java.util.ArrayList;
import java.util.List;
import nl.uitslag.app.dataentry.DataEntryStateJson;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The double-entry state of one GSB's totals at the CSB as JSON: the same structure as a polling station's
 * ({@link DataEntryStateJson}), but GSB totals hold counts only, so results are stored as the array of their
 * counts in paper order and read back into the election's shape.
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
      return a;
    }

    @Override
    public ResultsModel read(JsonNode a) {
      List<FieldValue> values = new ArrayList<>();
      a.forEach(v -> values.add(new FieldValue.Count(v.intValue())));
      return shape.emptyResults(ModelVariant.GSB_TOTALS).withValues(values);
    }
  }
}
