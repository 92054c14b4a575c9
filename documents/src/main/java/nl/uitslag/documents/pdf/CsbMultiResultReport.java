package nl.uitslag.documents.pdf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the centraal stembureau's proces-verbaal of the result of an election with several kieskringen prints: model
 * P 22-1 (Tweede Kamer, Europees Parlement, Provinciale Staten with several kieskringen) or U 16 (Eerste Kamer, with
 * the stemwaarde of every province or kiescollege, Kieswet U 2 and U 3). The votes per kieskring, the stemcijfers,
 * kiesdeler and voorkeurdrempel, every step of the seat apportionment including the distribution inside list
 * groups (P 12, P 13), the lots drawn, the deceased candidates and the elected candidates. Values are formatted by
 * the caller, so the document prints exactly what the screen showed.
 *
 * @param model "P 22-1" or "U 16"
 * @param electionName e.g. "Tweede Kamer der Staten-Generaal 2029"
 * @param csbName the name of the centraal stembureau, e.g. "De Kiesraad"
 * @param seats the number of seats to fill
 * @param districts per kieskring (EK: per voting body) its figures, with the stemwaarde for the EK
 * @param listTitles the titles of the lists in number order, the columns of {@code districtVotes}
 * @param districtVotes per kieskring the votes of each list (ballots for the EK), in the order of listTitles;
 *     null where the list was not submitted
 * @param quota the kiesdeler as a mixed number
 * @param preferenceThreshold the voorkeurdrempel in votes
 * @param residualSeatSystem the rule for residual seats as text
 * @param lists per list (a list group counts as one list, P 12): stemcijfer, full, residual and total seats
 * @param groupLists the lists inside list groups and the seats each received (P 12, P 13); empty without groups
 * @param steps every step of the apportionment with its article
 * @param lots the outcomes of lots drawn, in drawing order
 * @param deceased the candidates recorded as deceased (P 19a)
 * @param elected the elected candidates per list in order of election
 * @param warnings warnings of the apportionment
 * @param countFile the CSB's count file (EML 510d) whose fingerprint is printed on every page
 */
