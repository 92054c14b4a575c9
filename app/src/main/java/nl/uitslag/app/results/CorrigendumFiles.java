package nl.uitslag.app.results;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.uitslag.app.results.ResultsFiles.File;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.documents.csv.CountCsv;
import nl.uitslag.documents.pdf.CorrigendumRenderer;
import nl.uitslag.documents.pdf.CorrigendumReport;
import nl.uitslag.documents.pdf.CountFile;
import nl.uitslag.documents.pdf.DifferenceCounts;
import nl.uitslag.documents.pdf.InvestigatedStation;
import nl.uitslag.documents.pdf.InvestigationSheet;
import nl.uitslag.documents.pdf.NewSessionReport;
import nl.uitslag.documents.pdf.PollingStation;
import nl.uitslag.documents.pdf.ResultFigures;
import nl.uitslag.documents.pdf.SessionDetails;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Makes the files of a next GSB session (corrigendum after investigations ordered by the CSB, abacus.md §2):
 * always the P 2a; when at least one investigation led to corrected results also a new full 510b (phase
 * corrigendum), the Na 14-2 with original beside corrected figures, and the CSV; all in one {@code correctie_}
 * ZIP. Like {@link ResultsFiles}, no clock and no database.
 */
public final class CorrigendumFiles {
  private final CorrigendumRenderer renderer;

  public CorrigendumFiles(CorrigendumRenderer renderer) {
    this.renderer = renderer;
  }

  /**
   * One investigated polling station: the reason and findings, its definitive result of the previous session
   * and, when the GSB decided its results are corrected, the definitive corrected result (else null).
   */
  public record Investigation(
      int stationNumber, String reason, String findings, PollingStationResults original,
      PollingStationResults corrected) {
    public Investigation {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(original, "original");
    }
  }

  /**
   * The files of the next session.
   *
   * @param previous the session data of the previous session (its definitive results per station)
   * @param next the session data of this session: number ≥ 2, details entered, and per station its result
   *     after this session (the corrected result where corrected, otherwise the previous one)
   */
  public List<File> generate(SessionData previous, SessionData next, List<Investigation> investigations,
      ZonedDateTime createdAt) {
    if (next.sessionNumber() < 2) {
      throw new IllegalArgumentException("a corrigendum belongs to a next session");
    }
    if (!next.hasDetails()) {
      throw new IllegalStateException("enter where and when the public session started first");
    }
    if (investigations.isEmpty()) {
      throw new IllegalArgumentException("a next session investigates at least one polling station");
    }
    ZonedDateTime local = createdAt.withZoneSameInstant(ResultsFiles.ZONE);
    List<InvestigatedStation> stations = new ArrayList<>();
    for (Investigation i : investigations) {
      SessionData.Station s = next.stations().stream().filter(st -> st.number() == i.stationNumber()).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no polling station " + i.stationNumber()));
      if (i.corrected() != null && !i.corrected().equals(s.results())) {
        throw new IllegalArgumentException("polling station " + i.stationNumber()
            + ": the session's result is not the corrected result of its investigation");
      }
      stations.add(new InvestigatedStation(new PollingStation(s.number(), s.name()), i.reason(), i.findings(),
          figures(i.original()), Optional.ofNullable(i.corrected()).map(CorrigendumFiles::figures)));
    }
    boolean corrected = investigations.stream().anyMatch(i -> i.corrected() != null);
    SessionDetails details = new SessionDetails(next.location(), next.start());
    List<File> files = new ArrayList<>();
    String prefix = "correctie_" + ResultsFiles.slug(next.electionId()) + "_zitting-" + next.sessionNumber();
    if (corrected) {
      GsbResults before = ResultsFiles.totals(previous);
      GsbResults after = ResultsFiles.totals(next);
      Map<Integer, ResultsModel> originals = new HashMap<>();
      for (Investigation i : investigations) {
        if (i.corrected() != null) {
          originals.put(i.stationNumber(), i.original());
        }
      }
      Count count = ResultsFiles.count(next, after, originals, before);
      File eml = new File(Kind.EML_510B, "Telling_" + next.electionId() + "_zitting-" + next.sessionNumber()
          + ".eml.xml", EmlWriter.writeCount(EmlKind.E510B, count, local.toLocalDateTime()));
      CountFile countFile = new CountFile(eml.name(), eml.fingerprint());
      nl.uitslag.documents.pdf.CountingMethod method = next.countingMethod() == CountingMethod.CSO
          ? nl.uitslag.documents.pdf.CountingMethod.CSO : nl.uitslag.documents.pdf.CountingMethod.DSO;
      File na14 = new File(Kind.PDF_NA14, "Model_Na14-2_" + next.electionId() + ".pdf",
          renderer.corrigendum(new CorrigendumReport(method, ResultsFiles.heading(next), details,
              next.sessionNumber(), ResultsFiles.pdfLists(next), figures(before), figures(after), stations,
              countFile, local)));
      File p2a = new File(Kind.PDF_P2A, "Model_P2a_" + next.electionId() + ".pdf",
          renderer.newSessionReport(new NewSessionReport(ResultsFiles.heading(next), details, next.sessionNumber(),
              stations, Optional.of(countFile), local)));
      File csv = new File(Kind.CSV, "osv4-3_telling_" + ResultsFiles.slug(next.electionId()) + "_zitting-"
          + next.sessionNumber() + ".csv",
          CountCsv.write(count, "Gemeente " + next.municipalityName(), ResultsFiles.candidateLists(next)));
      files.add(eml);
      files.add(p2a);
      files.add(na14);
      files.add(csv);
      files.add(new File(Kind.ZIP, prefix + ".zip", ResultsFiles.zip(List.of(p2a, na14, eml, csv), local)));
    } else {
      File p2a = new File(Kind.PDF_P2A, "Model_P2a_" + next.electionId() + ".pdf",
          renderer.newSessionReport(new NewSessionReport(ResultsFiles.heading(next), details, next.sessionNumber(),
              stations, Optional.empty(), local)));
      files.add(p2a);
      files.add(new File(Kind.ZIP, prefix + ".zip", ResultsFiles.zip(List.of(p2a), local)));
    }
    return files;
  }

