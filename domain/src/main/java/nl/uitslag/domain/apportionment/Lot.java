package nl.uitslag.domain.apportionment;

import java.util.List;

/**
 * A lot the centraal stembureau must draw before the computation can go on: one seat, decided
 * among the tied options. Options are "list N" / "list N.k" for lists and candidate ids for P 15.
 *
 * @param seats the seat numbers concerned (residual seats: position in the order of assignment over
 *     the whole election; candidates: position on the list)
 * @param value the tied value (remainder, average or votes)
 * @param list for a candidate lot the list concerned, otherwise empty
 */
public record Lot(LotKind kind, List<String> options, List<Integer> seats, Fraction value, String list) {
  public Lot {
    options = List.copyOf(options);
    seats = List.copyOf(seats);
  }

  public String article() {
    return kind.article();
  }
}
