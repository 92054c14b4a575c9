package nl.uitslag.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;

/**
 * Generates a fictional municipal election to try the software with: one municipality, about ten polling
 * stations, six lists with candidates. Deterministic for a seed, so a demo looks the same on every machine. All
 * names are made up from the small word lists below; no real data is copied.
 */
public final class DemoElectionGenerator {

  /** A generated election with everything the set-up would otherwise import. */
  public record DemoElection(ElectionView election, List<ListView> lists, List<PollingStationView> pollingStations) {}

  private static final String MUNICIPALITY = "Demodorp";
  private static final String[] PARTIES = {
    "Lokaal Belang Demodorp", "Groen Dorp", "Samen Verder", "Dorpsbelangen", "Vooruit Demodorp", "Waterland Nu"
  };
  private static final String[] FIRST_NAMES = {
    "Anna", "Bram", "Carla", "Daan", "Eva", "Floor", "Gijs", "Hanna", "Ilse", "Joris", "Kees", "Lotte", "Maarten",
    "Noor", "Olaf", "Pien", "Ruben", "Sanne", "Thijs", "Vera", "Wouter", "Yara", "Zeger", "Fenna"
  };
  private static final String[] LAST_NAMES = {
    "Akkerman", "Bosman", "Dijkstra", "Everts", "Groenewoud", "Hoekstra", "Jansma", "Kuipers", "Lammers", "Mulder",
    "Nijland", "Oosterhof", "Prins", "Rozendaal", "Schouten", "Terpstra", "Veldkamp", "Wiersma", "Zwart", "Brink"
  };
  private static final String[] PREFIXES = {"", "", "", "van", "de", "van der", "ter"};
  private static final String[] STATION_NAMES = {
    "Dorpshuis De Brink", "Basisschool De Wilg", "Sporthal Oost", "Bibliotheek", "Gemeentehuis", "Kerkzaal",
    "Buurthuis West", "Zorgcentrum Het Anker", "Station", "Mobiel stembureau"
  };

  private DemoElectionGenerator() {}

  public static DemoElection generate(long seed) {
    Random random = new Random(seed);
    List<ListView> lists = new ArrayList<>();
    for (int i = 0; i < PARTIES.length; i++) {
      int size = 6 + random.nextInt(10);
      List<CandidateView> candidates = new ArrayList<>();
      for (int p = 1; p <= size; p++) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
        candidates.add(
            new CandidateView(
                p, first.charAt(0) + ".", first, prefix.isEmpty() ? null : prefix, last, MUNICIPALITY,
                random.nextBoolean() ? "female" : "male"));
      }
      lists.add(new ListView(i + 1, PARTIES[i], List.copyOf(candidates)));
    }
    List<PollingStationView> stations = new ArrayList<>();
    long total = 0;
    for (int n = 1; n <= STATION_NAMES.length; n++) {
      long eligible = 900 + random.nextInt(1400);
      total += eligible;
      boolean mobile = n == STATION_NAMES.length;
      stations.add(
          new PollingStationView(
              0, n, STATION_NAMES[n - 1], String.format("9%03d AB", 100 + n), MUNICIPALITY,
              mobile ? "MOBILE" : "FIXED", mobile ? null : eligible));
    }
    ElectionView election =
        new ElectionView(
            0,
            "GR2026_Demodorp",
            "Gemeenteraad Demodorp 2026",
            "GR",
            // Kieswet P 7/P 8: fewer than 19 seats means the GR1 rules (largest remainders) apply.
            "GR1",
            LocalDate.of(2026, 3, 18),
            17,
            MUNICIPALITY,
            "9999",
            "CSO",
            total);
    return new DemoElection(election, List.copyOf(lists), List.copyOf(stations));
  }
}
