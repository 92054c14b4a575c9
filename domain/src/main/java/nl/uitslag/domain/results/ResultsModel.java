package nl.uitslag.domain.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The results of one data source as typed from one paper proces-verbaal, in one of the model variants of
 * abacus.md §3.1. Records give deep equality: two entries are equal exactly when every field is equal.
 */
public sealed interface ResultsModel
    permits PollingStationResults, GsbResults {

  /** The paper model this entry was typed from. */
  ModelVariant variant();

  /** A, B, C, D. */
  VoterCounts voters();

  /** E.1 … E.n, E, F, G, H. */
  VotesCounts votes();

  /** I: more ballots counted (H − D). */
  int moreBallotsCounted();

  /** J: fewer ballots counted (D − H). */
  int fewerBallotsCounted();

  /** One page per list, ordered by list number. */
  List<ListVotes> lists();

  /** Every field of the model in the order of the paper form, with its path and paper code. */
  List<ResultsField> fields();

  /**
   * The same model with every field replaced by the given values, in the order of {@link #fields()}.
   *
   * @throws InvalidResultsException when the number or kinds of values do not fit, or a count is out of range
   */
  ResultsModel withValues(List<FieldValue> values);

  /**
   * The same model with the given fields replaced; other fields keep their value.
   *
   * @throws InvalidResultsException for an unknown path or a value of the wrong kind
   */
  default ResultsModel with(Map<String, FieldValue> changes) {
    Map<String, FieldValue> remaining = new HashMap<>(changes);
    List<FieldValue> values = new ArrayList<>();
    for (ResultsField f : fields()) {
      FieldValue replacement = remaining.remove(f.path());
      values.add(replacement == null ? f.value() : replacement);
    }
    if (!remaining.isEmpty()) {
      throw new InvalidResultsException(
          remaining.keySet().iterator().next(), "no such field in " + variant().paperModel());
    }
    return withValues(values);
  }

  /** The same model with the given fields emptied (count 0, checkbox unticked, yes/no empty). */
  default ResultsModel withCleared(Set<String> paths) {
    Set<String> unknown = new HashSet<>(paths);
    List<FieldValue> values = new ArrayList<>();
    for (ResultsField f : fields()) {
      values.add(unknown.remove(f.path()) ? f.value().cleared() : f.value());
    }
    if (!unknown.isEmpty()) {
      throw new InvalidResultsException(
          unknown.iterator().next(), "no such field in " + variant().paperModel());
    }
    return withValues(values);
  }

  /**
   * The paths of every field whose value differs from the other entry, in paper order (the basis of W.001
   * and of the differences view). Entries of different variants or shapes are not comparable.
   *
   * @throws IllegalArgumentException when the two entries do not have the same variant and fields
   */
  default List<String> differingFields(ResultsModel other) {
    List<ResultsField> mine = fields();
    List<ResultsField> theirs = other.fields();
    if (variant() != other.variant() || mine.size() != theirs.size()) {
      throw new IllegalArgumentException("entries of a different model or shape cannot be compared");
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      ResultsField a = mine.get(i);
      ResultsField b = theirs.get(i);
      if (!a.path().equals(b.path())) {
        throw new IllegalArgumentException("entries of a different shape cannot be compared: " + a.path());
      }
      if (!Objects.equals(a.value(), b.value())) {
        paths.add(a.path());
      }
    }
    return List.copyOf(paths);
  }

  /** The value of the field with the given path. */
  default FieldValue valueOf(String path) {
    for (ResultsField f : fields()) {
      if (f.path().equals(path)) {
        return f.value();
      }
    }
    throw new InvalidResultsException(path, "no such field in " + variant().paperModel());
  }
}
