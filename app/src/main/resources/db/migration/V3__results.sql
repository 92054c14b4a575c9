-- GSB results (docs/RESULTS.md): the details of the public session the PV records, the files generated when a
-- session is completed (stored once as BLOBs, so every download is byte-identical and backups hold them), and
-- the investigations a CSB orders for a next session (corrigendum). STRICT tables.

-- Where and when the public session started (printed in the PV; required before documents are generated).
CREATE TABLE session_details (
    session_id          INTEGER PRIMARY KEY REFERENCES committee_session (id) ON DELETE CASCADE,
    location            TEXT    NOT NULL CHECK (length(trim(location)) > 0),
    started_at          TEXT    NOT NULL,          -- local date-time, ISO (e.g. 2026-03-18T21:00)
    updated_at          TEXT    NOT NULL
) STRICT;

-- One row per generated file of a session; removed when the session is resumed, regenerated at completion.
CREATE TABLE session_document (
    session_id          INTEGER NOT NULL REFERENCES committee_session (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('ZIP', 'EML_510B', 'PDF_REPORT', 'CSV', 'PDF_P2A',
                                                         'PDF_NA14')),
    file_name           TEXT    NOT NULL,
    media_type          TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    fingerprint         TEXT    NOT NULL,          -- SHA-256 of content, 16 groups of 4 hex digits
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (session_id, kind)
) STRICT;

-- An investigation of one polling station in a next session, ordered by the CSB (abacus.md §2).
CREATE TABLE investigation (
    session_id          INTEGER NOT NULL REFERENCES committee_session (id) ON DELETE CASCADE,
    polling_station_id  INTEGER NOT NULL REFERENCES polling_station (id) ON DELETE CASCADE,
    reason              TEXT    NOT NULL CHECK (length(trim(reason)) > 0),   -- aanleiding en opdracht
    findings            TEXT,                                                -- bevindingen
    corrected_results   INTEGER CHECK (corrected_results IS NULL OR corrected_results IN (0, 1)),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    PRIMARY KEY (session_id, polling_station_id)
) STRICT;
