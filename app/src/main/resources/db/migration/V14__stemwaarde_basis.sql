-- EK stemwaarde check (Kieswet U 2 lid 1, docs/CSB.md §7): the coordinator may enter, beside the published
-- stemwaarde of a voting body, its inhabitants and number of members and the kind of body; the software then
-- computes U 2 lid 1 and refuses a published value that differs (the kiescollege niet-ingezetenen, whose rule is
-- unconfirmed, is accepted as entered). All three are NULL when the check was not used.

ALTER TABLE csb_district ADD COLUMN inhabitants INTEGER CHECK (inhabitants IS NULL OR inhabitants BETWEEN 0 AND 1000000000);
ALTER TABLE csb_district ADD COLUMN members INTEGER CHECK (members IS NULL OR members BETWEEN 1 AND 10000);
ALTER TABLE csb_district ADD COLUMN body_kind TEXT CHECK (body_kind IS NULL
    OR body_kind IN ('PROVINCE', 'ISLAND_KIESCOLLEGE', 'NON_RESIDENTS_KIESCOLLEGE'));
