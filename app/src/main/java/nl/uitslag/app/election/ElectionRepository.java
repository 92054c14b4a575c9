package nl.uitslag.app.election;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Elections with their lists, candidates, polling stations and committees, as stored. */
@Repository
public class ElectionRepository {
  private final JdbcClient jdbc;

  public ElectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An election as the screens show it. */
  public record ElectionView(
      long id,
      String identifier,
      String name,
      String category,
      String subcategory,
      LocalDate electionDate,
      int numberOfSeats,
      String domainName,
      String domainId,
      String countingMethod,
      Long eligibleVoters) {}

  /** A candidate list (political group) with its candidates in list order. */
  public record ListView(int number, String name, List<CandidateView> candidates) {}

  /** A candidate at a position on a list. */
  public record CandidateView(
      int position, String initials, String firstName, String prefix, String lastName, String locality,
      String gender) {

    /** The name as printed on the ballot: last name, initials (first name). */
    public String displayName() {
      String last = prefix == null || prefix.isBlank() ? lastName : prefix + " " + lastName;
      return firstName == null || firstName.isBlank()
          ? last + ", " + initials
          : last + ", " + initials + " (" + firstName + ")";
    }
  }

  /** A polling station (stembureau) of the election. */
  public record PollingStationView(
      long id, int number, String name, String postcode, String locality, String kind, Long eligibleVoters) {}

  public long insertElection(ElectionView e, Instant now) {
    return jdbc.sql(
            "INSERT INTO election (identifier, name, category, subcategory, election_date, number_of_seats,"
                + " domain_name, domain_id, counting_method, eligible_voters, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(
            e.identifier(), e.name(), e.category(), e.subcategory(), e.electionDate().toString(),
            e.numberOfSeats(), e.domainName(), e.domainId(), e.countingMethod(), e.eligibleVoters(),
            now.toString())
        .query(Long.class)
        .single();
  }

  public void insertList(long electionId, ListView list) {
    jdbc.sql("INSERT INTO political_group (election_id, number, name) VALUES (?, ?, ?)")
        .params(electionId, list.number(), list.name())
        .update();
    for (CandidateView c : list.candidates()) {
      jdbc.sql(
              "INSERT INTO candidate (election_id, list_number, position, initials, first_name, name_prefix,"
                  + " last_name, locality, gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              electionId, list.number(), c.position(), c.initials(), c.firstName(), c.prefix(), c.lastName(),
              c.locality(), c.gender())
          .update();
    }
  }

