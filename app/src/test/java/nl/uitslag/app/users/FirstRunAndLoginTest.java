package nl.uitslag.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.audit.AuditLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The first visit creates the administrator; afterwards the set-up page is gone, login works with one clear
 * message for every failure, and every response carries the security headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunAndLoginTest {
  static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  @Test
  @Order(1)
  void withoutUsersEveryPageLeadsToSetup() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/setup"));
    mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
    mvc.perform(get("/setup"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Eerste beheerder aanmaken")));
  }

  @Test
  @Order(2)
  void setupRejectsAWeakPasswordAndStoresNothing() throws Exception {
    mvc.perform(
            post("/setup")
                .with(csrf())
                .param("username", "beheer")
                .param("fullName", "B. Heerder")
                .param("password", "short")
                .param("passwordRepeat", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("minstens 13 tekens")));
    mvc.perform(get("/")).andExpect(redirectedUrl("/setup"));
  }

  @Test
  @Order(3)
  void setupWithoutCsrfTokenIsForbidden() throws Exception {
    mvc.perform(
            post("/setup")
                .param("username", "beheer")
                .param("fullName", "B. Heerder")
                .param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  @Order(4)
  void setupCreatesTheAdministratorOnceAndThenDisappears() throws Exception {
    mvc.perform(
            post("/setup")
                .with(csrf())
                .param("username", "beheer")
                .param("fullName", "B. Heerder")
                .param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD))
        .andExpect(redirectedUrl("/login?created"));
    mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
    mvc.perform(
            post("/setup")
                .with(csrf())
                .param("username", "indringer")
                .param("fullName", "Indringer")
                .param("password", PASSWORD + "x")
                .param("passwordRepeat", PASSWORD + "x"))
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  @Order(5)
  void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
    MvcResult wrongPassword =
        mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", "wrong password!!"))
            .andExpect(redirectedUrl("/login?error"))
            .andReturn();
    MvcResult unknownUser =
        mvc.perform(post("/login").with(csrf()).param("username", "niemand").param("password", PASSWORD))
            .andExpect(redirectedUrl("/login?error"))
            .andReturn();
    assertThat(wrongPassword.getResponse().getRedirectedUrl())
        .isEqualTo(unknownUser.getResponse().getRedirectedUrl());
    mvc.perform(get("/login").param("error", ""))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Onbekende gebruikersnaam of onjuist wachtwoord.")));
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("USER_LOGIN_FAILED"));
  }

  @Test
  @Order(6)
  void loginSucceedsWithSecureSessionCookieAndHeaders() throws Exception {
    MvcResult login =
        mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", PASSWORD))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
    mvc.perform(get("/").session(session))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"));
    assertThat(audit.events(100)).anyMatch(e -> e.eventType().equals("USER_LOGGED_IN"));
  }

  @Test
  @Order(7)
  void aNewLoginEndsTheOlderSession() throws Exception {
    MockHttpSession first =
        (MockHttpSession)
            mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    mvc.perform(get("/").session(first)).andExpect(status().isOk());
    mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", PASSWORD))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  @Order(8)
  void logoutNeedsPostWithCsrfAndEndsTheSession() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(csrf()).session(session))
        .andExpect(redirectedUrl("/login?logout"))
        .andExpect(cookie().maxAge("UITSLAG_SESSION", 0));
    mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  @Order(9)
  void repeatedFailuresThrottleTheUserEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
      mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", "guess " + i + "xxxxxxxx"))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", PASSWORD))
        .andExpect(redirectedUrl("/login?throttled=1"));
    mvc.perform(get("/login").param("throttled", "1"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Te veel mislukte pogingen")));
    assertThat(audit.events(200)).anyMatch(e -> e.eventType().equals("USER_LOGIN_THROTTLED"));
  }
}
