package nl.uitslag.app.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import nl.uitslag.app.audit.Actor;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a login attempt while the user name or the address is throttled, before any password is checked. */
final class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;
  private final UserService users;

  LoginThrottleFilter(LoginThrottle throttle, UserService users) {
    this.throttle = throttle;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/login")) {
      String username = request.getParameter("username");
      Duration wait = throttle.waitFor(username, request.getRemoteAddr());
      if (!wait.isZero()) {
        users.recordThrottledLogin(new Actor(null, SecurityConfig.truncate(username), request.getRemoteAddr()));
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
