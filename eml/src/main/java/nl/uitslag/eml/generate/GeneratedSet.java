package nl.uitslag.eml.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A generated election as written: the directory, the files in the order written, their size in bytes, the polling
 * stations and municipalities, the seats per list of the 520, and the lot outcomes the generator had to choose
 * (empty for almost every seed; a set with lots cannot be verified from its files alone).
 */
public record GeneratedSet(Path dir, List<Path> files, long bytes, int pollingStations, int municipalities,
    Map<Integer, Integer> seats, List<String> lots) {
  public GeneratedSet {
    files = List.copyOf(files);
    seats = Map.copyOf(seats);
    lots = List.copyOf(lots);
  }
}
