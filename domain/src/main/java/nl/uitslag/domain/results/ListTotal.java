package nl.uitslag.domain.results;

/** E.x: the total votes of one list as written in the common block. */
public record ListTotal(int listNumber, int votes) {
  public ListTotal {
    if (listNumber < 1) {
      throw new InvalidResultsException(null, "list numbers start at 1: " + listNumber);
    }
    Counts.check(FieldPaths.listTotalInVotes(listNumber), votes);
  }
}
