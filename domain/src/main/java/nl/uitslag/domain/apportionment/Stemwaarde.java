package nl.uitslag.domain.apportionment;

import java.util.Objects;

/**
 * The stemwaarde of a voting body of the Eerste Kamer election (Kieswet U 2 lid 1): the inhabitants of the province
 * divided by a hundred times the number of members of its provinciale staten, rounded to a whole number with a
 * fraction of one half or more rounded up. The published value (Staatscourant, U 2 lid 5) is the legal input of the
 * election; this class checks it against the inhabitants and members where the rule is confirmed.
 */
public final class Stemwaarde {
  private Stemwaarde() {}

  /** The kinds of EK voting bodies, by the rule that gives their stemwaarde. */
  public enum BodyKind {
    /** Provinciale staten: Kieswet U 2 lid 1. */
    PROVINCE,
    /**
     * Kiescollege of Bonaire, Sint Eustatius or Saba: the same rule with the island's inhabitants and the
     * kiescollege's size (apportionment.md §1: all values of 2023 reproduce).
     */
    ISLAND_KIESCOLLEGE,
    /**
     * Kiescollege niet-ingezetenen: a different rule (Stb. 2022, 410) that the reference has not confirmed
     * (2023: 20 for 37 455 registered voters and 25 members, where the U 2 formula gives 15).
     */
    NON_RESIDENTS_KIESCOLLEGE;

    /** Whether the U 2 lid 1 formula is the confirmed rule for this kind of body. */
    public boolean ruleConfirmed() {
      return this != NON_RESIDENTS_KIESCOLLEGE;
    }
  }

  /**
   * Kieswet U 2 lid 1, exactly: inhabitants / (100 × members), half up. In integers,
   * {@code floor(i / (100 m) + 1/2) = (2 i + 100 m) div (200 m)}; never floating point.
   *
   * @throws IllegalArgumentException for negative inhabitants or fewer than one member
   */
  public static long compute(long inhabitants, int members) {
    if (inhabitants < 0 || inhabitants > 1_000_000_000L) {
      throw new IllegalArgumentException("inhabitants must be 0 … 1,000,000,000: " + inhabitants);
    }
    if (members < 1 || members > 10_000) {
      throw new IllegalArgumentException("members must be 1 … 10,000: " + members);
    }
    return (2 * inhabitants + 100L * members) / (200L * members);
  }

  /** The outcome of checking a published stemwaarde. */
  public sealed interface Check permits Agrees, Differs, RuleUnconfirmed {}

  /** The published value equals U 2 lid 1. */
  public record Agrees(long computed) implements Check {}

  /** The published value differs from U 2 lid 1: refused. */
  public record Differs(long computed, long published) implements Check {}

  /** No confirmed rule for this kind of body: the published value is accepted as entered. */
  public record RuleUnconfirmed(long formula, long published) implements Check {}

  /** Checks a published stemwaarde against the inhabitants and members of its body. */
  public static Check check(BodyKind kind, long inhabitants, int members, long published) {
    Objects.requireNonNull(kind, "kind");
    long computed = compute(inhabitants, members);
    if (!kind.ruleConfirmed()) {
      return new RuleUnconfirmed(computed, published);
    }
    return computed == published ? new Agrees(computed) : new Differs(computed, published);
  }
}
