-- Coachlog schema, version 9: the leader's portfolio milestones.
--
-- `milestone`: a date the leader's portfolio works towards (a GA, a launch,
-- a special project's deadline) — the leader's own, not a PM's. Its day is
-- either given (`release` NULL) or the release day of the version in
-- `release` (`X.Y`), which the store resolves with the release settings and
-- keeps resolved when they change. Optional stages (one per line, compared
-- as names are), an optional link and private Markdown notes. In the search
-- index as source 7 (title, then notes), dated by its day.

CREATE TABLE milestone (
    id      INTEGER PRIMARY KEY,
    title   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    date    TEXT NOT NULL CHECK (date(date) IS date),
    release TEXT CHECK (release IS NULL OR length(release) BETWEEN 3 AND 7),
    stages  TEXT NOT NULL DEFAULT '',
    link    TEXT CHECK (link IS NULL OR length(link) BETWEEN 1 AND 2000),
    notes   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX milestone_by_date ON milestone (date);

CREATE TRIGGER milestone_search_insert AFTER INSERT ON milestone BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 7,
            new.title || char(10) || new.notes);
END;
CREATE TRIGGER milestone_search_update AFTER UPDATE OF date, title, notes ON milestone BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 7;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 7,
            new.title || char(10) || new.notes);
END;
CREATE TRIGGER milestone_search_delete AFTER DELETE ON milestone BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 7;
END;
