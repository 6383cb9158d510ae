-- Coachlog schema, version 1.
--
-- Migrations are append-only: never edit a released file, add the next one.
-- Pragmas (foreign_keys, journal_mode, busy_timeout) are per connection and
-- live in the core's `db` module, not here.
--
-- Conventions
--   * ids are INTEGER PRIMARY KEY (stable; the interchange file uses them);
--   * calendar dates are TEXT 'YYYY-MM-DD' and checked with date(x) IS x;
--   * free-text names the app offers again (stages, groups, categories, teams,
--     coaching tags) keep what was typed in `name` and a comparison key in
--     `name_key` (trimmed, Unicode lower-cased; computed by the core);
--   * enumerations are lower_snake_case TEXT with CHECK constraints.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key     TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    job_family   TEXT NOT NULL CHECK (job_family IN (
                     'product_manager', 'senior_product_manager', 'principal_product_manager',
                     'group_manager_product', 'director_of_product', 'vp', 'evp',
                     'engineering_manager', 'other')),
    level        TEXT NOT NULL CHECK (level IN (
                     'ic', 'manager', 'director', 'senior_leader', 'executive')),
    scope_kind   TEXT NOT NULL CHECK (scope_kind IN (
                     'group', 'stage', 'section', 'collection_of_groups')),
    section      TEXT CHECK (section IS NULL OR length(section) BETWEEN 1 AND 200),
    since        TEXT NOT NULL CHECK (date(since) IS since),
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 366),
    tracked      INTEGER NOT NULL DEFAULT 1 CHECK (tracked IN (0, 1)),
    archived_on  TEXT CHECK (archived_on IS NULL OR date(archived_on) IS archived_on),
    CHECK (archived_on IS NULL OR archived_on >= since)
) STRICT;

-- Stage and group names of a person's scope, in the order given.
CREATE TABLE person_scope (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('stage', 'group')),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key  TEXT NOT NULL,
    PRIMARY KEY (person_id, kind, name_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_scope_by_name ON person_scope (kind, name_key);

CREATE TABLE one_on_one (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    date      TEXT NOT NULL CHECK (date(date) IS date),
    status    TEXT NOT NULL CHECK (status IN ('held', 'skipped', 'cancelled')),
    notes     TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, date)
) STRICT;

