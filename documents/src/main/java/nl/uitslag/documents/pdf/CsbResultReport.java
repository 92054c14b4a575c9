package nl.uitslag.documents.pdf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the centraal stembureau's proces-verbaal of the result (model P 22-2: GR, AB, PS with one kieskring, ER)
 * prints: the totals, the kiesdeler and voorkeurdrempel, every step of the seat apportionment, the lots drawn,
 * the deceased candidates and the elected candidates. Values are formatted by the caller (fractions as mixed
 * numbers), so the document prints exactly what the screen showed.
 *
 * @param model e.g. "P 22-2"
 * @param electionName e.g. "Gemeenteraad West Maas en Waal 2022"
 * @param areaName the municipality, water authority or province the CSB is for
 * @param areaCode e.g. "0668"
 * @param seats the number of seats to fill
 * @param eligibleVoters kiesgerechtigden
 * @param admittedVoters toegelaten kiezers (D)
 * @param blank blanco (F)
 * @param invalid ongeldig (G)
 * @param validVotes stemmen op kandidaten (E)
 * @param quota the kiesdeler, e.g. "550 0/17" written as "550"
 * @param preferenceThreshold the voorkeurdrempel in votes
 * @param residualSeatSystem the rule for residual seats as text (P 7 or P 8)
 * @param lists per list: votes, full seats, residual seats, total seats
 * @param steps every step of the apportionment with its article
 * @param lots the outcomes of lots drawn, in drawing order (empty: no lot was needed)
 * @param deceased the candidates recorded as deceased (P 19a)
 * @param elected the elected candidates per list in order of election
 * @param warnings warnings of the apportionment (e.g. seats left unassigned)
 * @param countFile the result file (EML 520) whose fingerprint is printed on every page
 */
public record CsbResultReport(
    String model,
    String electionName,
    LocalDate pollingDay,
    String areaName,
    String areaCode,
    int seats,
    long eligibleVoters,
    long admittedVoters,
    long blank,
    long invalid,
    long validVotes,
    String quota,
    String preferenceThreshold,
    String residualSeatSystem,
    List<ListRow> lists,
    List<StepRow> steps,
    List<String> lots,
    List<String> deceased,
    List<ElectedRow> elected,
    List<String> warnings,
    CountFile countFile,
    ZonedDateTime createdAt) {

  public CsbResultReport {
    Checks.text(model, "model");
    Checks.text(electionName, "electionName");
    Objects.requireNonNull(pollingDay, "pollingDay");
    Checks.text(areaName, "areaName");
    Checks.text(areaCode, "areaCode");
    Checks.number(seats, "seats");
    Checks.text(quota, "quota");
    Checks.text(preferenceThreshold, "preferenceThreshold");
    Checks.text(residualSeatSystem, "residualSeatSystem");
    lists = Checks.list(lists, "lists");
    steps = Checks.list(steps, "steps");
    lots = Checks.list(lots, "lots");
    deceased = Checks.list(deceased, "deceased");
    elected = Checks.list(elected, "elected");
    warnings = Checks.list(warnings, "warnings");
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");
    int total = 0;
    for (ListRow l : lists) {
      total += l.seats();
    }
    if (total > seats) {
      throw new IllegalArgumentException("the lists have " + total + " seats, more than the " + seats + " to fill");
    }
  }

  /** One list's votes (stemcijfer) and seats. */
  public record ListRow(int number, String name, long votes, int fullSeats, int residualSeats, int seats) {
    public ListRow {
      Checks.number(number, "list number");
      name = name == null ? "" : name;
      if (fullSeats < 0 || residualSeats < 0 || seats < 0) {
        throw new IllegalArgumentException("list " + number + ": seats cannot be negative");
      }
    }

    /** "Lijst 3 – Partij" or "Lijst 3" for a list without appellation. */
    public String title() {
      return ListTitle.of(number, name);
    }
  }

  /** One step of the apportionment: which list got or lost a seat, by which article, at which value. */
  public record StepRow(int number, String article, String description, String list, String value) {
    public StepRow {
      Checks.number(number, "step number");
      Checks.text(article, "article");
      Checks.text(description, "description");
      list = list == null ? "" : list;
      value = value == null ? "" : value;
    }
  }

  /** An elected candidate: list, place in the order of election, name, residence, votes and how elected. */
  public record ElectedRow(int listNumber, int order, int position, String name, String locality, long votes,
      boolean onPreferenceVotes) {
    public ElectedRow {
      Checks.number(listNumber, "list number");
      Checks.number(order, "order of election");
      Checks.number(position, "position on the list");
      Checks.text(name, "name");
      locality = locality == null ? "" : locality;
    }
  }
}
