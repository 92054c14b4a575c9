package nl.uitslag.domain.results;

/**
 * A yes/no question on a proces-verbaal as two separate checkboxes: both can be ticked, so there are four
 * states (empty, yes, no, both), and the validation rules tell them apart (e.g. F.102, F.310).
 */
public record YesNo(boolean yes, boolean no) implements FieldValue {
  public static final YesNo EMPTY = new YesNo(false, false);
  public static final YesNo YES = new YesNo(true, false);
  public static final YesNo NO = new YesNo(false, true);
  public static final YesNo BOTH = new YesNo(true, true);

  /** Neither box ticked. */
  public boolean isEmpty() {
    return !yes && !no;
  }

  /** Both boxes ticked: an ambiguous answer. */
  public boolean isBoth() {
    return yes && no;
  }

  /** Exactly "yes" ticked. */
  public boolean isYes() {
    return yes && !no;
  }

  /** Exactly "no" ticked. */
  public boolean isNo() {
    return no && !yes;
  }

  /** Exactly one box ticked. */
  public boolean isAnswered() {
    return yes != no;
  }

  @Override
  public FieldValue cleared() {
    return EMPTY;
  }

  @Override
  public String toString() {
    return isEmpty() ? "empty" : isBoth() ? "both" : yes ? "yes" : "no";
  }
}
