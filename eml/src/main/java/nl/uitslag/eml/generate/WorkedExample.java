package nl.uitslag.eml.generate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A worked example of the seat apportionment over several kieskringen, with the figures per kieskring exactly as
 * the reference states them (apportionment.md §6.5) and the outcome the law gives, so that a generated election
 * can be checked against a result worked out by hand rather than against our own engine.
 *
 * @param name the name used on the command line ({@code uitslag generate TK DIR --example tk_group})
 * @param subcategory the EML_NL election subcategory (TK)
 * @param year the election year (election id e.g. "TK2029")
 * @param seats the number of seats
 * @param parties the registered appellations, index 0 is list 1
 * @param districts the kieskringen with their lists and votes, in number order
 * @param expectedSeats the seats per list number the law gives (Kieswet P 5 – P 9)
 * @param expectedElected per list of the 520, the ShortCodes of its elected candidates in the order of the 520
 *     (a lijstengroep's lists one after another, each in its order of election, P 15 – P 17)
 */
public record WorkedExample(String name, String subcategory, int year, int seats, List<String> parties,
    List<District> districts, Map<Integer, Integer> expectedSeats, Map<Integer, List<String>> expectedElected) {
  public WorkedExample {
    parties = List.copyOf(parties);
    districts = List.copyOf(districts);
    expectedSeats = Map.copyOf(expectedSeats);
    expectedElected = Map.copyOf(expectedElected);
  }

  /**
   * One kieskring: its number and name, the municipalities (GSBs) that report to its HSB, and the lists submitted
   * there with their votes in the kieskring.
   */
  public record District(int number, String name, List<String> municipalities, List<ExampleList> lists) {
    public District {
      municipalities = List.copyOf(municipalities);
      lists = List.copyOf(lists);
    }
  }

  /**
   * A list as submitted in one kieskring: its number, its EML type ("lijstengroep", "stel gelijkluidende lijsten",
   * "op zichzelf staande lijst"), the set it belongs to (kr:ListData BelongsToSet; null for none), the ShortCodes
   * of its candidates in list order (the same ShortCode on two lists is one person, P 15 lid 1) and the votes of
   * each candidate in this kieskring.
   */
  public record ExampleList(int number, String type, Integer set, List<String> candidates, long[] votes) {
    public ExampleList {
      candidates = List.copyOf(candidates);
      votes = votes.clone();
      if (votes.length != candidates.size()) {
        throw new IllegalArgumentException("list " + number + ": " + candidates.size() + " candidates, "
            + votes.length + " vote counts");
      }
    }

    public long total() {
      long s = 0;
      for (long v : votes) {
        s += v;
      }
      return s;
    }
  }

  private static final String GROUP = "lijstengroep";
  private static final String SET = "stel gelijkluidende lijsten";
  private static final String SINGLE = "op zichzelf staande lijst";

  private static final List<String> X = List.of("A1", "A2", "A3", "A4");
  private static final List<String> Y = List.of("A1", "A5", "A6", "A7");
  private static final List<String> B = List.of("B1", "B2", "B3", "B4");

  /**
   * apportionment.md §6.5 "TK-group" (tk_group.json): S = 10 over 3 kieskringen. Party A is a lijstengroep (Kieswet
   * P 12): list X in kieskring 1 and 2 (A1..A4), list Y in kieskring 3 (A1, A5, A6, A7), so A1 stands on both.
   * Party B has identical lists in all three (a stel gelijkluidende lijsten), party C a list in kieskring 1 only.
   * V = 1600, Q = 160: full seats A 5, B 3; residual seats by largest averages (P 7) to A and B; C (100 &lt; Q) is
   * not eligible. Inside group A X gets 4 and Y 2 (P 12). T = 40: A1 (650 over both lists) is elected on X, where
   * he has most votes (P 16 lid 1), A5 on Y, A2 and A3 on X by preference (P 15); P 17 fills X with A4 and Y with
   * A6, passing over A1 on Y.
   */
  public static final WorkedExample TK_GROUP = new WorkedExample("tk_group", "TK", 2029, 10,
      List.of("Partij A", "Partij B", "Partij C"),
      List.of(
          new District(1, "Noord", List.of("Oostwijk", "Westdam"), List.of(
              new ExampleList(1, GROUP, 1, X, new long[] {300, 50, 20, 10}),
              new ExampleList(2, SET, 1, B, new long[] {200, 30, 10, 5}),
              new ExampleList(3, SINGLE, null, List.of("C1", "C2"), new long[] {90, 10}))),
          new District(2, "Midden", List.of("Noordveen", "Zuidhorst"), List.of(
              new ExampleList(1, GROUP, 1, X, new long[] {200, 40, 30, 10}),
              new ExampleList(2, SET, 1, B, new long[] {150, 20, 5, 5}))),
          new District(3, "Zuid", List.of("Grootbroek", "Kleindorp"), List.of(
              new ExampleList(1, GROUP, null, Y, new long[] {150, 100, 20, 10}),
              new ExampleList(2, SET, 1, B, new long[] {100, 20, 10, 5})))),
      Map.of(1, 6, 2, 4, 3, 0),
      Map.of(1, List.of("A1", "A2", "A3", "A4", "A5", "A6"), 2, List.of("B1", "B2", "B3", "B4")));

  /** The examples by name. */
  public static final List<WorkedExample> ALL = List.of(TK_GROUP);

  /** The example of that name (case-insensitive). */
  public static WorkedExample byName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (WorkedExample e : ALL) {
      if (e.name().equals(n)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no worked example " + name + "; choose one of "
        + String.join(", ", ALL.stream().map(WorkedExample::name).toList()));
  }

  public String electionId() {
    return subcategory + year;
  }
}
