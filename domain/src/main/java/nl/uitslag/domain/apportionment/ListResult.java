package nl.uitslag.domain.apportionment;

import java.util.List;

/**
 * The outcome for one list (or one list of a list group): its seats, the candidates elected in the
 * order of election, and the ranking for filling later vacancies (P 19).
 *
 * @param list "3", or "4.2" for the second list of list group 4
 * @param preferenceElected the candidates elected on their own votes (P 15), in order of election
 * @param rankingChanged whether the ranking differs from the list order (always true with a deceased
 *     candidate, P 19a)
 */
public record ListResult(
    String list,
    int seats,
    List<String> elected,
    List<String> preferenceElected,
    List<String> ranking,
    boolean rankingChanged) {
  public ListResult {
    elected = List.copyOf(elected);
    preferenceElected = List.copyOf(preferenceElected);
    ranking = List.copyOf(ranking);
  }
}
