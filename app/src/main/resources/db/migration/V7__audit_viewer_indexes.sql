-- Indexes for the audit viewer (issue 10): a filter on user, event type or level walks its own index in seq
-- order, so the newest page of a filtered log of 100,000 events is read without a full scan or a sort. A time
-- range gets no index on purpose: with one, SQLite would sort every event in the range by seq; without, it reads
-- backwards in seq order and stops after one page. The chain itself is untouched.
CREATE INDEX audit_event_by_type ON audit_event (event_type, seq);
CREATE INDEX audit_event_by_user ON audit_event (username COLLATE NOCASE, seq);
CREATE INDEX audit_event_by_level ON audit_event (level, seq);
