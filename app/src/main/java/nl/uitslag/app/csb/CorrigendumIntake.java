package nl.uitslag.app.csb;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;

/**
 * The rules under which a corrected count file (a GSB's corrigendum after an investigation the CSB or HSB ordered,
 * abacus.md §2 "next session") replaces the file held for that GSB: it must be a later phase than the held one
 * (product.md §4 "older phase than what we have" is a rejection), its kr:Initial* values must be the figures held
 * for every changed value, and it may change only the polling stations of the order. Pure: no database, no clock.
 */
final class CorrigendumIntake {
  private static final Pattern STATION = Pattern.compile("::SB(\\d{1,6})$");

  private CorrigendumIntake() {}

  /** Why a corrected file is refused: a stable code for the audit log, and the reason in Dutch and English. */
  record Refusal(String code, String dutch, String english) {}

  /**
   * Checks a corrected file against the held one.
   *
   * @param held the count file held for the source now
   * @param heldCreation its kr:CreationDateTime as written (null when absent)
   * @param fresh the corrected file
   * @param freshCreation its kr:CreationDateTime as written
   * @param ordered the polling-station numbers of the order; empty means the whole municipality
   * @return the refusal, or empty when the file may replace the held one
   */
  static Check check(Count held, String heldCreation, Count fresh, String freshCreation, Set<Integer> ordered) {
    Optional<Refusal> phase = phase(held, heldCreation, fresh, freshCreation);
    if (phase.isPresent()) {
      return new Check(phase, Set.of());
    }
    ContestCount h = held.contests().get(0);
    ContestCount f = fresh.contests().get(0);
    try {
      compare("TotalVotes", h.total(), f.total());
      Map<String, ReportingUnitCount> heldUnits = units(h);
      Map<String, ReportingUnitCount> freshUnits = units(f);
      if (!heldUnits.keySet().equals(freshUnits.keySet())) {
        Set<String> added = new TreeSet<>(freshUnits.keySet());
        added.removeAll(heldUnits.keySet());
        Set<String> missing = new TreeSet<>(heldUnits.keySet());
        missing.removeAll(freshUnits.keySet());
        throw new Refused(new Refusal("STATIONS_DIFFER",
            "het verbeterde bestand heeft andere stembureaus dan het bestand dat wij hebben (nieuw: " + added
                + ", ontbrekend: " + missing + ")",
            "the corrected file has other polling stations than the file we hold (added: " + added + ", missing: "
                + missing + ")"));
      }
      Set<Integer> changed = new TreeSet<>();
      Set<String> outside = new LinkedHashSet<>();
      for (Map.Entry<String, ReportingUnitCount> e : heldUnits.entrySet()) {
        boolean differs = compare(e.getKey(), e.getValue().votes(), freshUnits.get(e.getKey()).votes());
        if (differs) {
          Integer station = stationNumber(e.getKey());
          if (station != null) {
            changed.add(station);
          }
          if (!ordered.isEmpty() && (station == null || !ordered.contains(station))) {
            outside.add(e.getKey());
          }
        }
      }
      if (!outside.isEmpty()) {
        // The order says what the GSB had to investigate; a change elsewhere was not asked for (docs/CSB.md §8).
        throw new Refused(new Refusal("OUTSIDE_ORDER",
            "het verbeterde bestand wijzigt stembureaus waarvoor geen onderzoek is gelast: " + outside,
            "the corrected file changes polling stations for which no investigation was ordered: " + outside));
      }
      return new Check(Optional.empty(), changed);
    } catch (Refused r) {
      return new Check(Optional.of(r.refusal), Set.of());
    }
  }

  /** The outcome of {@link #check}: a refusal, or the stations the file changes. */
  record Check(Optional<Refusal> refusal, Set<Integer> changedStations) {}

  /**
   * The phase rule (product.md §4): only a corrigendum replaces a first-session file (a file without kr:Phase is a
   * first-session file, as every file before 2023), and a corrigendum replaces a corrigendum only when it was created
   * later.
   */
  static Optional<Refusal> phase(Count held, String heldCreation, Count fresh, String freshCreation) {
    Phase h = held.phase() == null ? Phase.FIRST_SESSION : held.phase();
    Phase f = fresh.phase() == null ? Phase.FIRST_SESSION : fresh.phase();
    if (f != Phase.CORRIGENDUM) {
      return Optional.of(new Refusal("OLDER_PHASE",
          "ouder of gelijke fase dan wat wij hebben: het bestand is van de eerste zitting en wij hebben al een"
              + " telbestand van deze gemeente (" + h.code() + ")",
          "older or equal phase than what we have: the file is of the first session and we already hold a count"
              + " file of this municipality (" + h.code() + ")"));
    }
    if (h == Phase.CORRIGENDUM) {
      LocalDateTime heldAt = dateTime(heldCreation);
      LocalDateTime freshAt = dateTime(freshCreation);
      if (freshAt == null) {
        return Optional.of(new Refusal("OLDER_PHASE",
            "het corrigendum heeft geen leesbare aanmaaktijd (kr:CreationDateTime), dus niet vast te stellen dat"
                + " het later is dan het corrigendum dat wij hebben",
            "the corrigendum has no readable creation time (kr:CreationDateTime), so it cannot be shown to be later"
                + " than the corrigendum we hold"));
      }
      if (heldAt != null && !freshAt.isAfter(heldAt)) {
        return Optional.of(new Refusal("OLDER_PHASE",
            "ouder of gelijke fase dan wat wij hebben: dit corrigendum is aangemaakt op " + freshCreation
                + ", het corrigendum dat wij hebben op " + heldCreation,
            "older or equal phase than what we have: this corrigendum was created at " + freshCreation
                + ", the corrigendum we hold at " + heldCreation));
      }
    }
    return Optional.empty();
  }

