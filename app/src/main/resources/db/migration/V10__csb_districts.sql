-- Centraal stembureau of an election with several kieskringen (TK, EP, PS2) or voting bodies (EK), docs/CSB.md
-- "Multi-district results": the kieskringen with, for the EK, the stemwaarde the coordinator entered (Kieswet U 2),
-- the candidate lists (230b) received per kieskring, kept byte for byte after the fingerprint challenge, and the
-- deceased candidates by candidate id (one person may stand on lists of several kieskringen, P 16). STRICT tables.

CREATE TABLE csb_district (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),   -- kieskring number from the election definition
    name                TEXT    NOT NULL,
    vote_weight         INTEGER CHECK (vote_weight IS NULL OR vote_weight BETWEEN 1 AND 1000000),  -- EK only
    weight_recorded_by  INTEGER REFERENCES app_user (id),
    weight_recorded_at  TEXT,
    PRIMARY KEY (committee_id, number)
) STRICT;

-- One 230b per contest: the contest id is the kieskring number, or 'alle' for lists that apply to every kieskring.
CREATE TABLE csb_district_lists (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    contest_id          TEXT    NOT NULL,
    file_name           TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    imported_by         INTEGER NOT NULL REFERENCES app_user (id),
    imported_at         TEXT    NOT NULL,
    PRIMARY KEY (committee_id, contest_id)
) STRICT;

CREATE TABLE csb_deceased_candidate (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    candidate_id        TEXT    NOT NULL,          -- "list.ShortCode" or "list.name", see ApportionmentInputBuilder
    recorded_by         INTEGER NOT NULL REFERENCES app_user (id),
    recorded_at         TEXT    NOT NULL,
    PRIMARY KEY (committee_id, candidate_id)
) STRICT;

-- csb_document already accepts P22_1 and U16 (V9 rebuilt it for the HSB and the multi-district CSB).
