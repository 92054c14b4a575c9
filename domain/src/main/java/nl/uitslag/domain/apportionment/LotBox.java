package nl.uitslag.domain.apportionment;

import java.util.List;

/**
 * The recorded lot outcomes of one run, consumed in order. The software never draws: when a lot is
 * needed and no outcome is left, the run stops with {@link LotNeeded}.
 */
final class LotBox {
  private final List<String> recorded;
  private int next;

  LotBox(List<String> recorded) {
    this.recorded = recorded;
  }

  /** The recorded answer to this lot, which must be one of its options. */
  String draw(Lot lot) {
    if (next >= recorded.size()) {
      throw new LotNeeded(lot);
    }
    String outcome = recorded.get(next);
    if (!lot.options().contains(outcome)) {
      throw new LotOutcomeMismatchException(
          "recorded lot outcome " + (next + 1) + " \"" + outcome + "\" does not answer the lot ("
              + lot.kind() + ", " + lot.article() + ") among " + lot.options());
    }
    next++;
    return outcome;
  }

  void checkAllUsed() {
    if (next < recorded.size()) {
      throw new LotOutcomeMismatchException(
          (recorded.size() - next) + " recorded lot outcome(s) were not asked for, starting with \""
              + recorded.get(next) + "\" (outcome " + (next + 1) + ")");
    }
  }

  /** Control flow out of a run that reached a lot without a recorded outcome. */
  static final class LotNeeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Lot lot;

    LotNeeded(Lot lot) {
      super(null, null, false, false);
      this.lot = lot;
    }
  }
}
