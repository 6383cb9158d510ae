-- Coachlog schema, version 3: snoozed and dismissed nudges.
--
-- A nudge is identified by its stable key (see PRACTICES.md, "Keys"); a
-- recurring lapse gets a new key each time, so a row here concerns exactly one
-- lapse. A snoozed key is hidden while as_of <= snoozed_until; a dismissed key
-- is hidden for good until the row is removed (undo).

CREATE TABLE nudge_state (
    key           TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 500),
    snoozed_until TEXT CHECK (snoozed_until IS NULL OR date(snoozed_until) IS snoozed_until),
    dismissed     INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
    CHECK (dismissed = 1 OR snoozed_until IS NOT NULL)
) STRICT;
