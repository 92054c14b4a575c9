package nl.uitslag.domain.apportionment;

import java.util.Locale;

/**
 * An election type by its EML_NL {@code ElectionSubcategory}, with the parameters of chapter P (and
 * U, Y, Ya, Pa) of the Kieswet that the apportionment depends on.
 *
 * <p>The residual-seat method is chosen by the number of seats actually distributed (P 7 for 19 or
 * more, P 8 below 19), not by the code; the preference percentage is the default of the type and the
 * election definition may override it.
 */
public enum ElectionType {
  /** Gemeenteraad, fewer than 19 seats: P 15 lid 2 threshold 50 %. */
  GR1(50, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Gemeenteraad, 19 seats or more. */
  GR2(25, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Waterschap algemeen bestuur, fewer than 19 elected seats (50 %, see apportionment.md §9 item 3). */
  AB1(50, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Waterschap algemeen bestuur, 19 elected seats or more. */
  AB2(25, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Eilandsraad: P 15 lid 2 read with Ya 3, 50 %. */
  ER1(50, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Provinciale Staten, one kieskring. */
  PS1(25, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, false),
  /** Provinciale Staten, several kieskringen (list groups possible). */
  PS2(25, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, true),
  /** Tweede Kamer: P 7 lid 2 quota threshold for residual seats, P 15 lid 1 25 %. */
  TK(25, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.QUOTA_REQUIRED, true),
  /** Europees Parlement: Y 2 applies P 7 lid 2; Y 23a puts 10 % into P 15. */
  EP(10, false, true, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.QUOTA_REQUIRED, false),
  /**
   * Eerste Kamer: vote weights per voting body (U 3), no P 9 (chapter U has none), threshold "groter
   * dan of gelijk aan de kiesdeler" (U 15 lid 1), no P 19 lid 2 block in the ranking (U 15 lid 2).
   */
  EK(100, true, false, ExhaustionPolicy.PASS_ON, ResidualSeatPolicy.CURRENT, true),
  /** Kiescollege Caribisch Nederland: the PS rules apply (chapter Ya), but Ya 29 keeps excess seats empty. */
  KC(25, false, true, ExhaustionPolicy.KEEP_EMPTY, ResidualSeatPolicy.CURRENT, false),
  /** Kiescollege niet-ingezetenen (chapter Pa): Pa 25 keeps excess seats empty. */
  KCNI(25, false, true, ExhaustionPolicy.KEEP_EMPTY, ResidualSeatPolicy.CURRENT, false);

  private final int preferencePercent;
  private final boolean preferenceThresholdInclusive;
  private final boolean absoluteMajorityRule;
  private final ExhaustionPolicy exhaustionPolicy;
  private final ResidualSeatPolicy residualSeatPolicy;
  private final boolean listGroups;

  ElectionType(
      int preferencePercent,
      boolean preferenceThresholdInclusive,
      boolean absoluteMajorityRule,
      ExhaustionPolicy exhaustionPolicy,
      ResidualSeatPolicy residualSeatPolicy,
      boolean listGroups) {
    this.preferencePercent = preferencePercent;
    this.preferenceThresholdInclusive = preferenceThresholdInclusive;
    this.absoluteMajorityRule = absoluteMajorityRule;
    this.exhaustionPolicy = exhaustionPolicy;
    this.residualSeatPolicy = residualSeatPolicy;
    this.listGroups = listGroups;
  }

  /** Default voorkeurdrempel as a percentage of the kiesdeler (P 15, Y 23a, U 15). */
  public int preferencePercent() {
    return preferencePercent;
  }

  /** True for the EK ("groter dan of gelijk aan", U 15 lid 1); otherwise strictly greater (P 15). */
  public boolean preferenceThresholdInclusive() {
    return preferenceThresholdInclusive;
  }

  /** Whether the absolute-majority correction of Kieswet P 9 applies. */
  public boolean absoluteMajorityRule() {
    return absoluteMajorityRule;
  }

  public ExhaustionPolicy exhaustionPolicy() {
    return exhaustionPolicy;
  }

  public ResidualSeatPolicy residualSeatPolicy() {
    return residualSeatPolicy;
  }

  /** Whether lists may form a lijstengroep across kieskringen (P 12, P 13, P 16, P 18; U 12, U 13). */
  public boolean listGroups() {
    return listGroups;
  }

  /** Whether the ranking has the P 19 lid 2 block of candidates above the threshold (not for the EK). */
  public boolean rankingHasThresholdBlock() {
    return this != EK;
  }

  /**
   * Whether the residual seats of an election with this many seats go by the three rounds of P 8
   * (fewer than 19 seats). TK, EP and PS always use largest averages (P 7 lid 1; they always have 19
   * seats or more, and OSV chooses by type, so the small test elections of OSV do too); the EK
   * always does (U 9).
   */
  public boolean usesLargestRemainders(int seats) {
    switch (this) {
      case TK:
      case EP:
      case PS1:
      case PS2:
      case EK:
        return false;
      default:
        return seats < 19;
    }
  }

  /** The type for an EML_NL subcategory code, case-insensitive. */
  public static ElectionType fromSubcategory(String code) {
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ApportionmentInputException("unknown election subcategory: \"" + code + "\"");
    }
  }
}
