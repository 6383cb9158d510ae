-- Coachlog schema, version 5: indexes so that no screen reads a whole table
-- of history.
--
-- Every list query is planned from the filters that are set (see
-- `store::Conditions`), and each filter a screen or the summary uses has an
-- index to seek with; `crates/core/tests/query_plans.rs` checks the plans
-- (docs/performance.md).

-- 1:1s in a date range, whoever they were with.
CREATE INDEX one_on_one_by_date ON one_on_one (date);

-- Updates of one period (month or fiscal quarter).
CREATE INDEX accountability_update_by_period ON accountability_update (period);

-- Interviews of a month, and those held by a day (the hiring rules).
CREATE INDEX interview_by_date ON interview (date);

-- Wins noted or shared in a month, and the wins not shared by a day.
CREATE INDEX win_by_noted ON win (noted_on);
CREATE INDEX win_by_shared ON win (shared_on);
