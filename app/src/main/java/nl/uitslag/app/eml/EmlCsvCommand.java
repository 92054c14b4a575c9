package nl.uitslag.app.eml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.documents.csv.CountCsv;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlRule;
import nl.uitslag.eml.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * "uitslag eml csv FILE": writes the CSV of a count file (510b, 510c or 510d) in OSV's osv4-3 layout, with candidate
 * names from the 230b given with --lists.
 */
@Command(name = "csv", mixinStandardHelpOptions = true,
    description = "Write the CSV (OSV 4-3 layout) of a count file.")
public final class EmlCsvCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The count file (510a-d).")
  Path file;

  @Option(names = "--lists", paramLabel = "230B", description = "Candidate lists (230b) for the candidate names.")
  Path lists;

  @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "Write to this file instead of stdout.")
  Path output;

  /** Where CSV bytes go when no output file is given. */
  OutputStream stdout = System.out;

  @Override
  public Integer call() {
    byte[] csv;
    try {
      CandidateLists candidateLists = EmlFiles.lists(lists);
      EmlDocument doc = EmlFiles.read(file, ReadOptions.none().withCandidateLists(candidateLists)).document();
      if (!(doc instanceof EmlDocument.Counts)) {
        throw new EmlException(file.getFileName().toString(), 1, "/EML", EmlRule.WRONG_MESSAGE,
            doc.header().kind().id(), "510a/510b/510c/510d");
      }
      Count count = ((EmlDocument.Counts) doc).count();
      String area = count.authority().id().matches("\\d{4}")
          ? "Gemeente " + count.authority().name() : count.authority().name();
      csv = CountCsv.write(count, area, candidateLists);
    } catch (EmlException e) {
      spec.commandLine().getErr().println("Afgewezen / rejected: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("Geen CSV mogelijk / no CSV possible: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
    try {
      if (output != null) {
        Files.write(output, csv);
      } else {
        stdout.write(csv);
        stdout.flush();
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("Schrijven mislukt / write failed: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
