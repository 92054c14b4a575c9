package nl.uitslag.eml.generate;

import java.util.Locale;
import java.util.Set;

/**
 * What a synthetic election looks like: its type (EML_NL subcategory), number of seats, kieskringen (EK: voting
 * bodies), municipalities, polling stations, lists and candidates per list, and the seed every number is drawn
 * from. The same spec gives the same files, byte for byte.
 *
 * @param subcategory GR1, GR2, PS1, PS2, TK, EP or EK
 * @param year the election year (election id e.g. "TK2029")
 * @param seats the number of seats (kr:NumberOfSeats)
 * @param districts kieskringen (HSBs); for the EK the voting bodies (provinciale staten and kiescolleges)
 * @param municipalities municipalities (GSBs), spread over the districts; 1 for a gemeenteraad; unused for the EK
 * @param pollingStations polling stations in total, spread over the municipalities; unused for the EK
 * @param lists candidate lists (the same lists in every kieskring)
 * @param candidates candidates per list
 * @param seed the seed of every random choice
 */
public record GeneratorSpec(String subcategory, int year, int seats, int districts, int municipalities,
    int pollingStations, int lists, int candidates, long seed) {
  static final Set<String> TYPES = Set.of("GR1", "GR2", "PS1", "PS2", "TK", "EP", "EK");

  public GeneratorSpec {
    subcategory = subcategory == null ? null : subcategory.trim().toUpperCase(Locale.ROOT);
    if (!TYPES.contains(subcategory)) {
      throw new IllegalArgumentException("election type " + subcategory + " is not generated; choose one of "
          + "GR1, GR2, PS1, PS2, TK, EP, EK");
    }
    require(year >= 2000 && year <= 2999, "year between 2000 and 2999");
    require(seats >= 1 && seats <= 1000, "seats between 1 and 1000");
    require(districts >= 1 && districts <= 99, "districts between 1 and 99");
    require(lists >= 1 && lists <= 99, "lists between 1 and 99");
    require(candidates >= 1 && candidates <= 99, "candidates per list between 1 and 99");
    if (subcategory.startsWith("GR")) {
      require(districts == 1 && municipalities == 1, "a gemeenteraad election has one kieskring and one "
          + "municipality");
    }
    if ((subcategory.equals("GR1") && seats >= 19) || (subcategory.equals("GR2") && seats < 19)) {
      throw new IllegalArgumentException(subcategory + " with " + seats + " seats: GR1 is for fewer than 19 seats, "
          + "GR2 for 19 or more (Kieswet P 15)");
    }
    if (subcategory.equals("PS1") || subcategory.equals("EP")) {
      require(districts == 1, subcategory + " has one kieskring");
    }
    if (!subcategory.equals("EK")) {
      require(municipalities >= districts, "at least one municipality per kieskring");
      require(municipalities <= 3000, "at most 3000 municipalities");
      require(pollingStations >= municipalities, "at least one polling station per municipality");
      require(pollingStations <= 100_000, "at most 100,000 polling stations");
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("generator: " + what);
    }
  }

  /** The defaults of a type: a realistic size (TK: 150 seats, 20 kieskringen, 10,000 stations, 30 × 50). */
  public static GeneratorSpec of(String subcategory) {
    String t = subcategory == null ? "" : subcategory.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "GR1":
        return new GeneratorSpec(t, 2026, 17, 1, 1, 20, 8, 20, 1);
      case "GR2":
        return new GeneratorSpec(t, 2026, 29, 1, 1, 60, 12, 30, 1);
      case "PS1":
        return new GeneratorSpec(t, 2027, 43, 1, 12, 300, 16, 30, 1);
      case "PS2":
        return new GeneratorSpec(t, 2027, 55, 3, 30, 600, 18, 40, 1);
      case "TK":
        return new GeneratorSpec(t, 2029, 150, 20, 342, 10_000, 30, 50, 1);
      case "EP":
        return new GeneratorSpec(t, 2029, 31, 1, 342, 10_000, 20, 40, 1);
      case "EK":
        return new GeneratorSpec(t, 2027, 75, 16, 0, 0, 16, 25, 1);
      default:
        return new GeneratorSpec(t, 2026, 1, 1, 1, 1, 1, 1, 1);
    }
  }

  public GeneratorSpec withSeed(long s) {
    return new GeneratorSpec(subcategory, year, seats, districts, municipalities, pollingStations, lists,
        candidates, s);
  }

  public GeneratorSpec withSeats(int s) {
    return new GeneratorSpec(subcategory, year, s, districts, municipalities, pollingStations, lists, candidates,
        seed);
  }

  /** Sizes at once; the EK ignores municipalities and polling stations. */
  public GeneratorSpec withSize(int newDistricts, int newMunicipalities, int newStations, int newLists,
      int newCandidates) {
    return new GeneratorSpec(subcategory, year, seats, newDistricts, newMunicipalities, newStations, newLists,
        newCandidates, seed);
  }

  /** A gemeenteraad: one municipality is GSB and CSB at once, and its 510b is the basis of the result. */
  public boolean isMunicipal() {
    return subcategory.startsWith("GR");
  }

  /** The Eerste Kamer: members of provinciale staten and kiescolleges vote; no polling stations. */
  public boolean isEk() {
    return subcategory.equals("EK");
  }

  public String category() {
    return isMunicipal() ? "GR" : subcategory.substring(0, 2);
  }

  public String electionId() {
    return isMunicipal() ? "GR" + year + "_Synthese" : subcategory.startsWith("PS") ? "PS" + year + "_Synthese"
        : category() + year;
  }
}
