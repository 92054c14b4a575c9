package nl.uitslag.domain.results;

/** One candidate list of the election as the results models need it: its number and number of candidates. */
public record ListShape(int listNumber, int candidateCount) {
  public ListShape {
    if (listNumber < 1) {
      throw new IllegalArgumentException("list numbers start at 1: " + listNumber);
    }
    if (candidateCount < 1) {
      throw new IllegalArgumentException("list " + listNumber + " needs at least one candidate");
    }
  }
}