CREATE TABLE one_on_one_tag (
    one_on_one_id INTEGER NOT NULL REFERENCES one_on_one (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key      TEXT NOT NULL,
    PRIMARY KEY (one_on_one_id, name_key)
) STRICT, WITHOUT ROWID;

-- The living agenda: one continually modified list per person (the handbook's
-- "hallway" format). Closing keeps the open tag so history stays readable.
CREATE TABLE agenda_item (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    open_tag       TEXT NOT NULL CHECK (open_tag IN (
                       'todo', 'doto', 'discuss', 'review', 'help', 'think')),
    timing_date    TEXT CHECK (timing_date IS NULL OR date(timing_date) IS timing_date),
    timing_release TEXT,
    raised_by      TEXT NOT NULL CHECK (raised_by IN ('leader', 'person')),
    opened_on      TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
    opened_in      INTEGER REFERENCES one_on_one (id) ON DELETE SET NULL,
    close_tag      TEXT CHECK (close_tag IS NULL OR close_tag IN (
                       'fyi', 'done', 'move', 'duplicate', 'wont', 'why', 'idea',
                       'thanks', 'sorry', 'feedback')),
    closed_on      TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    closed_in      INTEGER REFERENCES one_on_one (id) ON DELETE SET NULL,
    CHECK (timing_date IS NULL OR timing_release IS NULL),
    CHECK ((close_tag IS NULL) = (closed_on IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK (closed_in IS NULL OR closed_on IS NOT NULL)
) STRICT;
CREATE INDEX agenda_item_by_person ON agenda_item (person_id, closed_on);

-- Accountability updates. person_id NULL is the leader (portfolio direction).
CREATE TABLE accountability_update (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    kind      TEXT NOT NULL CHECK (kind IN (
                  'next_release', 'three_month_vision', 'okrs', 'portfolio_direction')),
    period    TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('not_started', 'in_review', 'done')),
    done_on   TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    link      TEXT CHECK (link IS NULL OR length(link) BETWEEN 1 AND 2000),
    CHECK ((status = 'done') = (done_on IS NOT NULL)),
    CHECK ((kind = 'portfolio_direction') = (person_id IS NULL))
) STRICT;
CREATE INDEX accountability_update_by_period ON accountability_update (person_id, kind, period);

-- A PM's internal customer (a team, for a category).
CREATE TABLE customer_link (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    team         TEXT NOT NULL CHECK (length(team) BETWEEN 1 AND 200),
    team_key     TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
    category_key TEXT NOT NULL,
    since        TEXT NOT NULL CHECK (date(since) IS since),
    archived_on  TEXT CHECK (archived_on IS NULL OR date(archived_on) IS archived_on),
    CHECK (archived_on IS NULL OR archived_on >= since)
) STRICT;
CREATE INDEX customer_link_by_person ON customer_link (person_id);

CREATE TABLE check_in (
    id           INTEGER PRIMARY KEY,
    link_id      INTEGER NOT NULL REFERENCES customer_link (id) ON DELETE RESTRICT,
    date         TEXT NOT NULL CHECK (date(date) IS date),
    epic_updated INTEGER NOT NULL CHECK (epic_updated IN (0, 1)),
    notes        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX check_in_by_link ON check_in (link_id, date);

CREATE TABLE requisition (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    level     TEXT NOT NULL CHECK (level IN (
                  'ic', 'manager', 'director', 'senior_leader', 'executive')),
    opened_on TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
    status    TEXT NOT NULL CHECK (status IN ('open', 'filled', 'cancelled')),
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    CHECK ((status = 'open') = (closed_on IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
) STRICT;

-- A member of a requisition's interview loop: a person of the team or a free name.
CREATE TABLE loop_member (
    id              INTEGER PRIMARY KEY,
    requisition_id  INTEGER NOT NULL REFERENCES requisition (id) ON DELETE CASCADE,
    person_id       INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    name            TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    role            TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 200),
    works_with_hire INTEGER NOT NULL CHECK (works_with_hire IN (0, 1)),
    CHECK ((person_id IS NULL) <> (name IS NULL))
) STRICT;
CREATE INDEX loop_member_by_requisition ON loop_member (requisition_id);

CREATE TABLE interview (
    id             INTEGER PRIMARY KEY,
    requisition_id INTEGER NOT NULL REFERENCES requisition (id) ON DELETE CASCADE,
    date           TEXT NOT NULL CHECK (date(date) IS date),
    candidate      TEXT NOT NULL CHECK (length(candidate) BETWEEN 1 AND 200)
) STRICT;
CREATE INDEX interview_by_requisition ON interview (requisition_id, date);

CREATE TABLE interviewer (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    person_id    INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    name         TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    CHECK ((person_id IS NULL) <> (name IS NULL)),
    PRIMARY KEY (interview_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX interviewer_by_person ON interviewer (person_id);

CREATE TABLE walkthrough (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL CHECK (date(date) IS date),
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    findings   TEXT NOT NULL DEFAULT '',
    issue_link TEXT CHECK (issue_link IS NULL OR length(issue_link) BETWEEN 1 AND 2000)
) STRICT;
CREATE INDEX walkthrough_by_date ON walkthrough (date);

-- Stages and categories a walkthrough covered.
CREATE TABLE walkthrough_scope (
    walkthrough_id INTEGER NOT NULL REFERENCES walkthrough (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('stage', 'category')),
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key       TEXT NOT NULL,
    PRIMARY KEY (walkthrough_id, kind, name_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX walkthrough_scope_by_name ON walkthrough_scope (kind, name_key);

CREATE TABLE win (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    noted_on     TEXT NOT NULL CHECK (date(noted_on) IS noted_on),
    text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    shared_on    TEXT CHECK (shared_on IS NULL OR date(shared_on) IS shared_on),
    shared_where TEXT CHECK (shared_where IS NULL OR length(shared_where) <= 200),
    CHECK (shared_on IS NULL OR shared_on >= noted_on),
    CHECK (shared_where IS NULL OR shared_on IS NOT NULL)
) STRICT;
CREATE INDEX win_by_person ON win (person_id, noted_on);

-- Full-text search over 1:1 notes, agenda items, check-in notes, walkthroughs
-- and wins. The rowid encodes the source: rowid = id * 8 + source code
-- (1 one_on_one, 2 agenda_item, 3 check_in, 4 walkthrough, 5 win), so that the
-- triggers below update one row by its rowid without scanning.
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER one_on_one_search_insert AFTER INSERT ON one_on_one BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1, new.notes);
END;
CREATE TRIGGER one_on_one_search_update AFTER UPDATE OF notes ON one_on_one BEGIN
    UPDATE search_index SET body = new.notes WHERE rowid = new.id * 8 + 1;
END;
CREATE TRIGGER one_on_one_search_delete AFTER DELETE ON one_on_one BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER agenda_item_search_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2, new.text);
END;
CREATE TRIGGER agenda_item_search_update AFTER UPDATE OF text ON agenda_item BEGIN
    UPDATE search_index SET body = new.text WHERE rowid = new.id * 8 + 2;
END;
CREATE TRIGGER agenda_item_search_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER check_in_search_insert AFTER INSERT ON check_in BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3, new.notes);
END;
CREATE TRIGGER check_in_search_update AFTER UPDATE OF notes ON check_in BEGIN
    UPDATE search_index SET body = new.notes WHERE rowid = new.id * 8 + 3;
END;
CREATE TRIGGER check_in_search_delete AFTER DELETE ON check_in BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER walkthrough_search_insert AFTER INSERT ON walkthrough BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 8 + 4, new.title || char(10) || new.findings);
END;
CREATE TRIGGER walkthrough_search_update AFTER UPDATE OF title, findings ON walkthrough BEGIN
    UPDATE search_index SET body = new.title || char(10) || new.findings
    WHERE rowid = new.id * 8 + 4;
END;
CREATE TRIGGER walkthrough_search_delete AFTER DELETE ON walkthrough BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER win_search_insert AFTER INSERT ON win BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 5, new.text);
END;
CREATE TRIGGER win_search_update AFTER UPDATE OF text ON win BEGIN
    UPDATE search_index SET body = new.text WHERE rowid = new.id * 8 + 5;
END;
CREATE TRIGGER win_search_delete AFTER DELETE ON win BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
