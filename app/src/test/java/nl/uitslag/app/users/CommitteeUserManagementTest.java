package nl.uitslag.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrator's management of committee users: a pasted list (all or nothing) with a sheet of one-time
 * passwords shown once and stored only as hashes, a password reset, deactivation and reactivation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommitteeUserManagementTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired UitslagUserDetailsService details;
  @Autowired CommitteeUserService service;
  @Autowired PasswordEncoder encoder;
  @Autowired AuditLog audit;

  long committee;
  String admin;
  int n;

  @BeforeEach
  void aCommittee() {
    n = SEQ.incrementAndGet();
    long election = elections.insertElection(new ElectionView(0, "GR2026_Users" + n, "Gemeenteraad Users " + n,
        "GR", "GR1", LocalDate.of(2026, 3, 18), 19, "Userdorp", "9997", "CSO", null), Instant.now());
    committee = elections.insertCommittee(election, "GSB", "Gemeentelijk stembureau Userdorp " + n, "9997");
    admin = "uadmin" + n;
    users.insert(admin, "Beheerder", "unused", Role.ADMINISTRATOR, null, false, Instant.now());
  }

  @Test
  void aPastedListCreatesEveryoneWithAOneTimePasswordStoredOnlyAsAHash() throws Exception {
    String list = "Zoë de Vries" + n + ", invoerder\n\n  Piet Jansen" + n + " , Coördinator\nVries, A. de" + n
        + ", waarnemer\n";
    long before = audit.count();
    String html = mvc.perform(post("/admin/users/bulk").param("list", list).param("committeeId", "" + committee)
            .with(as(admin)).with(csrf()))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(content().string(containsString("zoe.de.vries" + n)))
        .andExpect(content().string(containsString("piet.jansen" + n)))
        .andExpect(content().string(containsString("vries.a.de" + n)))
        .andReturn().getResponse().getContentAsString();
    assertThat(audit.count()).isEqualTo(before + 3);
    AppUser zoe = users.findByUsername("zoe.de.vries" + n).orElseThrow();
    assertThat(zoe.role()).isEqualTo(Role.TYPIST);
    assertThat(zoe.mustChangePassword()).isTrue();
    assertThat(users.findByUsername("piet.jansen" + n).orElseThrow().role()).isEqualTo(Role.COORDINATOR);
    assertThat(users.findByUsername("vries.a.de" + n).orElseThrow().role()).isEqualTo(Role.OBSERVER);
    Matcher otp = Pattern.compile("otp-password\">([^<]+)<").matcher(html);
    assertThat(otp.find()).isTrue();
    // The sheet shows the password; the database keeps only its Argon2id hash.
    assertThat(zoe.passwordHash()).startsWith("$argon2id$").doesNotContain(otp.group(1));
    assertThat(encoder.matches(otp.group(1), zoe.passwordHash())).isTrue();
  }

  @Test
  void aListWithAnUnusableLineCreatesNobodyAndNamesEveryBadLine() throws Exception {
    long before = audit.count();
    mvc.perform(post("/admin/users/bulk").param("list", "Goed Mens" + n + ", invoerder\nZonder komma\nIemand, baas\n")
            .param("committeeId", "" + committee).with(as(admin)).with(csrf()))
        .andExpect(content().string(containsString("Er is niemand aangemaakt")))
        .andExpect(content().string(containsString("Regel 2 (Zonder komma)")))
        .andExpect(content().string(containsString("Regel 3 (Iemand, baas)")))
        .andExpect(content().string(not(containsString("Regel 1"))));
    assertThat(users.findByUsername("goed.mens" + n)).isEmpty();
    assertThat(audit.count()).isEqualTo(before);
  }

  @Test
  void userNamesAreMadeFromNamesWithoutAccentsAndNumberedWhenTaken() {
    Set<String> taken = new HashSet<>(Set.of("anne.de.vries"));
    assertThat(CommitteeUserService.username("Anne de Vries", taken)).isEqualTo("anne.de.vries2");
    assertThat(CommitteeUserService.username("Ümit Çelik-Öz", Set.of())).isEqualTo("umit.celik.oz");
    assertThat(CommitteeUserService.username("  !!  ", Set.of())).isNull();
    assertThat(CommitteeUserService.role(" Coördinator ")).contains(Role.COORDINATOR);
    assertThat(CommitteeUserService.role("typist")).contains(Role.TYPIST);
    assertThat(CommitteeUserService.role("beheerder")).isEmpty();
  }

  @Test
  void resetGivesANewOneTimePasswordAndDeactivationStopsLogin() throws Exception {
    var created = service.create("rita" + n, "Rita Reset", Role.TYPIST, committee, Actor.console());
    users.updatePassword(created.user().id(), encoder.encode("mijn eigen lange wachtwoord"), false);
    String html = mvc.perform(post("/admin/users/" + created.user().id() + "/reset").with(as(admin)).with(csrf()))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andReturn().getResponse().getContentAsString();
    Matcher otp = Pattern.compile("otp-password\">([^<]+)<").matcher(html);
    assertThat(otp.find()).isTrue();
    AppUser after = users.findById(created.user().id()).orElseThrow();
    assertThat(after.mustChangePassword()).isTrue();
    assertThat(encoder.matches(otp.group(1), after.passwordHash())).isTrue();
    assertThat(encoder.matches("mijn eigen lange wachtwoord", after.passwordHash())).isFalse();
    assertThat(audit.events(1).get(0).eventType()).isEqualTo("USER_PASSWORD_RESET");

    mvc.perform(post("/admin/users/" + created.user().id() + "/active").param("active", "false")
        .with(as(admin)).with(csrf())).andExpect(flash().attribute("userDone", "users.done.deactivated"));
    assertThat(details.loadUserByUsername("rita" + n).isEnabled()).isFalse();
    long before = audit.count();
    mvc.perform(post("/admin/users/" + created.user().id() + "/active").param("active", "false")
        .with(as(admin)).with(csrf())).andExpect(flash().attribute("userError", "users.already-inactive"));
    assertThat(audit.count()).as("a refused change writes no event").isEqualTo(before);
    mvc.perform(post("/admin/users/" + created.user().id() + "/active").param("active", "true")
        .with(as(admin)).with(csrf())).andExpect(flash().attribute("userDone", "users.done.reactivated"));
    assertThat(details.loadUserByUsername("rita" + n).isEnabled()).isTrue();
  }

  @Test
  void theAdministratorsOwnAccountIsNotManagedHere() {
    AppUser self = users.findByUsername(admin).orElseThrow();
    assertThatThrownBy(() -> service.resetPassword(self.id(), Actor.console())).isInstanceOf(UserException.class);
    assertThatThrownBy(() -> service.setActive(self.id(), false, Actor.console())).isInstanceOf(UserException.class);
    assertThat(List.of(users.findById(self.id()).orElseThrow().active())).containsExactly(true);
  }

  private RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }
}
