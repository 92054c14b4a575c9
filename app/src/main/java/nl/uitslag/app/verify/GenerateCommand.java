package nl.uitslag.app.verify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import nl.uitslag.eml.generate.WorkedExample;
import nl.uitslag.eml.generate.WorkedExampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag generate TYPE DIR}: writes a synthetic, internally consistent set of EML_NL files of one election
 * (110a, 230b, 510b per municipality, 510c per kieskring, 510d, 520) from a seed, for tests, demos and benchmarks.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic election as EML_NL files into DIR: 110a, 230b per kieskring, 510b per municipality with",
      "its polling stations, 510c per kieskring, 510d and the 520 computed with the apportionment engine.",
      "The same options and seed give the same bytes. TYPE: GR1, GR2, PS1, PS2, TK, EP or EK; sizes default to",
      "a realistic election of that type (TK: 150 seats, 20 kieskringen, 342 municipalities, 10,000 polling",
      "stations, 30 lists of 50 candidates). Not real data: names and figures are invented.",
      "--example NAME writes a worked example of apportionment.md instead (tk_group: 3 kieskringen, a",
      "lijstengroep with one candidate on two lists); the seed then only spreads its votes over the stations."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:written", "2:wrong usage or the files could not be written"})
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TYPE", description = "GR1, GR2, PS1, PS2, TK, EP or EK")
  String type;

  @Parameters(index = "1", paramLabel = "DIR", description = "directory to write into (created if needed)")
  Path dir;

  @Option(names = "--seed", description = "seed of every random choice (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--seats", description = "number of seats (default: that of the type)")
  Integer seats;

  @Option(names = "--districts", description = "kieskringen; EK: voting bodies")
  Integer districts;

  @Option(names = "--municipalities", description = "municipalities (GSBs), spread over the kieskringen")
  Integer municipalities;

  @Option(names = "--stations", description = "polling stations in total")
  Integer stations;

  @Option(names = "--lists", description = "candidate lists")
  Integer lists;

  @Option(names = "--candidates", description = "candidates per list")
  Integer candidates;

  @Option(names = "--example", paramLabel = "NAME",
      description = "a worked example with the reference's exact figures per kieskring: tk_group")
  String example;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (example != null) {
      return example(out, err);
    }
    GeneratorSpec g;
    try {
      g = GeneratorSpec.of(type);
      g = g.withSize(districts != null ? districts : g.districts(),
          municipalities != null ? municipalities : g.municipalities(),
          stations != null ? stations : g.pollingStations(), lists != null ? lists : g.lists(),
          candidates != null ? candidates : g.candidates()).withSeed(seed);
      if (seats != null) {
        g = g.withSeats(seats);
      }
    } catch (IllegalArgumentException e) {
      err.println("generate: " + e.getMessage());
      err.flush();
      return VerifyCommand.UNREADABLE;
    }
    long start = System.nanoTime();
    GeneratedSet set;
    try {
      set = EmlGenerator.generate(g, dir);
    } catch (RuntimeException e) {
      err.println("generate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      err.flush();
      return VerifyCommand.UNREADABLE;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    out.printf("%s %s (seed %d): %d files, %,d bytes, %d municipalities, %d polling stations, %d ms%n",
        g.electionId(), g.subcategory(), g.seed(), set.files().size(), set.bytes(), set.municipalities(),
        set.pollingStations(), ms);
    out.println("seats per list: " + new java.util.TreeMap<>(set.seats()));
    if (!set.lots().isEmpty()) {
      out.println("lots chosen by the generator (the 520 depends on them; verify will say so): " + set.lots());
    }
    out.println("written to " + dir.toAbsolutePath());
    out.flush();
    return 0;
  }

  /** {@code --example NAME}: the figures are the example's, so size options would be silently ignored: refused. */
  private Integer example(PrintWriter out, PrintWriter err) {
    GeneratedSet set;
    try {
      WorkedExample ex = WorkedExample.byName(example);
      if (!ex.subcategory().equalsIgnoreCase(type == null ? "" : type.trim())) {
        throw new IllegalArgumentException("worked example " + ex.name() + " is a " + ex.subcategory()
            + " election, not " + type);
      }
      if (seats != null || districts != null || municipalities != null || stations != null || lists != null
          || candidates != null) {
        throw new IllegalArgumentException("--example " + ex.name() + " has its own seats, kieskringen, lists and "
            + "candidates; only --seed may be given with it");
      }
      set = WorkedExampleGenerator.generate(ex, seed, dir);
    } catch (RuntimeException e) {
      err.println("generate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      err.flush();
      return VerifyCommand.UNREADABLE;
    }
    out.printf("worked example %s (seed %d): %d files, %,d bytes, %d municipalities, %d polling stations%n", example,
        seed, set.files().size(), set.bytes(), set.municipalities(), set.pollingStations());
    out.println("seats per list: " + new java.util.TreeMap<>(set.seats()));
    out.println("written to " + dir.toAbsolutePath());
    out.flush();
    return 0;
  }
}
