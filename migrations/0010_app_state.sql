-- Coachlog schema, version 10: what the app remembers about itself.
--
-- `app_state`: a small key/value table for the app's own memory — not a
-- record (not exported, not searched, never in the Trash) and not a setting
-- (the leader does not set it; `coachlog settings` does not list it). One
-- key so far (`crates/core/src/store/app_state.rs`):
--   digest_shown_on  the day the daily digest last counted as shown, so a
--                    restart the same day does not show it again.

CREATE TABLE app_state (
    key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL
) STRICT;
