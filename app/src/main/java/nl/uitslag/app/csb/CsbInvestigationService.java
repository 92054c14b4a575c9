package nl.uitslag.app.csb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.csb.CsbService.Csb;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investigations (onderzoeken) a centraal stembureau or hoofdstembureau orders at a GSB, per municipality and for
 * some or all of its polling stations, with the reason and assignment (aanleiding en opdracht); the GSB answers in a
 * next session with a corrigendum (abacus.md §2 "next session", docs/RESULTS.md §8), which the intake takes in under
 * the open order ({@link CsbService#readCountFile}). Orders are allowed only while the result is not finalised;
 * every order and withdrawal is audited.
 */
@Service
public class CsbInvestigationService {
  /** The longest reason and assignment accepted (the paper order has room for a page). */
  public static final int MAX_REASON = 4000;

  private final CsbService csbs;
  private final CsbInvestigationRepository repo;
  private final AuditLog audit;
  private final Clock clock;

  public CsbInvestigationService(CsbService csbs, CsbInvestigationRepository repo, AuditLog audit, Clock clock) {
    this.csbs = csbs;
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
  }

  /** Where an order stands: open, closed once the corrected file is definitive, or withdrawn by the coordinator. */
  public enum Outcome { OPEN, CLOSED, WITHDRAWN }

  /**
   * An ordered investigation.
   *
   * @param stations the polling-station numbers, ascending; empty means the whole municipality
   * @param notableFlag the notable-results flag key it was ordered from ("OU.1:3"), or null
   * @param replacementFingerprint the corrected count file taken in under it, or null while none came
   */
  public record Order(long id, String source, List<Integer> stations, String reason, String notableFlag,
      String orderedBy, String orderedAt, String replacementFingerprint, Outcome outcome, String closedAt) {
    public boolean wholeMunicipality() {
      return stations.isEmpty();
    }

    public boolean open() {
      return outcome == Outcome.OPEN;
    }
  }

  /** Why an order is refused. */
  public enum Refusal {
    FINALISED, UNKNOWN_SOURCE, REASON_EMPTY, TOO_LONG, BAD_STATIONS, NO_SUCH_STATION, ALREADY_OPEN, NOT_FOUND
  }

  /** Every order of the committee, by source and in order of creation. */
  public List<Order> orders(Csb c) {
    return repo.all(c.committeeId());
  }

  /** The open order for a source, if any. */
  public Optional<Order> open(Csb c, String source) {
    return repo.open(c.committeeId(), source);
  }

  /** The count files replaced by corrected ones, oldest first per source. */
  public List<CsbInvestigationRepository.Replaced> history(Csb c) {
    return repo.history(c.committeeId());
  }

  /**
   * Orders an investigation at the GSB {@code source}.
   *
   * @param stations polling-station numbers separated by commas or spaces; blank means the whole municipality
   * @param notableFlag the flag of the notable-results screen it follows from, or null
   * @return the refusal, or empty when the order is stored and audited
   */
  @Transactional
  public Optional<Refusal> order(Csb c, String source, String stations, String reason, String notableFlag,
      long userId, Actor actor) {
    if (csbs.finalised(c)) {
      return Optional.of(Refusal.FINALISED);
    }
    if (csbs.sourceRefs(c).stream().noneMatch(s -> s.id().equals(source))) {
      return Optional.of(Refusal.UNKNOWN_SOURCE);
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      return Optional.of(Refusal.REASON_EMPTY);
    }
    if (text.length() > MAX_REASON || (notableFlag != null && notableFlag.length() > 100)) {
      return Optional.of(Refusal.TOO_LONG);
    }
    List<Integer> numbers;
    try {
      numbers = parseStations(stations == null ? "" : stations);
    } catch (IllegalArgumentException e) {
      return Optional.of(Refusal.BAD_STATIONS);
    }
    Optional<Set<Integer>> held = csbs.heldStations(c, source);
    if (held.isPresent() && !held.get().containsAll(numbers)) {
      return Optional.of(Refusal.NO_SUCH_STATION);
    }
    if (repo.open(c.committeeId(), source).isPresent()) {
      return Optional.of(Refusal.ALREADY_OPEN);
    }
    Instant now = Instant.now(clock);
    String flag = notableFlag == null || notableFlag.isBlank() ? null : notableFlag.strip();
    long id = repo.insert(c.committeeId(), source, join(numbers), text, flag, userId, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("gsb", source);
    details.put("investigation", id);
    details.put("stations", numbers.isEmpty() ? "all" : join(numbers));
    details.put("reason", text);
    if (flag != null) {
      details.put("notableFlag", flag);
    }
    audit.record(c.kind() + "_INVESTIGATION_ORDERED", AuditLevel.WARNING, actor, details);
    return Optional.empty();
  }

  /** Withdraws an open order (ordered by mistake); a corrected file already taken in stays. */
  @Transactional
  public Optional<Refusal> withdraw(Csb c, long id, Actor actor) {
    if (csbs.finalised(c)) {
      return Optional.of(Refusal.FINALISED);
    }
    Optional<Order> o = repo.all(c.committeeId()).stream().filter(x -> x.id() == id && x.open()).findFirst();
    if (o.isEmpty() || !repo.close(id, Outcome.WITHDRAWN, Instant.now(clock))) {
      return Optional.of(Refusal.NOT_FOUND);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("gsb", o.get().source());
    details.put("investigation", id);
    audit.record(c.kind() + "_INVESTIGATION_WITHDRAWN", AuditLevel.WARNING, actor, details);
    return Optional.empty();
  }

  /** Reads "3, 7 12" as [3, 7, 12]; blank is the whole municipality; anything else is refused. */
  static List<Integer> parseStations(String text) {
    Set<Integer> out = new TreeSet<>();
    String t = text.strip();
    if (t.isEmpty()) {
      return List.of();
    }
    for (String part : t.split("[,;\\s]+")) {
      if (!part.matches("\\d{1,6}") || Integer.parseInt(part) < 1) {
        throw new IllegalArgumentException("not a polling-station number: " + part);
      }
      out.add(Integer.valueOf(part));
    }
    return new ArrayList<>(out);
  }

  static String join(List<Integer> numbers) {
    StringBuilder b = new StringBuilder();
    for (Integer n : numbers) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(n);
    }
    return b.toString();
  }
}
