package nl.uitslag.eml.verify;

/** The outcome of one verification check of the published election files. */
public enum CheckStatus {
  /** The published figure equals the recomputed one. */
  OK,
  /** The published figure differs from the recomputed one: a difference the publisher must explain. */
  DIFFERENT,
  /** The check could not be completed from the files alone (a lot was drawn, or data is missing). */
  CANNOT_VERIFY
}
