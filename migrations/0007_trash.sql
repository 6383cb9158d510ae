-- Coachlog schema, version 7: the Trash, and tables every SQLite reads as sound.
--
-- 1. The Trash. Deleting a record moves it — with what goes with it — out
--    of the live tables into one `trash` entry: the rows as they were, in
--    the order that puts them back (`rows`, JSON), so a restore writes them
--    again with the same ids and the search index's triggers rebuild its
--    entries exactly. Everything else (lists, search, nudges, summaries,
--    exports) reads the live tables only, so a trashed record is invisible
--    there by construction. An entry is purged `trash_days` (a setting)
--    after `deleted_on`.
-- 2. `id_floor`: per table, the highest id ever moved to the Trash. New
--    records are numbered above it, so a restored record finds its id free.
-- 3. The three WITHOUT ROWID tables whose primary key did not come first
--    (`person_scope`, `one_on_one_tag`, `walkthrough_scope`) are rebuilt with
--    the key's columns first: SQLite 3.40 (Debian 12's `sqlite3`) reports
--    every row of such a table as "NULL value in …" in `PRAGMA
--    integrity_check`, although the data is sound. Same columns, same
--    constraints, same index.

CREATE TABLE trash (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    record_id  INTEGER NOT NULL,
    label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 400),
    deleted_on TEXT NOT NULL CHECK (date(deleted_on) IS deleted_on),
    counts     TEXT NOT NULL CHECK (json_valid(counts)),
    rows       TEXT NOT NULL CHECK (json_valid(rows))
) STRICT;
CREATE INDEX trash_by_deleted_on ON trash (deleted_on);

CREATE TABLE id_floor (
    tbl    TEXT PRIMARY KEY NOT NULL,
    max_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE person_scope_v7 (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('stage', 'group')),
    name_key  TEXT NOT NULL,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (person_id, kind, name_key)
) STRICT, WITHOUT ROWID;
INSERT INTO person_scope_v7 (person_id, kind, name_key, position, name)
    SELECT person_id, kind, name_key, position, name FROM person_scope;
DROP TABLE person_scope;
ALTER TABLE person_scope_v7 RENAME TO person_scope;
CREATE INDEX person_scope_by_name ON person_scope (kind, name_key);

CREATE TABLE one_on_one_tag_v7 (
    one_on_one_id INTEGER NOT NULL REFERENCES one_on_one (id) ON DELETE CASCADE,
    name_key      TEXT NOT NULL,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (one_on_one_id, name_key)
) STRICT, WITHOUT ROWID;
INSERT INTO one_on_one_tag_v7 (one_on_one_id, name_key, position, name)
    SELECT one_on_one_id, name_key, position, name FROM one_on_one_tag;
DROP TABLE one_on_one_tag;
ALTER TABLE one_on_one_tag_v7 RENAME TO one_on_one_tag;

CREATE TABLE walkthrough_scope_v7 (
    walkthrough_id INTEGER NOT NULL REFERENCES walkthrough (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('stage', 'category')),
    name_key       TEXT NOT NULL,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (walkthrough_id, kind, name_key)
) STRICT, WITHOUT ROWID;
INSERT INTO walkthrough_scope_v7 (walkthrough_id, kind, name_key, position, name)
    SELECT walkthrough_id, kind, name_key, position, name FROM walkthrough_scope;
DROP TABLE walkthrough_scope;
ALTER TABLE walkthrough_scope_v7 RENAME TO walkthrough_scope;
CREATE INDEX walkthrough_scope_by_name ON walkthrough_scope (kind, name_key);
