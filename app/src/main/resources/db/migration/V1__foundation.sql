-- Foundation schema: elections with their lists, candidates and polling stations, committees, users and the
-- audit log. STRICT tables so SQLite refuses a value of the wrong type instead of storing it.

CREATE TABLE election (
    id                  INTEGER PRIMARY KEY,
    identifier          TEXT    NOT NULL UNIQUE,   -- EML ElectionIdentifier/@Id, e.g. GR2026_Stadskanaal
    name                TEXT    NOT NULL,
    category            TEXT    NOT NULL,          -- GR, AB, PS, TK, EP, EK, ER
    subcategory         TEXT    NOT NULL,          -- EML ElectionSubcategory, e.g. GR1
    election_date       TEXT    NOT NULL,          -- ISO date of the polling day
    number_of_seats     INTEGER NOT NULL CHECK (number_of_seats > 0),
    domain_name         TEXT    NOT NULL,          -- municipality, province or water authority
    domain_id           TEXT    NOT NULL,          -- e.g. CBS municipality code 0668
    counting_method     TEXT    NOT NULL CHECK (counting_method IN ('CSO', 'DSO')),
    eligible_voters     INTEGER CHECK (eligible_voters IS NULL OR eligible_voters >= 0),
    created_at          TEXT    NOT NULL
) STRICT;

CREATE TABLE political_group (
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    name                TEXT    NOT NULL,          -- may be empty: a list without appellation
    PRIMARY KEY (election_id, number)
) STRICT;

CREATE TABLE candidate (
    election_id         INTEGER NOT NULL,
    list_number         INTEGER NOT NULL,
    position            INTEGER NOT NULL CHECK (position > 0),
    initials            TEXT    NOT NULL,
    first_name          TEXT,
    name_prefix         TEXT,
    last_name           TEXT    NOT NULL,
    locality            TEXT,
    gender              TEXT,
    PRIMARY KEY (election_id, list_number, position),
    FOREIGN KEY (election_id, list_number) REFERENCES political_group (election_id, number) ON DELETE CASCADE
) STRICT;

CREATE TABLE polling_station (
    id                  INTEGER PRIMARY KEY,
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    name                TEXT    NOT NULL,
    postcode            TEXT,
    locality            TEXT,
    kind                TEXT    NOT NULL DEFAULT 'FIXED' CHECK (kind IN ('FIXED', 'SPECIAL', 'MOBILE')),
    eligible_voters     INTEGER CHECK (eligible_voters IS NULL OR eligible_voters >= 0),
    UNIQUE (election_id, number)
) STRICT;

CREATE TABLE committee (
    id                  INTEGER PRIMARY KEY,
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('GSB', 'HSB', 'CSB')),
    name                TEXT    NOT NULL,
    managing_authority  TEXT    NOT NULL,          -- EML ManagingAuthority/AuthorityIdentifier/@Id
    UNIQUE (election_id, kind, managing_authority)
) STRICT;

CREATE TABLE app_user (
    id                  INTEGER PRIMARY KEY,
    username            TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    full_name           TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,          -- Argon2id, never a plain password
    role                TEXT    NOT NULL CHECK (role IN ('ADMINISTRATOR', 'COORDINATOR', 'TYPIST', 'OBSERVER')),
    committee_id        INTEGER REFERENCES committee (id),
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at          TEXT    NOT NULL,
    last_login_at       TEXT,
    -- Everyone but the administrator works for exactly one committee.
    CHECK (role = 'ADMINISTRATOR' OR committee_id IS NOT NULL)
) STRICT;

-- The audit log is a hash chain: each event carries the hash of the one before, so an edited, removed or
-- inserted event breaks the chain at a place `uitslag audit verify` can name.
CREATE TABLE audit_event (
    seq                 INTEGER PRIMARY KEY,
    occurred_at         TEXT    NOT NULL,
    event_type          TEXT    NOT NULL,
    level               TEXT    NOT NULL CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
    user_id             INTEGER,
    username            TEXT,
    remote_address      TEXT,
    details             TEXT    NOT NULL,
    previous_hash       TEXT    NOT NULL,
    hash                TEXT    NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
