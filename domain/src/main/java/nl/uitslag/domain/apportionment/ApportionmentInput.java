package nl.uitslag.domain.apportionment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything the centraal stembureau needs to apportion the seats and elect the candidates: the
 * election type and seat count, the kieskringen with their vote weights, the lists with their
 * candidates and votes per kieskring, the deceased candidates (P 19a) and the outcomes of the lots
 * drawn so far, in the order they were drawn.
 *
 * @param type the election type (EML_NL subcategory)
 * @param seats the number of seats to distribute
 * @param preferencePercent the voorkeurdrempel in % of the kiesdeler if the election definition sets
 *     it; otherwise the default of the type
 * @param districts the kieskringen (voting bodies for the EK) with their stemwaarde (1 unless EK)
 * @param lists the candidate lists; a list with several sublists is a lijstengroep (P 12)
 * @param deceased ids of candidates who died (P 19a); their votes still count for their list
 * @param lots recorded lot outcomes in drawing order: "list N", "list N.k" or a candidate id
 */
public record ApportionmentInput(
    ElectionType type,
    int seats,
    OptionalInt preferencePercent,
    List<District> districts,
    List<CandidateList> lists,
    Set<String> deceased,
    List<String> lots) {

  public ApportionmentInput {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(preferencePercent, "preferencePercent");
    districts = List.copyOf(districts);
    lists = List.copyOf(lists);
    deceased = Set.copyOf(deceased);
    lots = List.copyOf(lots);
  }

  /** A single-district election without deceased candidates or lots. */
  public static ApportionmentInput simple(ElectionType type, int seats, List<CandidateList> lists) {
    return new ApportionmentInput(
        type, seats, OptionalInt.empty(), List.of(new District(1, 1)), lists, Set.of(), List.of());
  }

  public ApportionmentInput withLots(List<String> newLots) {
    return new ApportionmentInput(type, seats, preferencePercent, districts, lists, deceased, newLots);
  }

  public ApportionmentInput withDeceased(Set<String> newDeceased) {
    return new ApportionmentInput(type, seats, preferencePercent, districts, lists, newDeceased, lots);
  }

  public ApportionmentInput withSeats(int newSeats) {
    return new ApportionmentInput(type, newSeats, preferencePercent, districts, lists, deceased, lots);
  }

  /** A kieskring (EK: a voting body) and its stemwaarde (Kieswet U 2; 1 for every other type). */
  public record District(int number, long voteWeight) {}

  /**
   * A numbered list. One sublist covering every kieskring is an ordinary list or a stel gelijkluidende
   * lijsten; several sublists form a lijstengroep whose sublists are numbered "N.1", "N.2", … in order.
   */
  public record CandidateList(int number, String name, List<SubList> sublists) {
    public CandidateList {
      Objects.requireNonNull(name, "name");
      sublists = List.copyOf(sublists);
    }

    /** A list in a single-district election with these candidate votes. */
    public static CandidateList of(int number, String name, List<String> candidates, long... votes) {
      return new CandidateList(
          number, name, List.of(new SubList(List.of(1), candidates, Map.of(1, VoteCounts.of(votes)))));
    }

    /** A list in a single-district election with candidates named "number.k". */
    public static CandidateList of(int number, long... votes) {
      String[] ids = new String[votes.length];
      for (int k = 0; k < votes.length; k++) {
        ids[k] = number + "." + (k + 1);
      }
      return of(number, "list " + number, List.of(ids), votes);
    }
  }

  /**
   * The candidates of one list in the kieskringen where it was submitted, with their votes per
   * kieskring (in candidate order).
   */
  public record SubList(
      List<Integer> districts, List<String> candidates, Map<Integer, VoteCounts> votes) {
    public SubList {
      districts = List.copyOf(districts);
      candidates = List.copyOf(candidates);
      votes = Map.copyOf(votes);
    }
  }
}
