package nl.uitslag.app.apportionment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputException;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.apportionment.Lot;
import nl.uitslag.domain.apportionment.Standing;
import nl.uitslag.domain.apportionment.Step;
import nl.uitslag.domain.apportionment.Warning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uitslag apportion FILE}: the seat apportionment and candidate election of an election in
 * the JSON exchange format, for people (text), for programs ({@code --json}) or in batch
 * ({@code --jsonl}: one election per line on standard input, one result per line).
 */
@Command(
    name = "apportion",
    mixinStandardHelpOptions = true,
    description = {
      "Apportion the seats and elect the candidates (Kieswet chapter P) of an election given in the",
      "JSON exchange format of docs/APPORTIONMENT.md. Lots are never drawn: when one is needed the",
      "tied options are shown; record the outcome of the physical draw in \"lots\" and run again."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:completed, or stopped at a lot to be drawn", "2:malformed input"})
public final class ApportionCommand implements Callable<Integer> {

  static final int MALFORMED = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "the election as JSON, or - for standard input")
  String file;

  @Option(names = "--json", description = "print one JSON result instead of text")
  boolean json;

  @Option(names = "--jsonl",
      description = "read one election per line from standard input, write one JSON result per line")
  boolean jsonl;

  private final InputStream stdin;

  public ApportionCommand() {
    this(System.in);
  }

  ApportionCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (jsonl) {
      if (file != null && !file.equals("-")) {
        err.println("apportion: --jsonl reads standard input; do not give a FILE");
        return MALFORMED;
      }
      return batch(out);
    }
    if (file == null) {
      err.println("apportion: give a FILE, or - for standard input");
      return MALFORMED;
    }
    String text;
    try {
      text = file.equals("-")
          ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("apportion: cannot read " + file + ": " + e.getMessage());
      return MALFORMED;
    }
    ApportionmentOutcome outcome;
    try {
      ApportionmentInput input = ApportionmentJson.read(text);
      outcome = Apportionment.apportion(input);
      if (json) {
        out.println(ApportionmentJson.write(outcome));
      } else {
        printText(out, input, outcome);
      }
    } catch (ApportionmentInputException e) {
      err.println("apportion: " + (file.equals("-") ? "standard input" : file) + ": " + e.getMessage());
      return MALFORMED;
    }
    out.flush();
    return 0;
  }

  private int batch(PrintWriter out) throws IOException {
    int status = 0;
    BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.println(ApportionmentJson.write(Apportionment.apportion(ApportionmentJson.read(line))));
      } catch (ApportionmentInputException e) {
        out.println(ApportionmentJson.writeError("line " + number + ": " + e.getMessage()));
        status = MALFORMED;
      }
    }
    out.flush();
    return status;
  }

  // ---- text for people -----------------------------------------------------------------------

  private static void printText(PrintWriter out, ApportionmentInput in, ApportionmentOutcome outcome) {
    List<Step> steps;
    List<Warning> warnings;
    if (outcome instanceof ApportionmentOutcome.Completed) {
      ApportionmentResult r = ((ApportionmentOutcome.Completed) outcome).result();
      out.printf("%s, %d seats, %d votes, kiesdeler %s, voorkeurdrempel %s%n", in.type(), in.seats(),
          r.totalVotes(), r.quota(), r.preferenceThreshold());
      out.println();
      out.println("Seats per list");
      for (Map.Entry<Integer, Integer> e : r.seats().entrySet()) {
        out.printf("  list %-4s %-30s %4d%n", e.getKey(), name(in, e.getKey()), e.getValue());
      }
      if (r.unassignedSeats() > 0) {
        out.printf("  unassigned %35d%n", r.unassignedSeats());
      }
      steps = r.steps();
      warnings = r.warnings();
      printSteps(out, steps);
      out.println();
      out.println("Elected candidates, in order of election (* = on preference votes, P 15)");
      for (ListResult l : r.lists().values()) {
        if (l.elected().isEmpty()) {
          continue;
        }
        StringBuilder b = new StringBuilder();
        for (String id : l.elected()) {
          b.append(b.length() == 0 ? "" : ", ").append(id)
              .append(l.preferenceElected().contains(id) ? "*" : "");
        }
        out.printf("  list %-6s %s%n", l.list(), b);
      }
      out.println();
      out.println("Ranking (P 19); lists whose ranking differs from the list order are marked +");
      for (ListResult l : r.lists().values()) {
        out.printf("  list %-6s%s %s%n", l.list(), l.rankingChanged() ? "+" : " ",
            String.join(", ", l.ranking()));
      }
    } else {
      ApportionmentOutcome.LotRequired l = (ApportionmentOutcome.LotRequired) outcome;
      Lot lot = l.lot();
      steps = l.stepsSoFar();
      warnings = l.warnings();
      out.printf("%s, %d seats: A LOT MUST BE DRAWN before the computation can continue.%n",
          in.type(), in.seats());
      out.printf("  question: %s (Kieswet %s)%s%n", lot.kind(), lot.article(),
          lot.list().isEmpty() ? "" : ", list " + lot.list());
      out.printf("  tied options: %s, all at %s%n", String.join(", ", lot.options()), lot.value());
      out.printf("  seat(s) concerned: %s%n", lot.seats());
      out.printf("  lots already recorded: %d%n", in.lots().size());
      out.println("  Draw one of the options by lot, append it to \"lots\" and run again.");
      printSteps(out, steps);
    }
    if (!warnings.isEmpty()) {
      out.println();
      out.println("Warnings");
      for (Warning w : warnings) {
        out.printf("  %s (%s): %s%n", w.code(), w.article(), w.message());
      }
    }
  }

  private static void printSteps(PrintWriter out, List<Step> steps) {
    if (steps.isEmpty()) {
      return;
    }
    out.println();
    out.println("Steps (values before each step; ! = could not take part)");
    for (Step s : steps) {
      StringBuilder b = new StringBuilder();
      b.append(String.format("  %3d  %-10s %-48s", s.number(), s.article(), s.kind().description()));
      if (!s.list().isEmpty()) {
        b.append(s.fromList().isEmpty() ? " → list " + s.list()
            : " → list " + s.list() + " from list " + s.fromList());
      }
      if (s.value().signum() != 0) {
        b.append(" at ").append(s.value());
      }
      if (s.tied().size() > 1) {
        b.append(" (tied: ").append(String.join(", ", s.tied())).append(')');
      }
      out.println(b);
      StringBuilder st = new StringBuilder("       ");
      for (Standing x : s.standings()) {
        st.append(" ").append(x.list()).append(": ").append(x.value())
            .append(x.eligible() ? "" : "!").append(" [").append(x.seats()).append("]");
      }
      out.println(st);
    }
  }

  private static String name(ApportionmentInput in, int number) {
    for (ApportionmentInput.CandidateList l : in.lists()) {
      if (l.number() == number) {
        return l.name();
      }
    }
    return "";
  }
}
