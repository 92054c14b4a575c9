package nl.uitslag.domain.apportionment;

/** Which question a lot (loting) decides, with its article. */
public enum LotKind {
  LARGEST_REMAINDER("P 8 lid 2"),
  UNIQUE_HIGHEST_AVERAGE("P 8 lid 3"),
  HIGHEST_AVERAGE("P 7 lid 1"),
  ABSOLUTE_MAJORITY("P 9"),
  GROUP_LARGEST_REMAINDER("P 12"),
  GROUP_HIGHEST_AVERAGE("P 13 lid 2"),
  CANDIDATE("P 15 lid 2");

  private final String article;

  LotKind(String article) {
    this.article = article;
  }

  public String article() {
    return article;
  }
}
