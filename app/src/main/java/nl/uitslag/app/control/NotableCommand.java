package nl.uitslag.app.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableResults;
import nl.uitslag.domain.control.NotableThresholds;
import nl.uitslag.domain.control.StationCounts;
import nl.uitslag.domain.control.StationSources;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * "uitslag notable FILE...": the notable-results checks (docs/CONTROL-PROTOCOL.md §3) over the polling stations
 * of municipal count files (EML 510b), as the HSB or CSB runs them over every imported municipality. Runs on
 * the files alone, without the database. Flags are not errors: the exit code is 0 unless a file is rejected.
 */
@Command(name = "notable", mixinStandardHelpOptions = true,
    description = "Check the polling stations of 510b count files for notable results. Exit 1 if a file is rejected.")
public final class NotableCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Municipal count files (510b).")
  List<Path> files;

  @Option(names = "--lang", defaultValue = "nl", description = "Language of the reasons: nl or en.")
  String lang;

  @Option(names = "--blank-percent", defaultValue = "3", description = "Blank votes from this % of votes cast.")
  int blankPercent;

  @Option(names = "--invalid-percent", defaultValue = "3", description = "Invalid votes from this % of votes cast.")
  int invalidPercent;

  @Option(names = "--list-share-points", defaultValue = "50",
      description = "A list's share differs this many percentage points from the rest of the municipality.")
  int listSharePoints;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NotableThresholds d = NotableThresholds.DEFAULTS;
    NotableThresholds t;
    try {
      t = new NotableThresholds(blankPercent, invalidPercent, listSharePoints, d.differenceAbsolute(),
          d.differencePercent(), d.swapFactor(), d.swapMinimumVotes(), d.swapMinimumExpected(),
          d.swapMinimumReferenceStations());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    boolean english = "en".equals(lang);
    int exit = 0;
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        EmlDocument.Counts counts = EmlReader.readCount(in, file.getFileName().toString(), ReadOptions.none());
        for (ContestCount contest : counts.count().contests()) {
          List<StationCounts> stations = StationSources.fromCountFile(contest);
          List<NotableFlag> flags = NotableResults.check(stations, t);
          out.println(file.getFileName() + (contest.contestName() == null ? "" : " (" + contest.contestName() + ")")
              + ": " + stations.size() + (english ? " polling stations, " : " stembureaus, ") + flags.size()
              + (english ? " notable results" : " opmerkelijke uitslagen"));
          for (NotableFlag f : flags) {
            out.println("  " + f.rule().code() + "  SB " + f.stationNumber() + " " + f.stationName() + ": "
                + (english ? f.reasonEn() : f.reasonNl()));
          }
        }
      } catch (EmlException | IllegalArgumentException e) {
        err.println(file.getFileName() + ": " + (english ? "rejected: " : "afgewezen: ") + e.getMessage());
        exit = 1;
      } catch (IOException e) {
        err.println(file + ": " + e.getMessage());
        exit = 1;
      }
    }
    out.flush();
    err.flush();
    return exit;
  }
}
