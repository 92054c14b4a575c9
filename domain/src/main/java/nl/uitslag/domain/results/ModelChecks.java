package nl.uitslag.domain.results;

import java.util.List;

/** Consistency checks shared by the model records: the internal shape, not the election's. */
final class ModelChecks {
  private ModelChecks() {}

  /** The list pages must be the lists of E.1 … E.n, in the same strictly increasing order. */
  static List<ListVotes> listsMatchVotes(VotesCounts votes, List<ListVotes> lists) {
    List<ListVotes> copy = List.copyOf(lists);
    if (copy.size() != votes.listTotals().size()) {
      throw new InvalidResultsException(
          null, copy.size() + " list pages but " + votes.listTotals().size() + " list totals E.x");
    }
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).listNumber() != votes.listTotals().get(i).listNumber()) {
        throw new InvalidResultsException(
            null, "list page " + copy.get(i).listNumber() + " does not match E."
                + votes.listTotals().get(i).listNumber());
      }
    }
    return copy;
  }
}
