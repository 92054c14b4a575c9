package nl.uitslag.app.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for login from the database. */
@Service
public class UitslagUserDetailsService implements UserDetailsService {
  private final UserRepository users;

  public UitslagUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users
        .findByUsername(username)
        .map(UitslagPrincipal::new)
        .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  /** Reloads a principal after a change (e.g. password changed), so the session sees the new state. */
  public UitslagPrincipal reload(long id) {
    return users.findById(id).map(UitslagPrincipal::new).orElseThrow();
  }
}
