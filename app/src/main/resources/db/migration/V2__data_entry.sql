-- Double data entry at the GSB: committee sessions and, per polling station and session, the state of its
-- double entry (docs/DATA-ENTRY.md §2–§3). STRICT tables; `version` makes every update optimistic, so an
-- update based on a state someone else changed meanwhile is refused instead of overwriting it.

CREATE TABLE committee_session (
    id                  INTEGER PRIMARY KEY,
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    status              TEXT    NOT NULL CHECK (status IN ('CREATED', 'IN_PREPARATION', 'DATA_ENTRY', 'PAUSED',
                                                           'COMPLETED')),
    version             INTEGER NOT NULL CHECK (version > 0),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    UNIQUE (committee_id, number)
) STRICT;

-- A polling station without a row has nothing entered yet (state Empty).
CREATE TABLE polling_station_entry (
    session_id          INTEGER NOT NULL REFERENCES committee_session (id) ON DELETE CASCADE,
    polling_station_id  INTEGER NOT NULL REFERENCES polling_station (id) ON DELETE CASCADE,
    -- The overview category of the state, kept beside the JSON so the overview filters and counts in SQL.
    status              TEXT    NOT NULL CHECK (status IN ('NOT_STARTED', 'FIRST_ENTRY_IN_PROGRESS',
                                  'FIRST_ENTRY_FINISHED', 'SECOND_ENTRY_IN_PROGRESS', 'ERRORS_IN_REPORT',
                                  'ENTRIES_DIFFERENT', 'CORRECTION_IN_PROGRESS', 'DEFINITIVE')),
    first_by            INTEGER REFERENCES app_user (id),   -- author of the first entry (in progress or done)
    second_by           INTEGER REFERENCES app_user (id),   -- author of the second entry (in progress or done)
    with_warnings       INTEGER NOT NULL CHECK (with_warnings IN (0, 1)),
    state_json          TEXT    NOT NULL,                  -- DataEntryState, see DataEntryStateJson
    version             INTEGER NOT NULL CHECK (version > 0),
    updated_at          TEXT    NOT NULL,
    PRIMARY KEY (session_id, polling_station_id)
) STRICT;
CREATE INDEX polling_station_entry_status ON polling_station_entry (session_id, status);
