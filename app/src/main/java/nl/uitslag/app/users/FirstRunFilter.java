package nl.uitslag.app.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no user exists, every page leads to the set-up page that creates the administrator; once one exists the
 * set-up page is gone for good.
 */
final class FirstRunFilter extends OncePerRequestFilter {
  private final UserService users;
  private volatile boolean done;

  FirstRunFilter(UserService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isStatic(path)) {
      chain.doFilter(request, response);
      return;
    }
    boolean setupRequired = !done && users.setupRequired();
    if (!setupRequired) {
      done = true;
    }
    if (setupRequired && !path.equals("/setup")) {
      response.sendRedirect(request.getContextPath() + "/setup");
      return;
    }
    if (!setupRequired && path.equals("/setup")) {
      response.sendRedirect(request.getContextPath() + "/login");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isStatic(String path) {
    return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
        || path.equals("/favicon.ico") || path.equals("/error")
        // A workstation installs the CA before anyone can log in or set up the administrator.
        || path.equals("/ca") || path.equals("/ca.crt");
  }
}
