package nl.uitslag.app.csb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.EntryOrigin;
import nl.uitslag.domain.dataentry.FinalisedEntry;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A multi-district CSB for the tests: created through the import wizard, its 230b per kieskring confirmed by
 * fingerprint, and the definitive totals of a kieskring put in through the double-entry machine (an imported
 * entry and an equal second entry by another user), as the 510c intake will.
 */
final class CsbMultiSupport {
  private CsbMultiSupport() {}

  /** Creates the election with its CSB from a 110a and one 230b; returns the committee id. */
  static long create(ElectionImportService imports, JdbcClient jdbc, byte[] definition, byte[] lists) {
    var wizard = new ElectionImportService.ImportWizard();
    imports.read(wizard, ElectionImportService.FileKind.DEFINITION_110A, "110a.eml.xml", definition);
    confirm(imports, wizard, definition);
    imports.read(wizard, ElectionImportService.FileKind.CANDIDATE_LISTS_230B, "230b.eml.xml", lists);
    confirm(imports, wizard, lists);
    long electionId = imports.create(wizard, "CSO", "CSB", Actor.console());
    return jdbc.sql("SELECT id FROM committee WHERE election_id = ? AND kind = 'CSB'").param(electionId)
        .query(Long.class).single();
  }

  private static void confirm(ElectionImportService imports, ElectionImportService.ImportWizard wizard, byte[] f) {
    var c = wizard.pending().challenge();
    Fingerprint fp = Fingerprint.of(f);
    assertThat(imports.confirm(wizard, fp.group(c.firstHidden()), fp.group(c.secondHidden()), Actor.console()))
        .isTrue();
  }

  /** Imports a kieskring's 230b with the right fingerprint groups. */
  static CsbDistrictService.ListsOutcome importLists(CsbDistrictService districts, CsbService.Csb c, String name,
      byte[] bytes, long userId) {
    CsbDistrictService.PendingLists p = districts.readListsFile(c, name, bytes);
    Fingerprint fp = Fingerprint.of(bytes);
    return districts.confirmLists(c, p, fp.group(p.challenge().firstHidden()), fp.group(p.challenge()
        .secondHidden()), userId, Actor.console());
  }

  /** Stores the kieskring's totals as definitive: imported first entry, equal second entry by another user. */
  static void definitive(CsbService service, CsbRepository repo, CsbService.Csb c, int district, ResultsShape shape,
      GsbResults totals) {
    DoubleEntry de = service.doubleEntry(shape);
    Instant now = Instant.parse("2029-03-22T10:00:00Z");
    DataEntryState s = accepted(de.importDigitalEntry(new DataEntryState.Empty(), new UserId(9001), totals, now));
    s = accepted(de.claim(s, EntryNumber.SECOND, new UserId(9002), now));
    s = accepted(de.save(s, EntryNumber.SECOND, new UserId(9002), totals, 100, "", now));
    s = accepted(de.finalise(s, EntryNumber.SECOND, new UserId(9002), now));
    assertThat(s).isInstanceOf(DataEntryState.Definitive.class);
    String source = DistrictTotals.sourceId(district);
    long version = repo.entry(c.committeeId(), source, shape).version();
    assertThat(repo.storeEntry(c.committeeId(), source, s, version, now)).isTrue();
  }

  /**
   * Stores the kieskring's totals as definitive directly (two equal finished entries), for real 510c figures that
   * the GSB-totals checks of the double entry flag (TK2021: some count files report 0 eligible voters, as the
   * Kiesraad's note says); the kieskring intake decides how such figures are resolved.
   */
  static void definitiveDirect(CsbRepository repo, CsbService.Csb c, int district, ResultsShape shape,
      GsbResults totals) {
    Instant now = Instant.parse("2029-03-22T10:00:00Z");
    DataEntryState s = new DataEntryState.Definitive(
        new FinalisedEntry(new UserId(9001), totals, now, EntryOrigin.IMPORTED, true),
        new FinalisedEntry(new UserId(9002), totals, now, EntryOrigin.TYPED, true));
    String source = DistrictTotals.sourceId(district);
    long version = repo.entry(c.committeeId(), source, shape).version();
    assertThat(repo.storeEntry(c.committeeId(), source, s, version, now)).isTrue();
  }

  private static DataEntryState accepted(DataEntryOutcome o) {
    assertThat(o).isInstanceOf(DataEntryOutcome.Accepted.class);
    return ((DataEntryOutcome.Accepted) o).state();
  }

  /** A kieskring's count with these candidate votes per list (list number = index + 1), no blank or invalid. */
  static VoteCounts count(long[]... lists) {
    List<ListVotes> out = new ArrayList<>();
    long total = 0;
    for (int l = 0; l < lists.length; l++) {
      if (lists[l] == null) {
        continue;
      }
      List<CandidateVotes> cv = new ArrayList<>();
      long sum = 0;
      for (int k = 0; k < lists[l].length; k++) {
        cv.add(new CandidateVotes(k + 1, lists[l][k]));
        sum += lists[l][k];
      }
      out.add(new ListVotes(l + 1, "", sum, null, cv));
      total += sum;
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.INVALID, 0L);
    rejected.put(RejectedReason.BLANK, 0L);
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    uncounted.put(UncountedReason.POLL_CARDS, total);
    uncounted.put(UncountedReason.PROXY_CERTIFICATES, 0L);
    uncounted.put(UncountedReason.VOTER_CARDS, 0L);
    uncounted.put(UncountedReason.ADMITTED_VOTERS, total);
    return new VoteCounts(out, total * 2, null, total, null, rejected, Map.of(), uncounted, Map.of());
  }

  static long userId(JdbcClient jdbc, String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
  }
}
