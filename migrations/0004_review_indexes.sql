-- Coachlog schema, version 4: indexes for the overdue review.
--
-- The review reads, for one day, the last held 1:1 per person, the agenda
-- items open at the end of the day, where every (person, kind, period) of
-- updates stands, and the last check-ins per link. These indexes let SQLite
-- answer each from an index alone, so the review stays fast on years of
-- history (docs/performance.md).

CREATE INDEX one_on_one_held ON one_on_one (person_id, date) WHERE status = 'held';

CREATE INDEX agenda_item_by_closed ON agenda_item (closed_on, opened_on);

CREATE INDEX accountability_update_state
    ON accountability_update (person_id, kind, period, status, done_on, id);
DROP INDEX accountability_update_by_period;

CREATE INDEX check_in_by_link_date ON check_in (link_id, date, epic_updated);
DROP INDEX check_in_by_link;
