/** Coaching records for UI tests, shaped as the commands return them (the brief, CDF reviews). */
import type { Brief, BriefItem, CdfReview, PersonPage } from '$lib/types';
import { item, person } from './fixtures';

export function cdfReview(over: Partial<CdfReview> = {}): CdfReview {
  return {
    id: 70,
    person_id: 3,
    date: '2026-04-02',
    focus: ['Customer interviews every week', 'Write the direction page'],
    notes: 'Strong on **execution**. <img src=x onerror=alert(1)>',
    link: 'https://gitlab.example.com/cdf/70',
    ...over,
  };
}

export function briefItem(over: Partial<BriefItem> = {}): BriefItem {
  return { item: item(), carried_over: true, days_open: 7, due: '2026-05-21', owner: 'person', ...over };
}

/** Jane Doe's brief on 2026-05-14, one of everything. */
export function brief(over: Partial<Brief> = {}): Brief {
  return {
    as_of: '2026-05-14',
    person: person(),
    reports_to: null,
    cadence_days: 7,
    last_held: '2026-05-07',
    next_one_on_one: '2026-05-14',
    agenda: [
      briefItem(),
      briefItem({
        item: item({ id: 12, text: 'Context on **pricing**', open_tag: 'help', raised_by: 'person', timing: null, opened_on: '2026-05-12' }),
        carried_over: false,
        days_open: 2,
        due: '2026-05-14',
        owner: 'leader',
      }),
    ],
    balance_from: '2026-02-14',
    agenda_balance: {
      raised_by_person: 2,
      raised_by_leader: 5,
      warning: 'If the manager puts more than half of the items on the agenda this is an indication that something is wrong',
    },
    owed: [
      briefItem({
        item: item({ id: 12, text: 'Context on **pricing**', open_tag: 'help', raised_by: 'person', timing: null, opened_on: '2026-05-12' }),
        carried_over: false,
        days_open: 2,
        due: '2026-05-14',
        owner: 'leader',
      }),
    ],
    wins_since: '2026-05-07',
    wins: [
      { win_id: 5, noted_on: '2026-05-09', text: 'Shipped <script>alert(1)</script> the roadmap', shared_on: null, shared_where: null },
      { win_id: 6, noted_on: '2026-05-10', text: 'Beta signed', shared_on: '2026-05-11', shared_where: 'staff meeting' },
    ],
    overdue: [
      {
        key: 'cdf_review:3:2026-05-10',
        rule: 'cdf_review',
        person_id: 3,
        person: 'Jane Doe',
        owner: null,
        subject: 'CDF review of Jane Doe',
        period: null,
        due: '2026-05-10',
        overdue_days: 4,
        message: 'The CDF review of Jane Doe is 4 days overdue.',
        record_id: null,
      },
    ],
    cdf: {
      last: { cdf_review_id: 70, date: '2026-02-09', focus: ['Customer interviews every week', 'Write the direction page'], link: null },
      next_due: '2026-05-10',
    },
    career: { tag: 'career', last: '2025-12-01', days_since: 164, next_due: '2026-06-01' },
    updates: [
      { kind: 'next_release', period: '2026-05', due: '2026-05-21', update_id: 9, status: 'done', done_on: '2026-05-12', link: 'https://gitlab.example.com/mr/1', objectives: [] },
      { kind: 'three_month_vision', period: '2026-05', due: '2026-05-21', update_id: null, status: null, done_on: null, link: null, objectives: [] },
      {
        kind: 'okrs',
        period: 'FY27-Q2',
        due: '2026-05-21',
        update_id: 10,
        status: 'in_review',
        done_on: null,
        link: null,
        objectives: [{ text: 'Grow Plan adoption', key_results: [{ text: '10 new enterprise teams', score: 0.7 }, { text: 'Docs revamp', score: null }] }],
      },
    ],
    customers: [
      {
        link_id: 2,
        team: 'Support',
        category: 'Boards',
        since: '2025-01-06',
        last_check_in: '2026-04-30',
        days_since_check_in: 14,
        last_epic_update: null,
        next_check_in_due: '2026-05-30',
      },
    ],
    next_release: { version: '19.0', month: '2026-05', date: '2026-05-21' },
    ...over,
  };
}

/** Jane Doe's page on 2026-05-14: the coaching facts of her brief, no recent records. */
export function personPage(over: Partial<PersonPage> = {}): PersonPage {
  const b = brief();
  return {
    as_of: b.as_of,
    person: b.person,
    reports_to: null,
    cadence_days: 7,
    open_agenda: [],
    recent_one_on_ones: [],
    customers: [],
    recent_updates: [],
    recent_wins: [],
    cdf: b.cdf,
    career: b.career,
    balance_from: b.balance_from,
    agenda_balance: b.agenda_balance,
    skip_level_reports: [],
    milestones: [],
    ...over,
  };
}
