-- Investigations the CSB or an HSB orders at a GSB (onderzoek gelast, abacus.md §2 "next session"; docs/CSB.md §8),
-- and the count files a corrected 510b replaced, kept byte for byte as history. STRICT tables.

-- One row per order. An order is open until the corrected file taken in under it is definitive (closed_at set,
-- outcome CLOSED) or the coordinator withdraws it (outcome WITHDRAWN). At most one open order per source.
CREATE TABLE csb_investigation (
    id                      INTEGER PRIMARY KEY,
    committee_id            INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    source                  TEXT    NOT NULL,      -- ManagingAuthority of the GSB, e.g. 0668
    stations                TEXT    NOT NULL,      -- polling-station numbers, comma-separated ascending; '' = all
    reason                  TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),  -- aanleiding en opdracht
    notable_flag            TEXT,                  -- the notable-results flag it was ordered from, if any
    ordered_by              INTEGER NOT NULL REFERENCES app_user (id),
    ordered_at              TEXT    NOT NULL,
    replacement_fingerprint TEXT,                  -- the corrected count file taken in under this order
    outcome                 TEXT    NOT NULL DEFAULT 'OPEN' CHECK (outcome IN ('OPEN', 'CLOSED', 'WITHDRAWN')),
    closed_at               TEXT,
    CHECK ((outcome = 'OPEN') = (closed_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX csb_investigation_one_open ON csb_investigation (committee_id, source) WHERE outcome = 'OPEN';

-- A count file a later phase replaced (a corrigendum after a first-session file, or a later corrigendum).
CREATE TABLE csb_count_file_history (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    source              TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('510b', '510c')),
    file_name           TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    imported_by         INTEGER NOT NULL REFERENCES app_user (id),
    imported_at         TEXT    NOT NULL,
    replaced_at         TEXT    NOT NULL,
    replaced_by         TEXT    NOT NULL,          -- fingerprint of the file that replaced it
    investigation_id    INTEGER NOT NULL REFERENCES csb_investigation (id),
    PRIMARY KEY (committee_id, source, fingerprint, replaced_at)
) STRICT;
