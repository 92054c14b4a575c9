package nl.uitslag.documents.pdf;

import java.util.List;

/**
 * A list of candidates (kandidatenlijst) as printed on the PV: list number, name of the political
 * group (aanduiding) or "blanco", and its candidates in list order.
 */
public record CandidateList(int number, String name, List<Candidate> candidates) {

  public CandidateList {
    Checks.number(number, "list number");
    name = name == null ? "" : name;
    candidates = Checks.list(candidates, "candidates");
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("list " + number + " has no candidates");
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).number() != i + 1) {
        throw new IllegalArgumentException(
            "list " + number + ": candidates must be numbered 1.." + candidates.size()
                + " in order, found " + candidates.get(i).number() + " at position " + (i + 1));
      }
    }
  }

  /** The heading used for the list: "Lijst 3 – Partij" or "Lijst 3" for a blank list name. */
  public String title() {
    return ListTitle.of(number, name);
  }
}
