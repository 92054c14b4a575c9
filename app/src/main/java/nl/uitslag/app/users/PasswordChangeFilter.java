package nl.uitslag.app.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user with a one-time password can do nothing but choose a new password (or log out). */
final class PasswordChangeFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (auth != null
        && auth.getPrincipal() instanceof UitslagPrincipal p
        && p.mustChangePassword()
        && !path.equals("/password")
        && !path.equals("/logout")
        && !path.startsWith("/css/")
        && !path.startsWith("/js/")
        && !path.startsWith("/webjars/")) {
      response.sendRedirect(request.getContextPath() + "/password");
      return;
    }
    chain.doFilter(request, response);
  }
}
