package nl.uitslag.app.users;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import nl.uitslag.app.audit.Actors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security sees it. Equality is by user id only, because the session registry uses
 * it to find a user's other session and end it (one session per user).
 */
public final class UitslagPrincipal implements UserDetails, Actors.Identified {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private final String fullName;
  private final String passwordHash;
  private final Role role;
  private final Long committeeId;
  private final boolean active;
  private final boolean mustChangePassword;

  UitslagPrincipal(AppUser user) {
    this.id = user.id();
    this.username = user.username();
    this.fullName = user.fullName();
    this.passwordHash = user.passwordHash();
    this.role = user.role();
    this.committeeId = user.committeeId();
    this.active = user.active();
    this.mustChangePassword = user.mustChangePassword();
  }

  @Override
  public long id() {
    return id;
  }

  public String fullName() {
    return fullName;
  }

  public Role role() {
    return role;
  }

  public Long committeeId() {
    return committeeId;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return active;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UitslagPrincipal other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return "UitslagPrincipal[" + id + ", " + username + ", " + role + "]";
  }
}
