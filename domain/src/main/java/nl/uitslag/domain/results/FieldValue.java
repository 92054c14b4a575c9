package nl.uitslag.domain.results;

/** The value in one field of a proces-verbaal: a count, a single checkbox, or a yes/no pair. */
public sealed interface FieldValue permits FieldValue.Count, FieldValue.Checkbox, YesNo {

  /** The value a field has when the typist leaves it empty (an empty count means 0, abacus.md §3.1). */
  FieldValue cleared();

  /** A count (number of voters, votes or ballots). */
  record Count(int value) implements FieldValue {
    public static final Count ZERO = new Count(0);

    @Override
    public FieldValue cleared() {
      return ZERO;
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** A single checkbox, such as "D = H". */
  record Checkbox(boolean ticked) implements FieldValue {
    @Override
    public FieldValue cleared() {
      return new Checkbox(false);
    }

    @Override
    public String toString() {
      return ticked ? "ticked" : "not ticked";
    }
  }
}
