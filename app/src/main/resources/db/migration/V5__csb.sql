-- Centraal stembureau (docs/CSB.md): the totals of every GSB entered twice (an imported 510b counts as the
-- first entry, product.md §3), the count files taken in, the deceased candidates (P 19a), the outcomes of the
-- physical lots in drawing order, the finalised result and its documents. STRICT tables; `version` makes every
-- update of an entry optimistic.

-- One row per GSB whose totals the CSB takes in; no row means nothing entered yet (state Empty).
CREATE TABLE csb_source_entry (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    source              TEXT    NOT NULL,          -- ManagingAuthority of the GSB, e.g. 0668
    status              TEXT    NOT NULL CHECK (status IN ('NOT_STARTED', 'FIRST_ENTRY_IN_PROGRESS',
                                  'FIRST_ENTRY_FINISHED', 'SECOND_ENTRY_IN_PROGRESS', 'ERRORS_IN_REPORT',
                                  'ENTRIES_DIFFERENT', 'CORRECTION_IN_PROGRESS', 'DEFINITIVE')),
    state_json          TEXT    NOT NULL,          -- DataEntryState of GSB totals, see CsbStateJson
    version             INTEGER NOT NULL CHECK (version > 0),
    updated_at          TEXT    NOT NULL,
    PRIMARY KEY (committee_id, source)
) STRICT;

-- The accepted count file behind an imported first entry, kept byte for byte (a rejected file leaves no row).
CREATE TABLE csb_count_file (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    source              TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('510b', '510c')),
    file_name           TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    imported_by         INTEGER NOT NULL REFERENCES app_user (id),
    imported_at         TEXT    NOT NULL,
    PRIMARY KEY (committee_id, source)
) STRICT;

CREATE TABLE csb_deceased (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    list_number         INTEGER NOT NULL CHECK (list_number > 0),
    position            INTEGER NOT NULL CHECK (position > 0),
    recorded_by         INTEGER NOT NULL REFERENCES app_user (id),
    recorded_at         TEXT    NOT NULL,
    PRIMARY KEY (committee_id, list_number, position)
) STRICT;

-- Outcomes of the physical draws, in drawing order; the apportionment is re-run with all of them.
CREATE TABLE csb_lot (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    seq                 INTEGER NOT NULL CHECK (seq > 0),
    outcome             TEXT    NOT NULL,          -- "list 3" or a candidate id "3.7"
    recorded_by         INTEGER NOT NULL REFERENCES app_user (id),
    recorded_at         TEXT    NOT NULL,
    PRIMARY KEY (committee_id, seq)
) STRICT;

-- A finalised result and the documents generated from it, stored so every download gives the same bytes.
CREATE TABLE csb_document (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('P22_2', 'EML_520', 'EML_510D')),
    file_name           TEXT    NOT NULL,
    media_type          TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    created_by          INTEGER NOT NULL REFERENCES app_user (id),
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (committee_id, kind)
) STRICT;
