package nl.uitslag.app.eml;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * "uitslag eml check FILE": reads an EML_NL file strictly and shows its kind, election, a summary of its counts and
 * its fingerprint; exits 1 with the reason (file, line, element, rule, Dutch and English) when it is rejected.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check an EML_NL file; show kind, election, counts and fingerprint. Exit 1 if rejected.")
public final class EmlCheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The EML_NL file (110a, 110b, 230b, 510a-d, 520).")
  Path file;

  @Option(names = "--lists", paramLabel = "230B", description = "Candidate lists (230b) the count must match.")
  Path lists;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      CandidateLists candidateLists = EmlFiles.lists(lists);
      long[] units = new long[1];
      ReadOptions options = ReadOptions.none().withCandidateLists(candidateLists)
          .withUnitSink(u -> units[0]++);
      EmlFiles.Checked checked = EmlFiles.read(file, options);
      EmlDocument doc = checked.document();
      result.put("file", file.getFileName().toString());
      result.put("kind", doc.header().kind().id());
      result.put("electionId", doc.election().id());
      result.put("electionName", doc.election().name());
      result.put("electionDate", doc.election().electionDate().toString());
      if (doc.header().authority() != null) {
        result.put("authority", doc.header().authority().id());
        result.put("authorityName", doc.header().authority().name());
      }
      summary(doc, units[0], result);
      result.put("fingerprint", checked.fingerprint().toString());
    } catch (EmlException e) {
      if (json) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("rejected", true);
        error.put("file", e.fileName());
        error.put("line", e.line());
        error.put("path", e.path());
        error.put("rule", e.rule().code());
        error.put("nl", e.dutchMessage());
        error.put("en", e.englishMessage());
        out.println(JsonMapper.builder().build().writeValueAsString(error));
      } else {
        spec.commandLine().getErr().println("Afgewezen / rejected: " + e.getMessage());
      }
      spec.commandLine().getErr().flush();
      out.flush();
      return 1;
    }
    if (json) {
      out.println(JsonMapper.builder().build().writeValueAsString(result));
    } else {
      for (Map.Entry<String, Object> e : result.entrySet()) {
        out.println(e.getKey() + ": " + e.getValue());
      }
    }
    out.flush();
    return 0;
  }

  private static void summary(EmlDocument doc, long streamedUnits, Map<String, Object> r) {
    if (doc instanceof EmlDocument.Definition) {
      EmlDocument.Definition d = (EmlDocument.Definition) doc;
      r.put("seats", d.definition().numberOfSeats());
      r.put("preferenceThreshold", d.definition().preferenceThreshold());
      r.put("registeredParties", d.definition().registeredParties().size());
    } else if (doc instanceof EmlDocument.Stations) {
      EmlDocument.Stations s = (EmlDocument.Stations) doc;
      r.put("pollingStations", s.stations().stations().size());
      r.put("eligibleVoters", s.stations().eligibleVoters());
    } else if (doc instanceof EmlDocument.Lists) {
      EmlDocument.Lists l = (EmlDocument.Lists) doc;
      int lists = 0;
      int candidates = 0;
      for (ContestLists c : l.lists().contests()) {
        lists += c.lists().size();
        for (var list : c.lists()) {
          candidates += list.candidates().size();
        }
      }
      r.put("contests", l.lists().contests().size());
      r.put("lists", lists);
      r.put("candidates", candidates);
    } else if (doc instanceof EmlDocument.Counts) {
      EmlDocument.Counts c = (EmlDocument.Counts) doc;
      long units = streamedUnits;
      long eligible = 0;
      long valid = 0;
      long blank = 0;
      long invalid = 0;
      for (ContestCount contest : c.count().contests()) {
        units += contest.total() == null ? contest.units().size() : 0;
        VoteCounts v = contest.total() != null ? contest.total() : contest.units().get(0).votes();
        eligible += v.eligibleVoters();
        valid += v.totalCounted();
        blank += v.blank();
        invalid += v.invalid();
      }
      r.put("contests", c.count().contests().size());
      r.put("reportingUnits", units);
      r.put("eligibleVoters", eligible);
      r.put("validVotes", valid);
      r.put("blank", blank);
      r.put("invalid", invalid);
      if (c.count().countingMethod() != null) {
        r.put("countingMethod", c.count().countingMethod().code());
      }
      if (c.count().phase() != null) {
        r.put("phase", c.count().phase().code());
      }
    } else if (doc instanceof EmlDocument.Result) {
      EmlDocument.Result res = (EmlDocument.Result) doc;
      long elected = res.result().contests().stream().flatMap(x -> x.entries().stream())
          .filter(e -> e instanceof ElectedCandidate).count();
      r.put("electedCandidates", elected);
    }
  }
}
