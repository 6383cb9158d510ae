-- Coachlog schema, version 6: the search index in date order.
--
-- A word in tens of thousands of records made every search for it rank
-- every match (FTS5's bm25 reads each match's length). With the record's
-- date in the high bits of the rowid, `store::search` finds the newest
-- matches in rowid order and ranks only those.
--
-- rowid = (julian day of the record's date - 2086302) << 41 | id << 3 | source
--   the day: 0 for 1000-01-01 … 3,287,182 for 9999-12-31 (22 bits);
--   the id: below 2^38 (the import accepts ids up to 2^36 - 1);
--   source: 1 one_on_one, 2 agenda_item, 3 check_in, 4 walkthrough, 5 win.
-- The date is the 1:1's, the agenda item's opened_on, the check-in's, the
-- walkthrough's and the win's noted_on.

DROP TRIGGER one_on_one_search_insert;
DROP TRIGGER one_on_one_search_update;
DROP TRIGGER one_on_one_search_delete;
DROP TRIGGER agenda_item_search_insert;
DROP TRIGGER agenda_item_search_update;
DROP TRIGGER agenda_item_search_delete;
DROP TRIGGER check_in_search_insert;
DROP TRIGGER check_in_search_update;
DROP TRIGGER check_in_search_delete;
DROP TRIGGER walkthrough_search_insert;
DROP TRIGGER walkthrough_search_update;
DROP TRIGGER walkthrough_search_delete;
DROP TRIGGER win_search_insert;
DROP TRIGGER win_search_update;
DROP TRIGGER win_search_delete;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO search_index (rowid, body)
SELECT ((CAST(julianday(date) AS INTEGER) - 2086302) << 41) | (id << 3) | 1, notes
FROM one_on_one;
INSERT INTO search_index (rowid, body)
SELECT ((CAST(julianday(opened_on) AS INTEGER) - 2086302) << 41) | (id << 3) | 2, text
FROM agenda_item;
INSERT INTO search_index (rowid, body)
SELECT ((CAST(julianday(date) AS INTEGER) - 2086302) << 41) | (id << 3) | 3, notes
FROM check_in;
INSERT INTO search_index (rowid, body)
SELECT ((CAST(julianday(date) AS INTEGER) - 2086302) << 41) | (id << 3) | 4,
       title || char(10) || findings
FROM walkthrough;
INSERT INTO search_index (rowid, body)
SELECT ((CAST(julianday(noted_on) AS INTEGER) - 2086302) << 41) | (id << 3) | 5, text
FROM win;

CREATE TRIGGER one_on_one_search_insert AFTER INSERT ON one_on_one BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 1,
            new.notes);
END;
CREATE TRIGGER one_on_one_search_update AFTER UPDATE OF date, notes ON one_on_one BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 1;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 1,
            new.notes);
END;
CREATE TRIGGER one_on_one_search_delete AFTER DELETE ON one_on_one BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 1;
END;

CREATE TRIGGER agenda_item_search_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.opened_on) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 2,
            new.text);
END;
CREATE TRIGGER agenda_item_search_update AFTER UPDATE OF opened_on, text ON agenda_item BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.opened_on) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 2;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.opened_on) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 2,
            new.text);
END;
CREATE TRIGGER agenda_item_search_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.opened_on) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 2;
END;

CREATE TRIGGER check_in_search_insert AFTER INSERT ON check_in BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 3,
            new.notes);
END;
CREATE TRIGGER check_in_search_update AFTER UPDATE OF date, notes ON check_in BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 3;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 3,
            new.notes);
END;
CREATE TRIGGER check_in_search_delete AFTER DELETE ON check_in BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 3;
END;

CREATE TRIGGER walkthrough_search_insert AFTER INSERT ON walkthrough BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 4,
            new.title || char(10) || new.findings);
END;
CREATE TRIGGER walkthrough_search_update AFTER UPDATE OF date, title, findings ON walkthrough
BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 4;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.date) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 4,
            new.title || char(10) || new.findings);
END;
CREATE TRIGGER walkthrough_search_delete AFTER DELETE ON walkthrough BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.date) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 4;
END;

CREATE TRIGGER win_search_insert AFTER INSERT ON win BEGIN
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.noted_on) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 5,
            new.text);
END;
CREATE TRIGGER win_search_update AFTER UPDATE OF noted_on, text ON win BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.noted_on) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 5;
    INSERT INTO search_index (rowid, body)
    VALUES (((CAST(julianday(new.noted_on) AS INTEGER) - 2086302) << 41) | (new.id << 3) | 5,
            new.text);
END;
CREATE TRIGGER win_search_delete AFTER DELETE ON win BEGIN
    DELETE FROM search_index
    WHERE rowid = ((CAST(julianday(old.noted_on) AS INTEGER) - 2086302) << 41) | (old.id << 3) | 5;
END;
