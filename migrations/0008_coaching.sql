-- Coachlog schema, version 8: coaching the whole PM.
--
-- 1. `person.reports_to`: a skip-level report names the manager on the team
--    they report to. A skip-level report is never tracked, and a manager is
--    not a skip-level report (checked by the store; the column checks the
--    first). Deleting the manager empties it (the Trash sets it back).
-- 2. `cdf_review`: a Career Development Framework review of a person — its
--    date, 1 to 3 focus areas (one per line in `focus`), private notes and
--    an optional link. In the search index as source 6 (focus areas, then
--    notes), dated by the review.
-- 3. `template`: the Markdown that pre-fills a new 1:1's notes (the
--    leader's default, or one person's own) or a new walkthrough's
--    findings. A missing row means Coachlog's own default.
-- 4. `accountability_update.objectives`: an OKR update's objectives and
--    key results (JSON, written and checked by the store); `[]` for every
--    other kind.

ALTER TABLE person ADD COLUMN reports_to INTEGER
    REFERENCES person (id) ON DELETE SET NULL
    CHECK (reports_to IS NULL OR (tracked = 0 AND reports_to <> id));
CREATE INDEX person_by_reports_to ON person (reports_to) WHERE reports_to IS NOT NULL;

CREATE TABLE cdf_review (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    date      TEXT NOT NULL CHECK (date(date) IS date),
    focus     TEXT NOT NULL CHECK (length(focus) BETWEEN 1 AND 1000),
    notes     TEXT NOT NULL DEFAULT '',
    link      TEXT CHECK (link IS NULL OR length(link) BETWEEN 1 AND 2000)
) STRICT;
CREATE UNIQUE INDEX cdf_review_by_person_date ON cdf_review (person_id, date);

CREATE TABLE template (
    kind      TEXT NOT NULL CHECK (kind IN ('one_on_one', 'walkthrough')),
    person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    body      TEXT NOT NULL CHECK (length(body) <= 20000),
    CHECK (person_id IS NULL OR kind = 'one_on_one')
) STRICT;
CREATE UNIQUE INDEX template_by_kind_person ON template (kind, ifnull(person_id, 0));

ALTER TABLE accountability_update ADD COLUMN objectives TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(objectives) AND (kind = 'okrs' OR objectives = '[]'));

CREATE TRIGGER cdf_review_search_insert AFTER INSERT ON cdf_review BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 6,
            new.focus || char(10) || new.notes);
END;
CREATE TRIGGER cdf_review_search_update AFTER UPDATE OF date, focus, notes ON cdf_review BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 6;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 6,
            new.focus || char(10) || new.notes);
END;
CREATE TRIGGER cdf_review_search_delete AFTER DELETE ON cdf_review BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 6;
END;