  /**
   * The forms to print before the investigations (abacus.md §7): per investigation a blank Na 14-2 Bijlage 1
   * (CSO) or Na 14-1 versie 2 (DSO) with the reason and the station's original figures, in one ZIP
   * {@code leeg_model_na14-2-bijlage-1_{electionid}_zitting-{n}.zip}. Findings and corrected results are not
   * used: the forms are filled in by hand during the investigation.
   */
  public File investigationSheets(SessionData next, List<Investigation> investigations, ZonedDateTime createdAt) {
    if (next.sessionNumber() < 2) {
      throw new IllegalArgumentException("investigations belong to a next session");
    }
    if (investigations.isEmpty()) {
      throw new IllegalArgumentException("no investigations to print");
    }
    ZonedDateTime local = createdAt.withZoneSameInstant(ResultsFiles.ZONE);
    nl.uitslag.documents.pdf.CountingMethod method = next.countingMethod() == CountingMethod.CSO
        ? nl.uitslag.documents.pdf.CountingMethod.CSO : nl.uitslag.documents.pdf.CountingMethod.DSO;
    String model = next.countingMethod() == CountingMethod.CSO ? "Model_Na14-2_Bijlage_1" : "Model_Na14-1_versie_2";
    List<File> sheets = new ArrayList<>();
    for (Investigation i : investigations) {
      SessionData.Station s = next.stations().stream().filter(st -> st.number() == i.stationNumber()).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no polling station " + i.stationNumber()));
      byte[] pdf = renderer.investigationSheet(new InvestigationSheet(method, ResultsFiles.heading(next),
          next.sessionNumber(), ResultsFiles.pdfLists(next), new PollingStation(s.number(), s.name()), i.reason(),
          figures(i.original()), local));
      sheets.add(new File(Kind.PDF_REPORT, model + "_" + next.electionId() + "_Stembureau_" + s.number() + ".pdf",
          pdf));
    }
    return new File(Kind.ZIP, "leeg_" + ResultsFiles.slug(model) + "_" + ResultsFiles.slug(next.electionId())
        + "_zitting-" + next.sessionNumber() + ".zip", ResultsFiles.zip(sheets, local));
  }

  static ResultFigures figures(ResultsModel r) {
    return new ResultFigures(ResultsFiles.pdfVoters(r), ResultsFiles.pdfVotes(r),
        new DifferenceCounts(r.moreBallotsCounted(), r.fewerBallotsCounted()), ResultsFiles.pdfListVotes(r));
  }
}
