package nl.uitslag.domain.dataentry;

/** The identity of a user (typist or coordinator) acting on a data entry. */
public record UserId(long value) {
  @Override
  public String toString() {
    return "user " + value;
  }
}
