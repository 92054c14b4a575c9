package nl.uitslag.domain.session;

import static nl.uitslag.domain.session.CommitteeSessionStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import nl.uitslag.domain.session.SessionOutcome.Changed;
import nl.uitslag.domain.session.SessionOutcome.Refused;
import org.junit.jupiter.api.Test;

class CommitteeSessionTest {

  /**
   * The lifecycle of abacus.md §3.2 as a table: status | operation | expected status ("*" = any file
   * invalidation) or "!REFUSAL". "=" means unchanged.
   */
  static final String[] TABLE = {
      "CREATED        | added     | IN_PREPARATION",
      "IN_PREPARATION | added     | =",
      "DATA_ENTRY     | added     | =",
      "PAUSED         | added     | =",
      "COMPLETED      | added     | DATA_ENTRY*",
      "CREATED        | changed   | =",
      "IN_PREPARATION | changed   | =",
      "DATA_ENTRY     | changed   | =",
      "PAUSED         | changed   | =",
      "COMPLETED      | changed   | DATA_ENTRY*",
      "CREATED        | removed   | CREATED",
      "IN_PREPARATION | removed   | CREATED",
      "DATA_ENTRY     | removed   | CREATED",
      "PAUSED         | removed   | CREATED",
      "COMPLETED      | removed   | CREATED*",
      "CREATED        | start     | !NO_DATA_SOURCES",
      "IN_PREPARATION | start     | DATA_ENTRY",
      "DATA_ENTRY     | start     | !WRONG_STATUS",
      "PAUSED         | start     | !WRONG_STATUS",
      "COMPLETED      | start     | !WRONG_STATUS",
      "CREATED        | pause     | !WRONG_STATUS",
      "IN_PREPARATION | pause     | !WRONG_STATUS",
      "DATA_ENTRY     | pause     | PAUSED",
      "PAUSED         | pause     | !WRONG_STATUS",
      "COMPLETED      | pause     | !WRONG_STATUS",
      "CREATED        | unpause   | !WRONG_STATUS",
      "IN_PREPARATION | unpause   | !WRONG_STATUS",
      "DATA_ENTRY     | unpause   | !WRONG_STATUS",
      "PAUSED         | unpause   | DATA_ENTRY",
      "COMPLETED      | unpause   | !WRONG_STATUS",
      "CREATED        | complete  | !WRONG_STATUS",
      "IN_PREPARATION | complete  | !WRONG_STATUS",
      "DATA_ENTRY     | complete  | COMPLETED",
      "PAUSED         | complete  | COMPLETED",
      "COMPLETED      | complete  | !WRONG_STATUS",
      "CREATED        | reopen    | !WRONG_STATUS",
      "IN_PREPARATION | reopen    | !WRONG_STATUS",
      "DATA_ENTRY     | reopen    | !WRONG_STATUS",
      "PAUSED         | reopen    | !WRONG_STATUS",
      "COMPLETED      | reopen    | DATA_ENTRY*",
  };

  static final Map<String, Function<CommitteeSession, SessionOutcome>> OPERATIONS = new HashMap<>();

  static {
    OPERATIONS.put("added", CommitteeSession::dataSourceAdded);
    OPERATIONS.put("changed", CommitteeSession::dataSourceChanged);
    OPERATIONS.put("removed", CommitteeSession::lastDataSourceRemoved);
    OPERATIONS.put("start", CommitteeSession::start);
    OPERATIONS.put("pause", CommitteeSession::pause);
    OPERATIONS.put("unpause", CommitteeSession::unpause);
    OPERATIONS.put("complete", s -> s.complete(CompletionCheck.READY));
    OPERATIONS.put("reopen", CommitteeSession::reopen);
  }

