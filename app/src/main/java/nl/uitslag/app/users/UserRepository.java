package nl.uitslag.app.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in the database. */
@Repository
public class UserRepository {
  private final JdbcClient jdbc;

  public UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  public Optional<AppUser> findByUsername(String username) {
    return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(UserRepository::map).optional();
  }

  public Optional<AppUser> findById(long id) {
    return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(UserRepository::map).optional();
  }

  public List<AppUser> findAll() {
    return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserRepository::map).list();
  }

  public long insert(
      String username,
      String fullName,
      String passwordHash,
      Role role,
      Long committeeId,
      boolean mustChangePassword,
      Instant now) {
    return jdbc.sql(
            "INSERT INTO app_user (username, full_name, password_hash, role, committee_id, must_change_password,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(username, fullName, passwordHash, role.name(), committeeId, mustChangePassword ? 1 : 0, now.toString())
        .query(Long.class)
        .single();
  }

  public void updatePassword(long id, String passwordHash, boolean mustChangePassword) {
    jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = ? WHERE id = ?")
        .params(passwordHash, mustChangePassword ? 1 : 0, id)
        .update();
  }

  public void recordLogin(long id, Instant now) {
    jdbc.sql("UPDATE app_user SET last_login_at = ? WHERE id = ?").params(now.toString(), id).update();
  }

  private static AppUser map(ResultSet rs, int row) throws SQLException {
    long committee = rs.getLong("committee_id");
    // wasNull() speaks of the last column read, so it must be asked right here (an administrator has none).
    Long committeeId = rs.wasNull() ? null : committee;
    return new AppUser(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("full_name"),
        rs.getString("password_hash"),
        Role.valueOf(rs.getString("role")),
        committeeId,
        rs.getInt("active") == 1,
        rs.getInt("must_change_password") == 1);
  }
}