public record CsbMultiResultReport(
    String model,
    String electionName,
    LocalDate pollingDay,
    String csbName,
    int seats,
    List<DistrictRow> districts,
    List<String> listTitles,
    List<List<Long>> districtVotes,
    String quota,
    String preferenceThreshold,
    String residualSeatSystem,
    List<CsbResultReport.ListRow> lists,
    List<GroupListRow> groupLists,
    List<CsbResultReport.StepRow> steps,
    List<String> lots,
    List<String> deceased,
    List<ElectedRow> elected,
    List<String> warnings,
    CountFile countFile,
    ZonedDateTime createdAt) {

  public CsbMultiResultReport {
    if (!"P 22-1".equals(model) && !"U 16".equals(model)) {
      throw new IllegalArgumentException("model must be P 22-1 or U 16, not " + model);
    }
    Checks.text(electionName, "electionName");
    Objects.requireNonNull(pollingDay, "pollingDay");
    Checks.text(csbName, "csbName");
    Checks.number(seats, "seats");
    districts = Checks.list(districts, "districts");
    listTitles = Checks.list(listTitles, "listTitles");
    districtVotes = Checks.list(districtVotes, "districtVotes");
    if (districtVotes.size() != districts.size()) {
      throw new IllegalArgumentException(districtVotes.size() + " rows of list votes for " + districts.size()
          + " kieskringen");
    }
    for (List<Long> row : districtVotes) {
      if (row.size() != listTitles.size()) {
        throw new IllegalArgumentException("a kieskring has " + row.size() + " list votes for " + listTitles.size()
            + " lists");
      }
    }
    Checks.text(quota, "quota");
    Checks.text(preferenceThreshold, "preferenceThreshold");
    Checks.text(residualSeatSystem, "residualSeatSystem");
    lists = Checks.list(lists, "lists");
    groupLists = Checks.list(groupLists, "groupLists");
    steps = Checks.list(steps, "steps");
    lots = Checks.list(lots, "lots");
    deceased = Checks.list(deceased, "deceased");
    elected = Checks.list(elected, "elected");
    warnings = Checks.list(warnings, "warnings");
    Objects.requireNonNull(countFile, "countFile");
    Objects.requireNonNull(createdAt, "createdAt");
    boolean weighted = "U 16".equals(model);
    for (DistrictRow d : districts) {
      if (weighted != (d.voteWeight() != null)) {
        throw new IllegalArgumentException("kieskring " + d.number() + ": a stemwaarde belongs on U 16 and only there"
            + " (Kieswet U 2)");
      }
    }
    int total = 0;
    for (CsbResultReport.ListRow l : lists) {
      total += l.seats();
    }
    if (total > seats) {
      throw new IllegalArgumentException("the lists have " + total + " seats, more than the " + seats + " to fill");
    }
  }

  /** Whether this is the Eerste Kamer's U 16, with stemwaarden. */
  public boolean weighted() {
    return "U 16".equals(model);
  }

  /**
   * One kieskring (EK: province or kiescollege): number, name, stemwaarde (EK only), blank and invalid ballots, and
   * the valid votes (EK: ballots) and, for the EK, the weighted votes (ballots × stemwaarde, U 3).
   */
  public record DistrictRow(int number, String name, Long voteWeight, long blank, long invalid, long validVotes,
      long weightedVotes, WeightBasis weightBasis) {
    /** A row without the basis of a U 2 check. */
    public DistrictRow(int number, String name, Long voteWeight, long blank, long invalid, long validVotes,
        long weightedVotes) {
      this(number, name, voteWeight, blank, invalid, validVotes, weightedVotes, null);
    }

    public DistrictRow {
      Checks.number(number, "kieskring number");
      Checks.text(name, "kieskring name");
      if (weightBasis != null) {
        if (voteWeight == null) {
          throw new IllegalArgumentException(name + ": a U 2 basis without a stemwaarde");
        }
        if (weightBasis.ruleConfirmed() && weightBasis.computed() != voteWeight) {
          // A PV never prints a stemwaarde that contradicts its own U 2 computation.
          throw new IllegalArgumentException(name + ": stemwaarde " + voteWeight + " differs from U 2 lid 1 ("
              + weightBasis.computed() + ")");
        }
      }
    }
  }

  /**
   * The figures of the U 2 lid 1 check of a stemwaarde, printed on the U 16 when the coordinator entered them:
   * inhabitants (kiescollege niet-ingezetenen: registered voters), members, the computed value, and whether the
   * formula is the confirmed rule for the body (false for the kiescollege niet-ingezetenen: published value applies).
   */
  public record WeightBasis(long inhabitants, int members, long computed, boolean ruleConfirmed) {
    public WeightBasis {
      Checks.count(inhabitants, "inhabitants");
      Checks.number(members, "members");
      Checks.count(computed, "computed stemwaarde");
    }
  }

  /** Whether any stemwaarde was checked against U 2 lid 1, so the U 16 prints the check. */
  public boolean anyWeightBasis() {
    return districts.stream().anyMatch(d -> d.weightBasis() != null);
  }

  /** A list inside a list group: its key ("4.2"), the kieskringen it was submitted in, its votes and seats. */
  public record GroupListRow(String list, String districts, long votes, int seats) {
    public GroupListRow {
      Checks.text(list, "list");
      districts = districts == null ? "" : districts;
    }
  }

  /** An elected candidate: list ("4" or "4.2" inside a group), order, name, residence, votes and how elected. */
  public record ElectedRow(String list, int order, String name, String locality, long votes,
      boolean onPreferenceVotes) {
    public ElectedRow {
      Checks.text(list, "list");
      Checks.number(order, "order of election");
      Checks.text(name, "name");
      locality = locality == null ? "" : locality;
    }
  }
}