  public void insertPollingStation(long electionId, PollingStationView ps) {
    jdbc.sql(
            "INSERT INTO polling_station (election_id, number, name, postcode, locality, kind, eligible_voters)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(electionId, ps.number(), ps.name(), ps.postcode(), ps.locality(), ps.kind(), ps.eligibleVoters())
        .update();
  }

  /**
   * One region of the stored election tree (110a kr:ElectionTree) with the committee categories seated there (CSB,
   * HSB, PSB), in file order.
   */
  public record RegionView(String category, Integer number, String name, String superiorCategory,
      Integer superiorNumber, List<String> committees) {
    public RegionView {
      committees = List.copyOf(committees);
    }

    /** Whether a committee of this category (e.g. HSB) is seated at this region. */
    public boolean hasCommittee(String committeeCategory) {
      return committees.contains(committeeCategory);
    }

    /** Whether this region lies directly under the region of the given category and number. */
    public boolean isUnder(String category, int number) {
      return category.equals(superiorCategory) && superiorNumber != null && superiorNumber == number;
    }
  }

  /** Stores the election tree of the 110a, in file order; committee names are kept where the file gives them. */
  public void insertRegions(long electionId, List<nl.uitslag.domain.election.ElectionRegion> regions) {
    int seq = 0;
    for (var r : regions) {
      seq++;
      jdbc.sql("INSERT INTO election_region (election_id, seq, category, number, name, superior_category,"
              + " superior_number) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(electionId, seq, r.category(), r.number(), r.name(), r.superiorCategory(), r.superiorNumber())
          .update();
      int position = 0;
      for (var c : r.committees()) {
        position++;
        jdbc.sql("INSERT INTO election_region_committee (election_id, seq, position, category, name)"
                + " VALUES (?, ?, ?, ?, ?)")
            .params(electionId, seq, position, c.category(), c.name())
            .update();
      }
    }
  }

  /** The stored election tree in file order; empty for an election created before the tree was stored. */
  public List<RegionView> regions(long electionId) {
    Map<Integer, List<String>> committees = new java.util.HashMap<>();
    jdbc.sql("SELECT seq, category FROM election_region_committee WHERE election_id = ? ORDER BY seq, position")
        .param(electionId)
        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
        .list()
        .forEach(row -> committees.computeIfAbsent((Integer) row[0], k -> new ArrayList<>()).add((String) row[1]));
    return jdbc.sql("SELECT seq, category, number, name, superior_category, superior_number FROM election_region"
            + " WHERE election_id = ? ORDER BY seq")
        .param(electionId)
        .query((rs, n) -> {
          int seq = rs.getInt(1);
          int number = rs.getInt(3);
          Integer num = rs.wasNull() ? null : number;
          int sup = rs.getInt(6);
          Integer supNum = rs.wasNull() ? null : sup;
          return new RegionView(rs.getString(2), num, rs.getString(4), rs.getString(5), supNum,
              committees.getOrDefault(seq, List.of()));
        })
        .list();
  }

  /** The committee this installation serves for the election, as stored at its creation. */
  public record CommitteeView(long id, String kind, String name, String managingAuthority) {}

  public List<CommitteeView> committees(long electionId) {
    return jdbc.sql("SELECT id, kind, name, managing_authority FROM committee WHERE election_id = ? ORDER BY id")
        .param(electionId)
        .query((rs, n) -> new CommitteeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  public long insertCommittee(long electionId, String kind, String name, String managingAuthority) {
    return jdbc.sql(
            "INSERT INTO committee (election_id, kind, name, managing_authority) VALUES (?, ?, ?, ?) RETURNING id")
        .params(electionId, kind, name, managingAuthority)
        .query(Long.class)
        .single();
  }

  public List<ElectionView> findAll() {
    return jdbc.sql("SELECT * FROM election ORDER BY election_date DESC, id DESC").query(ElectionRepository::map).list();
  }

  public Optional<ElectionView> findById(long id) {
    return jdbc.sql("SELECT * FROM election WHERE id = ?").param(id).query(ElectionRepository::map).optional();
  }

  public boolean existsByIdentifier(String identifier) {
    return jdbc.sql("SELECT count(*) FROM election WHERE identifier = ?")
            .param(identifier)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<ListView> lists(long electionId) {
    List<CandidateView> none = List.of();
    var lists =
        jdbc.sql("SELECT number, name FROM political_group WHERE election_id = ? ORDER BY number")
            .param(electionId)
            .query((rs, n) -> new ListView(rs.getInt("number"), rs.getString("name"), none))
            .list();
    return lists.stream()
        .map(
            l ->
                new ListView(
                    l.number(),
                    l.name(),
                    jdbc.sql(
                            "SELECT * FROM candidate WHERE election_id = ? AND list_number = ? ORDER BY position")
                        .params(electionId, l.number())
                        .query(
                            (rs, n) ->
                                new CandidateView(
                                    rs.getInt("position"),
                                    rs.getString("initials"),
                                    rs.getString("first_name"),
                                    rs.getString("name_prefix"),
                                    rs.getString("last_name"),
                                    rs.getString("locality"),
                                    rs.getString("gender")))
                        .list()))
        .toList();
  }

  public List<PollingStationView> pollingStations(long electionId) {
    return jdbc.sql("SELECT * FROM polling_station WHERE election_id = ? ORDER BY number")
        .param(electionId)
        .query(
            (rs, n) -> {
              long ev = rs.getLong("eligible_voters");
              Long eligible = rs.wasNull() ? null : ev;
              return new PollingStationView(
                  rs.getLong("id"),
                  rs.getInt("number"),
                  rs.getString("name"),
                  rs.getString("postcode"),
                  rs.getString("locality"),
                  rs.getString("kind"),
                  eligible);
            })
        .list();
  }

  private static ElectionView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long ev = rs.getLong("eligible_voters");
    Long eligible = rs.wasNull() ? null : ev;
    return new ElectionView(
        rs.getLong("id"),
        rs.getString("identifier"),
        rs.getString("name"),
        rs.getString("category"),
        rs.getString("subcategory"),
        LocalDate.parse(rs.getString("election_date")),
        rs.getInt("number_of_seats"),
        rs.getString("domain_name"),
        rs.getString("domain_id"),
        rs.getString("counting_method"),
        eligible);
  }
}