  @Test
  void every_status_and_operation_follows_the_lifecycle_table() {
    assertThat(TABLE).hasSize(CommitteeSessionStatus.values().length * OPERATIONS.size());
    for (String row : TABLE) {
      String[] cells = row.split("\\|");
      CommitteeSessionStatus from = CommitteeSessionStatus.valueOf(cells[0].trim());
      String op = cells[1].trim();
      String expected = cells[2].trim();
      CommitteeSession session = new CommitteeSession(2, from);
      SessionOutcome outcome = OPERATIONS.get(op).apply(session);
      if (expected.startsWith("!")) {
        assertThat(outcome).as(row).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).reason().name()).as(row).isEqualTo(expected.substring(1));
      } else {
        assertThat(outcome).as(row).isInstanceOf(Changed.class);
        Changed changed = (Changed) outcome;
        boolean invalidates = expected.endsWith("*");
        String target = expected.replace("*", "");
        assertThat(changed.session().status()).as(row)
            .isEqualTo(target.equals("=") ? from : CommitteeSessionStatus.valueOf(target));
        assertThat(changed.session().number()).isEqualTo(2);
        assertThat(changed.generatedFilesInvalidated()).as(row).isEqualTo(invalidates);
      }
    }
  }

  @Test
  void a_first_session_walks_through_the_whole_lifecycle() {
    CommitteeSession s = CommitteeSession.first();
    assertThat(s.status()).isEqualTo(CREATED);
    s = ((Changed) s.dataSourceAdded()).session();
    s = ((Changed) s.start()).session();
    assertThat(s.status().typistsMayEnter()).isTrue();
    s = ((Changed) s.pause()).session();
    assertThat(s.status().typistsMayEnter()).isFalse();
    assertThat(s.status().coordinatorsMayResolve()).isTrue();
    s = ((Changed) s.unpause()).session();
    s = ((Changed) s.complete(CompletionCheck.READY)).session();
    assertThat(s.status()).isEqualTo(COMPLETED);
    assertThat(s.status().coordinatorsMayResolve()).isFalse();
  }

  @Test
  void completing_requires_every_entry_definitive() {
    CommitteeSession s = new CommitteeSession(1, DATA_ENTRY);
    SessionOutcome o = s.complete(new CompletionCheck(3, 0));
    assertThat(((Refused) o).reason()).isEqualTo(SessionRefusal.ENTRIES_NOT_DEFINITIVE);
    assertThat(((Refused) o).detail()).contains("3");
  }

  @Test
  void completing_a_next_session_requires_every_investigation_concluded() {
    CommitteeSession s = new CommitteeSession(2, PAUSED);
    assertThat(((Refused) s.complete(new CompletionCheck(0, 1))).reason())
        .isEqualTo(SessionRefusal.INVESTIGATIONS_IN_PROGRESS);
  }

  @Test
  void a_next_session_only_after_the_current_is_completed() {
    assertThat(((Refused) CommitteeSession.next(new CommitteeSession(1, DATA_ENTRY))).reason())
        .isEqualTo(SessionRefusal.PREVIOUS_NOT_COMPLETED);
    Changed next = (Changed) CommitteeSession.next(new CommitteeSession(1, COMPLETED));
    assertThat(next.session()).isEqualTo(new CommitteeSession(2, CREATED));
  }

  @Test
  void only_a_next_session_in_preparation_without_investigations_may_be_deleted() {
    assertThat(new CommitteeSession(2, CREATED).mayBeDeleted(false)).isTrue();
    assertThat(new CommitteeSession(2, IN_PREPARATION).mayBeDeleted(false)).isTrue();
    assertThat(new CommitteeSession(2, IN_PREPARATION).mayBeDeleted(true)).isFalse();
    assertThat(new CommitteeSession(2, DATA_ENTRY).mayBeDeleted(false)).isFalse();
    assertThat(new CommitteeSession(1, CREATED).mayBeDeleted(false)).isFalse();
  }

  @Test
  void typists_act_only_during_data_entry_coordinators_also_while_paused() {
    for (CommitteeSessionStatus s : CommitteeSessionStatus.values()) {
      assertThat(s.typistsMayEnter()).as(s.name()).isEqualTo(s == DATA_ENTRY);
      assertThat(s.coordinatorsMayResolve()).as(s.name()).isEqualTo(s == DATA_ENTRY || s == PAUSED);
    }
  }

  @Test
  void dutch_labels_as_the_coordinator_sees_them() {
    assertThat(CREATED.dutchLabel()).isEqualTo("Zitting voorbereiden");
    assertThat(IN_PREPARATION.dutchLabel()).isEqualTo("Klaar voor invoer");
    assertThat(DATA_ENTRY.dutchLabel()).isEqualTo("Invoer bezig");
    assertThat(PAUSED.dutchLabel()).isEqualTo("Invoer gepauzeerd");
    assertThat(COMPLETED.dutchLabel()).isEqualTo("Invoer afgerond");
  }

  @Test
  void session_numbers_start_at_one() {
    assertThatThrownBy(() -> new CommitteeSession(0, CREATED)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompletionCheck(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
