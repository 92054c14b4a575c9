package nl.uitslag.documents.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the documents of a next session of a gemeentelijk stembureau (corrigendum after investigations
 * ordered by the CSB) as PDF/A-3a + PDF/UA-1: model Na 14-2 with original beside corrected figures, and model
 * P 2a, the report of the session. Thread-safe; the same input gives the same bytes.
 */
public final class CorrigendumRenderer {
  private final TemplateEngine engine;
  private final PdfRenderer pdf = new PdfRenderer();
  private final Formats formats = new Formats();

  public CorrigendumRenderer() {
    engine = XhtmlTemplates.engine();
  }

  /** Model Na 14-2, with an annex per polling station whose results were corrected. */
  public byte[] corrigendum(CorrigendumReport report) {
    return pdf.render(corrigendumXhtml(report), report.createdAt());
  }

  /** Model P 2a. */
  public byte[] newSessionReport(NewSessionReport report) {
    return pdf.render(newSessionXhtml(report), report.createdAt());
  }

  /**
   * A blank model Na 14-2 Bijlage 1 (CSO) or Na 14-1 versie 2 (DSO) for one investigation, to print before it:
   * the reason, the original figures and an empty column for the corrected ones.
   */
  public byte[] investigationSheet(InvestigationSheet sheet) {
    return pdf.render(investigationSheetXhtml(sheet), sheet.createdAt());
  }

  String investigationSheetXhtml(InvestigationSheet sheet) {
    Objects.requireNonNull(sheet, "sheet");
    Context context = new Context();
    context.setVariable("r", sheet);
    context.setVariable("cv", new Comparison(sheet.lists(), sheet.election().voterCardsApplicable()));
    context.setVariable("fmt", formats);
    return engine.process("investigation-sheet", context);
  }

  String corrigendumXhtml(CorrigendumReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("cv", new Comparison(report.lists(), report.election().voterCardsApplicable()));
    context.setVariable("fmt", formats);
    return engine.process("corrigendum", context);
  }

  String newSessionXhtml(NewSessionReport report) {
    Objects.requireNonNull(report, "report");
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("fmt", formats);
    return engine.process("new-session", context);
  }

  /** Rows of original beside corrected figures, as the templates print them. */
  public static final class Comparison {
    private final List<CandidateList> lists;
    private final boolean voterCards;

    Comparison(List<CandidateList> lists, boolean voterCards) {
      this.lists = lists;
      this.voterCards = voterCards;
    }

    /** One line: paper letter, label, original, corrected. */
    public record Row(String letter, String label, long original, long corrected) {
      public String difference() {
        long d = corrected - original;
        return d == 0 ? "" : (d > 0 ? "+" : "−") + Math.abs(d);
      }
    }

    /** One candidate's votes before and after. */
    public record CandidateRow(int number, String name, long original, long corrected) {
      public String difference() {
        long d = corrected - original;
        return d == 0 ? "" : (d > 0 ? "+" : "−") + Math.abs(d);
      }
    }

    public List<Row> rows(ResultFigures o, ResultFigures c) {
      List<Row> rows = new ArrayList<>();
      rows.add(new Row("A", "Geldige stempassen", o.voters().pollCards(), c.voters().pollCards()));
      rows.add(new Row("B", "Geldige volmachtbewijzen", o.voters().proxyCertificates(),
          c.voters().proxyCertificates()));
      if (voterCards) {
        rows.add(new Row("C", "Geldige kiezerspassen", o.voters().voterCards(), c.voters().voterCards()));
      }
      rows.add(new Row("D", "Totaal toegelaten kiezers", o.voters().totalAdmitted(), c.voters().totalAdmitted()));
      for (CandidateList l : lists) {
        rows.add(new Row("E." + l.number(), l.title(), o.list(l.number()).total(), c.list(l.number()).total()));
      }
      rows.add(new Row("E", "Totaal stemmen op kandidaten", o.votes().votesOnCandidates(),
          c.votes().votesOnCandidates()));
      rows.add(new Row("F", "Blanco stembiljetten", o.votes().blank(), c.votes().blank()));
      rows.add(new Row("G", "Ongeldige stembiljetten", o.votes().invalid(), c.votes().invalid()));
      rows.add(new Row("H", "Totaal uitgebrachte stemmen", o.votes().totalCast(), c.votes().totalCast()));
      rows.add(new Row("I", "Meer getelde stembiljetten dan toegelaten kiezers",
          o.differences().moreBallotsCounted(), c.differences().moreBallotsCounted()));
      rows.add(new Row("J", "Minder getelde stembiljetten dan toegelaten kiezers",
          o.differences().fewerBallotsCounted(), c.differences().fewerBallotsCounted()));
      return rows;
    }

    public List<CandidateList> getLists() {
      return lists;
    }

    public List<CandidateRow> candidates(CandidateList list, ResultFigures o, ResultFigures c) {
      List<CandidateRow> rows = new ArrayList<>();
      for (int i = 0; i < list.candidates().size(); i++) {
        Candidate cand = list.candidates().get(i);
        rows.add(new CandidateRow(cand.number(), cand.name(), o.list(list.number()).candidateVotes().get(i),
            c.list(list.number()).candidateVotes().get(i)));
      }
      return rows;
    }
  }
}
