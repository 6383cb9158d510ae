-- Coachlog schema, version 2: drafts of 1:1s being written.
--
-- One draft per person, saved as the leader types so that closing the window
-- or a crash never loses a note. `body` is the draft as JSON (the core's
-- `Draft` type); it is replaced wholesale on every save and deleted when the
-- 1:1 is logged or the draft discarded.

CREATE TABLE draft (
    person_id INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    body      TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
