-- A coordinator's explanation of a warning that was accepted on a polling station's entry (issue 5): kept for
-- the report of the session. One explanation per warning code, polling station and session; recording it again
-- replaces the text (the audit log keeps every version).
CREATE TABLE warning_explanation (
    session_id          INTEGER NOT NULL REFERENCES committee_session (id) ON DELETE CASCADE,
    polling_station_id  INTEGER NOT NULL REFERENCES polling_station (id) ON DELETE CASCADE,
    code                TEXT    NOT NULL CHECK (code GLOB 'W.[0-9][0-9][0-9]'),
    explanation         TEXT    NOT NULL CHECK (length(explanation) BETWEEN 1 AND 2000),
    recorded_by         INTEGER NOT NULL REFERENCES app_user (id),
    recorded_at         TEXT    NOT NULL,
    PRIMARY KEY (session_id, polling_station_id, code)
) STRICT;
