-- The control protocol of a GSB session (docs/CONTROL-PROTOCOL.md): the one draw of lists per session (never
-- redrawn: the seed is public and the lists follow from it), the hand totals and the recorded outcome; the
-- notable-results thresholds per election and the coordinator's decision per flag. STRICT tables.

CREATE TABLE control_check (
    session_id          INTEGER PRIMARY KEY REFERENCES committee_session (id) ON DELETE CASCADE,
    election_identifier TEXT    NOT NULL,          -- as hashed in the draw
    session_number      INTEGER NOT NULL CHECK (session_number > 0),
    seed                TEXT    NOT NULL,          -- normalised, as hashed
    list_numbers        TEXT    NOT NULL,          -- the lists drawn from, comma-separated ascending
    list_count          INTEGER NOT NULL CHECK (list_count > 0),
    drawn_lists         TEXT    NOT NULL,          -- comma-separated, in draw order
    hand_totals         TEXT,                      -- "list=total" comma-separated, in draw order; null until entered
    software_totals     TEXT,                      -- the same form, the software's sums at the time of comparison
    stations_definitive INTEGER,                   -- how many stations were definitive at the comparison
    stations_total      INTEGER,
    remarks             TEXT,
    status              TEXT    NOT NULL CHECK (status IN ('DRAWN', 'COMPARED', 'RECORDED')),
    drawn_by            INTEGER NOT NULL REFERENCES app_user (id),
    drawn_at            TEXT    NOT NULL,
    recorded_by         INTEGER REFERENCES app_user (id),
    recorded_at         TEXT,
    version             INTEGER NOT NULL CHECK (version > 0)
) STRICT;

CREATE TABLE notable_thresholds (
    election_id                     INTEGER PRIMARY KEY REFERENCES election (id) ON DELETE CASCADE,
    blank_percent                   INTEGER NOT NULL,
    invalid_percent                 INTEGER NOT NULL,
    list_share_deviation_points     INTEGER NOT NULL,
    difference_absolute             INTEGER NOT NULL,
    difference_percent              INTEGER NOT NULL,
    swap_factor                     INTEGER NOT NULL,
    swap_minimum_votes              INTEGER NOT NULL,
    swap_minimum_expected           INTEGER NOT NULL,
    swap_minimum_reference_stations INTEGER NOT NULL,
    updated_at                      TEXT    NOT NULL
) STRICT;

-- A flag without a row is open. The key is NotableFlag.key(): rule code, station number and list.
CREATE TABLE notable_decision (
    session_id          INTEGER NOT NULL REFERENCES committee_session (id) ON DELETE CASCADE,
    flag_key            TEXT    NOT NULL,
    decision            TEXT    NOT NULL CHECK (decision IN ('EXPLAINED', 'RECOUNT_ORDERED')),
    explanation         TEXT    NOT NULL,
    decided_by          INTEGER NOT NULL REFERENCES app_user (id),
    decided_at          TEXT    NOT NULL,
    PRIMARY KEY (session_id, flag_key)
) STRICT;
