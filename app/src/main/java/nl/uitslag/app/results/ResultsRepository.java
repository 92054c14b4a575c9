package nl.uitslag.app.results;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import nl.uitslag.app.results.ResultsFiles.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The session details and the stored results files of GSB sessions. */
@Repository
public class ResultsRepository {
  private final JdbcClient jdbc;

  public ResultsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }
  /** The committee's EML ManagingAuthority id, the id its signing certificate is bound to. */
  public String managingAuthority(long committeeId) {
    return jdbc.sql("SELECT managing_authority FROM committee WHERE id = ?").param(committeeId)
        .query(String.class).single();
  }


  /** Where and when the public session started. */
  public record Details(String location, LocalDateTime start) {}

  /** A stored file without its content. */
  public record StoredFile(Kind kind, String fileName, String mediaType, String fingerprint, long size,
      String createdAt) {}

  /** A stored file with its content, exactly as generated. */
  public record Content(StoredFile file, byte[] bytes) {}

  public Optional<Details> details(long sessionId) {
    return jdbc.sql("SELECT location, started_at FROM session_details WHERE session_id = ?")
        .param(sessionId)
        .query((rs, n) -> new Details(rs.getString(1), LocalDateTime.parse(rs.getString(2))))
        .optional();
  }

  public void storeDetails(long sessionId, Details d, Instant now) {
    jdbc.sql("INSERT INTO session_details (session_id, location, started_at, updated_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (session_id) DO UPDATE SET location = excluded.location,"
            + " started_at = excluded.started_at, updated_at = excluded.updated_at")
        .params(sessionId, d.location(), d.start().toString(), now.toString())
        .update();
  }

  public List<StoredFile> files(long sessionId) {
    return jdbc.sql("SELECT kind, file_name, media_type, fingerprint, length(content) AS size, created_at"
            + " FROM session_document WHERE session_id = ? ORDER BY kind")
        .param(sessionId)
        .query((rs, n) -> new StoredFile(Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
            rs.getString("media_type"), rs.getString("fingerprint"), rs.getLong("size"),
            rs.getString("created_at")))
        .list();
  }

  public Optional<Content> content(long sessionId, Kind kind) {
    return jdbc.sql("SELECT kind, file_name, media_type, fingerprint, length(content) AS size, created_at,"
            + " content FROM session_document WHERE session_id = ? AND kind = ?")
        .params(sessionId, kind.name())
        .query((rs, n) -> new Content(new StoredFile(Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
            rs.getString("media_type"), rs.getString("fingerprint"), rs.getLong("size"),
            rs.getString("created_at")), rs.getBytes("content")))
        .optional();
  }

  /** Stores a file once; a second file of the same kind for the session is refused by the primary key. */
  public void insertFile(long sessionId, ResultsFiles.File f, Instant now) {
    jdbc.sql("INSERT INTO session_document (session_id, kind, file_name, media_type, content, fingerprint,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(sessionId, f.kind().name(), f.name(), f.kind().mediaType(), f.content(),
            f.fingerprint().toString(), now.toString())
        .update();
  }

  /** Removes every stored file of the session; returns how many there were. */
  public int deleteFiles(long sessionId) {
    return jdbc.sql("DELETE FROM session_document WHERE session_id = ?").param(sessionId).update();
  }
}