  /** The polling-station number of a 510b reporting unit ("0668::SB12" is 12), or null for another unit. */
  static Integer stationNumber(String unitId) {
    Matcher m = STATION.matcher(unitId);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static LocalDateTime dateTime(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, ReportingUnitCount> units(ContestCount c) {
    Map<String, ReportingUnitCount> out = new LinkedHashMap<>();
    for (ReportingUnitCount u : c.units()) {
      out.put(u.id(), u);
    }
    return out;
  }

  private static final class Refused extends RuntimeException {
    private final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.english(), null, false, false);
      this.refusal = refusal;
    }
  }

  /**
   * Compares one vote group value by value. A value that differs from the held one must carry the held value as its
   * kr:Initial*; an Initial* that is not the held value means the GSB corrected figures other than ours.
   *
   * @return whether any value changed
   */
  private static boolean compare(String where, VoteCounts held, VoteCounts fresh) {
    if (held == null || fresh == null) {
      return held != fresh;
    }
    boolean changed = value(where, "kiesgerechtigden", "eligible voters", held.eligibleVoters(),
        fresh.eligibleVoters(), fresh.initialEligibleVoters());
    changed |= value(where, "geldige stemmen", "valid votes", held.totalCounted(), fresh.totalCounted(),
        fresh.initialTotalCounted());
    for (RejectedReason r : RejectedReason.values()) {
      changed |= value(where, r.code(), r.code(), held.rejected().get(r), fresh.rejected().get(r),
          fresh.initialRejected().get(r));
    }
    for (UncountedReason r : UncountedReason.values()) {
      Long h = held.uncounted().get(r);
      Long f = fresh.uncounted().get(r);
      Long i = fresh.initialUncounted().get(r);
      if (h == null || f == null) {
        // A reason one file carries and the other does not (OSV wrote the explanations, the current models do not)
        // is not a correction; only an Initial value for it would be, and that has nothing held to match.
        if (i != null && h != null && !i.equals(h)) {
          throw mismatch(where, r.code(), r.code(), i, h);
        }
        continue;
      }
      changed |= value(where, r.code(), r.code(), h, f, i);
    }
    if (held.lists().size() != fresh.lists().size()) {
      throw new Refused(new Refusal("SHAPE_DIFFERS", where + ": het aantal lijsten verschilt",
          where + ": the number of lists differs"));
    }
    for (ListVotes hl : held.lists()) {
      ListVotes fl = fresh.list(hl.listNumber());
      if (fl == null || fl.candidates().size() != hl.candidates().size()) {
        throw new Refused(new Refusal("SHAPE_DIFFERS",
            where + ": lijst " + hl.listNumber() + " ontbreekt of heeft een ander aantal kandidaten",
            where + ": list " + hl.listNumber() + " is missing or has another number of candidates"));
      }
      changed |= value(where, "lijst " + hl.listNumber(), "list " + hl.listNumber(), hl.votes(), fl.votes(),
          fl.initialVotes());
      List<CandidateVotes> hc = hl.candidates();
      List<CandidateVotes> fc = fl.candidates();
      for (int k = 0; k < hc.size(); k++) {
        String id = hl.listNumber() + "." + (hc.get(k).position() == null ? hc.get(k).shortCode()
            : hc.get(k).position());
        changed |= value(where, "kandidaat " + id, "candidate " + id, hc.get(k).votes(), fc.get(k).votes(),
            fc.get(k).initialVotes());
      }
    }
    return changed;
  }

  private static boolean value(String where, String nl, String en, Long held, Long fresh, Long initial) {
    if (initial != null && !initial.equals(held)) {
      throw mismatch(where, nl, en, initial, held);
    }
    boolean changed = !java.util.Objects.equals(held, fresh);
    if (changed && initial == null) {
      throw new Refused(new Refusal("UNMARKED_CHANGE",
          where + ", " + nl + ": gewijzigd van " + held + " in " + fresh + " zonder de oorspronkelijke waarde"
              + " (kr:Initial…) erbij",
          where + ", " + en + ": changed from " + held + " to " + fresh + " without the original value"
              + " (kr:Initial…)"));
    }
    return changed;
  }

  private static Refused mismatch(String where, String nl, String en, Long initial, Long held) {
    return new Refused(new Refusal("INITIAL_MISMATCH",
        where + ", " + nl + ": het corrigendum verbetert " + initial + ", maar wij hebben " + held
            + "; het gemeentelijk stembureau heeft iets anders verbeterd dan wat wij hebben",
        where + ", " + en + ": the corrigendum corrects " + initial + ", but we hold " + held
            + "; the GSB corrected something other than what we hold"));
  }
}
