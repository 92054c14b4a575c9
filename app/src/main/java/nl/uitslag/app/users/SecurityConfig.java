package nl.uitslag.app.users;

import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.Actors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may see what. Every page needs a login except the login and first-run set-up pages; forms carry a CSRF
 * token; the Content-Security-Policy allows no inline script or style, so injected markup cannot run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfig {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      SessionRegistry sessionRegistry,
      UserService userService,
      LoginThrottle throttle)
      throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login", "/setup", "/ca", "/ca.crt", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMINISTRATOR.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(onSuccess(userService, throttle))
                    .failureHandler(onFailure(userService, throttle))
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .addLogoutHandler(onLogout(userService))
                    .logoutSuccessUrl("/login?logout")
                    .deleteCookies("UITSLAG_SESSION"))
        .sessionManagement(
            session ->
                session
                    .sessionFixation(fix -> fix.newSession())
                    // One session per user: a new login ends the older one (product.md §5).
                    .maximumSessions(1)
                    .maxSessionsPreventsLogin(false)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login?expired"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(ref -> ref.policy(ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), usb=(), payment=()")))
        .addFilterBefore(new LoginThrottleFilter(throttle, userService), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new FirstRunFilter(userService), BasicAuthenticationFilter.class)
        .addFilterAfter(new PasswordChangeFilter(), FirstRunFilter.class);
    return http.build();
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  private static AuthenticationSuccessHandler onSuccess(UserService users, LoginThrottle throttle) {
    return (request, response, auth) -> {
      UitslagPrincipal principal = (UitslagPrincipal) auth.getPrincipal();
      throttle.succeeded(principal.getUsername());
      users.recordLogin(
          new AppUser(
              principal.id(),
              principal.getUsername(),
              principal.fullName(),
              "",
              principal.role(),
              principal.committeeId(),
              true,
              principal.mustChangePassword()),
          Actors.of(request, auth));
      response.sendRedirect(request.getContextPath() + (principal.mustChangePassword() ? "/password" : "/"));
    };
  }

  private static AuthenticationFailureHandler onFailure(UserService users, LoginThrottle throttle) {
    return (request, response, exception) -> {
      String typed = truncate(request.getParameter("username"));
      throttle.failed(typed, request.getRemoteAddr());
      users.recordFailedLogin(new Actor(null, typed, request.getRemoteAddr()));
      // One message for every cause, so a visitor cannot learn whether a user name exists.
      response.sendRedirect(request.getContextPath() + "/login?error");
    };
  }

  private static LogoutHandler onLogout(UserService users) {
    return (request, response, auth) -> {
      if (auth != null) {
        users.recordLogout(Actors.of(request, auth));
      }
    };
  }

  static String truncate(String name) {
    if (name == null) {
      return null;
    }
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
