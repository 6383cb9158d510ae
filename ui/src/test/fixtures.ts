/** Records for UI tests, shaped as the commands return them. */
import type { AgendaItem, Nudge, Person } from '$lib/types';

export function person(over: Partial<Person> = {}): Person {
  return {
    id: 3,
    name: 'Jane Doe',
    title: 'Senior Product Manager, Plan',
    job_family: 'senior_product_manager',
    level: 'ic',
    scope: { kind: 'group', section: 'Dev', stages: ['Plan'], groups: ['Project Management'] },
    since: '2025-01-06',
    cadence_days: null,
    tracked: true,
    archived_on: null,
    reports_to: null,
    ...over,
  };
}

export function item(over: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 11,
    person_id: 3,
    text: 'Write the pricing MR',
    open_tag: 'todo',
    timing: '19.2',
    raised_by: 'leader',
    opened_on: '2026-05-07',
    opened_in: 40,
    close_tag: null,
    closed_on: null,
    closed_in: null,
    ...over,
  };
}

/** A nudge as `overdue` returns it. */
export function nudge(over: Partial<Nudge> = {}): Nudge {
  return {
    key: 'one_on_one:3:2026-05-07',
    rule: 'one_on_one',
    person_id: 3,
    person: 'Jane Doe',
    owner: null,
    subject: '1:1 with Jane Doe',
    period: null,
    due: '2026-05-07',
    overdue_days: 7,
    message: '1:1 with Jane Doe is 7 days overdue (last held 2026-04-30, every 7 days; due 2026-05-07).',
    record_id: null,
    ...over,
  };
}
