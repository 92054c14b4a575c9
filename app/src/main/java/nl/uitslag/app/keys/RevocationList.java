package nl.uitslag.app.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An election's list of revoked committee certificates (ingetrokken certificaten), kept offline because an
 * air-gapped network has no CRL or OCSP (docs/COUNT-FILE-SECURITY.md §3.2). The server exports it as text in the
 * format {@code uitslag-revoked/1}; the command line reads that file, or the server's database directly.
 *
 * @param electionId the election the list belongs to (the trust anchor's OU)
 * @param entries the revoked serials (lower-case hexadecimal) with reason and time, in the order revoked
 */
public record RevocationList(String electionId, Map<String, Entry> entries) {
  /** The first line of the text form; a reader refuses any other version. */
  public static final String FORMAT = "uitslag-revoked/1";

  private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");
  /** A revocation list names every revoked certificate of one election: a few lines, never megabytes. */
  private static final long MAX_BYTES = 1024 * 1024;

  /** One revoked certificate. */
  public record Entry(String serial, Instant revokedAt, String reason) {}

  public RevocationList {
    if (electionId == null || electionId.isBlank()) {
      throw new IllegalArgumentException("a revocation list names its election");
    }
    entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** The entry of the certificate's serial, when it is revoked. */
  public Optional<Entry> revoked(X509Certificate certificate) {
    return Optional.ofNullable(entries.get(certificate.getSerialNumber().toString(16)));
  }

  /** Both lists together; they must be of the same election. */
  public RevocationList with(RevocationList other) {
    if (!electionId.equals(other.electionId)) {
      throw new IllegalArgumentException(
          "revocation lists of different elections: " + electionId + " and " + other.electionId);
    }
    Map<String, Entry> all = new LinkedHashMap<>(entries);
    other.entries.forEach(all::putIfAbsent);
    return new RevocationList(electionId, all);
  }

  /** The text form: UTF-8, LF line ends, one {@code revoked=serial;time;reason} line per certificate. */
  public String text(Instant exportedAt) {
    StringBuilder b = new StringBuilder();
    b.append("format=").append(FORMAT).append('\n');
    b.append("election=").append(electionId).append('\n');
    b.append("exported=").append(exportedAt).append('\n');
    for (Entry e : entries.values()) {
      // A reason typed on a screen may hold line breaks; one entry must stay one line.
      String reason = e.reason().replaceAll("[\\r\\n\\t]+", " ").strip();
      b.append("revoked=").append(e.serial()).append(';').append(e.revokedAt()).append(';').append(reason)
          .append('\n');
    }
    return b.toString();
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException with the line that is wrong: an unknown version, a missing election, an
   *     unknown key, a malformed serial or time
   */
  public static RevocationList parse(String text) {
    String[] lines = text.split("\n", -1);
    String election = null;
    boolean formatSeen = false;
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw bad(i, "no key=value");
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (!formatSeen) {
        if (!key.equals("format") || !value.equals(FORMAT)) {
          throw bad(i, "not a revocation list of format " + FORMAT);
        }
        formatSeen = true;
        continue;
      }
      switch (key) {
        case "election":
          if (election != null) {
            throw bad(i, "election named twice");
          }
          election = value.strip();
          break;
        case "exported":
          break;
        case "revoked":
          String[] parts = value.split(";", 3);
          if (parts.length < 2 || !SERIAL.matcher(parts[0]).matches()) {
            throw bad(i, "expected revoked=<lower-case hexadecimal serial>;<time>;<reason>");
          }
          Instant at;
          try {
            at = Instant.parse(parts[1]);
          } catch (DateTimeParseException e) {
            throw bad(i, "not a UTC time: " + parts[1]);
          }
          entries.putIfAbsent(parts[0], new Entry(parts[0], at, parts.length == 3 ? parts[2] : ""));
          break;
        default:
          throw bad(i, "unknown key " + key);
      }
    }
    if (!formatSeen) {
      throw new IllegalArgumentException("the revocation list is empty");
    }
    if (election == null || election.isEmpty()) {
      throw new IllegalArgumentException("the revocation list does not name its election");
    }
    return new RevocationList(election, entries);
  }

  /** Reads a list file exported by the server ({@code /admin/elections/{id}/keys/revoked}). */
  public static RevocationList read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + ": too large for a revocation list");
      }
      return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the election's list straight from a server's data directory ({@code uitslag.db}), read-only, so a
   * command run beside the server uses exactly what the key page shows.
   *
   * @throws IllegalArgumentException when there is no database or it does not hold the election
   */
  public static RevocationList fromDataDir(Path dataDir, String electionId) {
    Path db = dataDir.resolve("uitslag.db");
    if (!Files.isRegularFile(db)) {
      throw new IllegalArgumentException("no Uitslag database in " + dataDir);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro")) {
      try (PreparedStatement election = c.prepareStatement("SELECT id FROM election WHERE identifier = ?")) {
        election.setString(1, electionId);
        try (ResultSet rs = election.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException("election " + electionId + " is not in the database in " + dataDir);
          }
        }
      }
      List<Entry> list = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT r.serial, r.revoked_at, r.reason FROM keystore_revoked r JOIN election e ON e.id = r.election_id"
              + " WHERE e.identifier = ? ORDER BY r.revoked_at, r.serial")) {
        q.setString(1, electionId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            list.add(new Entry(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3)));
          }
        }
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      list.forEach(e -> entries.put(e.serial(), e));
      return new RevocationList(electionId, entries);
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read the database in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException bad(int index, String why) {
    return new IllegalArgumentException("line " + (index + 1) + ": " + why);
  }
}
