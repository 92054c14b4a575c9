package nl.uitslag.domain.session;

/** Why a committee-session transition was refused. */
public enum SessionRefusal {
  /** The transition does not start from the current status. */
  WRONG_STATUS,
  /** Data entry cannot start without a polling station, investigation or sub-committee. */
  NO_DATA_SOURCES,
  /** Some required data entry is not definitive yet. */
  ENTRIES_NOT_DEFINITIVE,
  /** An investigation of a next session is not concluded. */
  INVESTIGATIONS_IN_PROGRESS,
  /** A next session can only be created after the current one is completed. */
  PREVIOUS_NOT_COMPLETED,
  /** Only a next session that is still being prepared and has no investigations can be deleted. */
  CANNOT_DELETE
}
