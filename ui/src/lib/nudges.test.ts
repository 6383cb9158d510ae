import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { nudge } from '../test/fixtures';
import { act, actionFor, dueWords, groupNudges, nextMonday, RULES, snoozeHint, snoozePicks, updateKind } from './nudges';
import type { Nudge, Rule } from './types';

afterEach(() => clearMocks());

/** Records the calls made through IPC; answers each with `{}`. */
function record() {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return {};
  });
  return calls;
}

describe('groupNudges', () => {
  it('groups by practice, the most overdue group and item first', () => {
    const list: Nudge[] = [
      nudge({ key: 'win_unshared:4', rule: 'win_unshared', overdue_days: 2, person: 'Zoë Ng' }),
      nudge({ key: 'one_on_one:3:2026-05-10', overdue_days: 4, person: 'Jane Doe' }),
      nudge({ key: 'request:9', rule: 'request', overdue_days: 9, person: 'Dmitri Janssen' }),
      nudge({ key: 'one_on_one:5:2026-05-04', overdue_days: 10, person: 'Ann Lee' }),
      nudge({ key: 'one_on_one:6:2026-05-16', overdue_days: -2, person: 'Bo Li' }),
      nudge({ key: 'win_unshared:2', rule: 'win_unshared', overdue_days: 2, person: 'anna Berg' }),
      nudge({ key: 'walkthrough:2026-05', rule: 'walkthrough', overdue_days: 9, person: null, person_id: null }),
    ];
    const groups = groupNudges(list);
    expect(groups.map((g) => [g.label, g.items.map((n) => n.key), g.overdue])).toEqual([
      ['1:1s', ['one_on_one:5:2026-05-04', 'one_on_one:3:2026-05-10', 'one_on_one:6:2026-05-16'], 2],
      // Ties between groups go in the catalogue's order.
      ['Requests', ['request:9'], 1],
      ['Walkthroughs', ['walkthrough:2026-05'], 1],
      // Ties inside a group by person, case-insensitively.
      ['Wins to share', ['win_unshared:2', 'win_unshared:4'], 2],
    ]);
    expect(groupNudges([])).toEqual([]);
  });

  it('labels every rule', () => {
    expect(RULES).toHaveLength(14);
    const labels = RULES.map((rule) => groupNudges([nudge({ rule })])[0].label);
    expect(labels).toEqual([
      '1:1s',
      'Requests',
      'Actions',
      'Updates',
      'Customer check-ins',
      'Category epics',
      'Walkthroughs',
      'Stage walkthroughs',
      'Hiring loops',
      'Stale requisitions',
      'Wins to share',
      'CDF reviews',
      'Career conversations',
      'Skip-levels',
    ]);
  });
});

describe('dueWords', () => {
  it('says how overdue or how soon', () => {
    expect([12, 1, 0, -1, -3].map((overdue_days) => dueWords({ overdue_days }))).toEqual([
      '12 days overdue',
      '1 day overdue',
      'due today',
      'due tomorrow',
      'due in 3 days',
    ]);
  });
});

describe('acting on a nudge', () => {
  const TODAY = '2026-05-14';

  it('opens the right screen for the rules that need a form', () => {
    const go = (over: Partial<Nudge>) => actionFor(nudge(over));
    expect(go({})).toEqual({ type: 'go', label: 'Log the 1:1', href: '#/log/3' });
    expect(go({ rule: 'walkthrough', key: 'walkthrough:2026-04', person_id: null })).toMatchObject({ type: 'go', href: '#/walkthroughs?add=1' });
    expect(go({ rule: 'stage_walkthrough', key: 'stage_walkthrough:plan:2026-05-01', subject: 'Plan', person_id: null })).toMatchObject({
      type: 'go',
      href: '#/walkthroughs?add=1&stage=Plan',
    });
    expect(go({ rule: 'hiring_peer', key: 'hiring_peer:7', record_id: 7 })).toMatchObject({ type: 'go', href: '#/hiring?focus=req-7' });
    expect(go({ rule: 'requisition_stale', key: 'requisition_stale:7:2026-05-01', record_id: 7 })).toMatchObject({ href: '#/hiring?focus=req-7' });
  });

  it('records a CDF review, logs a career conversation with the career tag, logs a skip-level', () => {
    expect(actionFor(nudge({ rule: 'cdf_review', key: 'cdf_review:3:2026-05-01' }))).toEqual({
      type: 'go',
      label: 'Record the CDF review',
      href: '#/person/3?cdf=new',
    });
    const career = nudge({ rule: 'career_conversation', key: 'career_conversation:3:2026-05-01' });
    expect(actionFor(career)).toEqual({ type: 'go', label: 'Log the career conversation', href: '#/log/3?tag=career' });
    // The tag is the `career_tag` setting, whatever the leader named it.
    expect(actionFor(career, 'Growth & career')).toMatchObject({ href: '#/log/3?tag=Growth+%26+career' });
    expect(actionFor(career, '  ')).toMatchObject({ href: '#/log/3?tag=career' });
    expect(actionFor(nudge({ rule: 'skip_level', key: 'skip_level:9:2026-05-01', person_id: 9 }))).toEqual({
      type: 'go',
      label: 'Log the skip-level',
      href: '#/log/9',
    });
  });

  const cases: [string, Partial<Nudge>, string | undefined, { cmd: string; args: unknown }][] = [
    [
      'closes a request as DONE',
      { rule: 'request', key: 'request:20', record_id: 20 },
      undefined,
      { cmd: 'agenda_close', args: { id: 20, tag: 'done', on: TODAY, inOneOnOne: null } },
    ],
    [
      'closes a request with another tag',
      { rule: 'request', key: 'request:20', record_id: 20 },
      'thanks',
      { cmd: 'agenda_close', args: { id: 20, tag: 'thanks', on: TODAY, inOneOnOne: null } },
    ],
    [
      'closes an action',
      { rule: 'action', key: 'action:21', record_id: 21, owner: 'person' },
      undefined,
      { cmd: 'agenda_close', args: { id: 21, tag: 'done', on: TODAY, inOneOnOne: null } },
    ],
    [
      'marks an existing update done',
      { rule: 'update', key: 'update:3:next_release:2026-05', record_id: 31, subject: 'Next release', period: '2026-05' },
      undefined,
      { cmd: 'update_done', args: { id: 31, on: TODAY, link: null } },
    ],
    [
      'adds a done update when there is none',
      { rule: 'update', key: 'update:3:three_month_vision:2026-05', record_id: null, subject: '3-month vision', period: '2026-05' },
      undefined,
      {
        cmd: 'update_add',
        args: { input: { person_id: 3, kind: 'three_month_vision', period: '2026-05', status: 'done', done_on: TODAY, link: null, objectives: [] } },
      },
    ],
    [
      "adds the leader's portfolio direction",
      { rule: 'update', key: 'update:leader:portfolio_direction:2026-05', person_id: null, person: null, record_id: null, period: '2026-05' },
      undefined,
      {
        cmd: 'update_add',
        args: { input: { person_id: null, kind: 'portfolio_direction', period: '2026-05', status: 'done', done_on: TODAY, link: null, objectives: [] } },
      },
    ],
    [
      'records a check-in',
      { rule: 'customer_check_in', key: 'customer_check_in:40:2026-05-01', record_id: 40 },
      undefined,
      { cmd: 'check_in_add', args: { input: { link_id: 40, date: TODAY, epic_updated: false, notes: '' } } },
    ],
    [
      'records a check-in with the epic updated',
      { rule: 'customer_epic', key: 'customer_epic:40:2026-05-01', record_id: 40 },
      undefined,
      { cmd: 'check_in_add', args: { input: { link_id: 40, date: TODAY, epic_updated: true, notes: '' } } },
    ],
    ['shares a win', { rule: 'win_unshared', key: 'win_unshared:70', record_id: 70 }, undefined, { cmd: 'win_share', args: { id: 70, on: TODAY, place: null } }],
  ];

  for (const [name, over, tag, expected] of cases) {
    it(name, async () => {
      const n = nudge(over);
      expect(actionFor(n).type).toBe('call');
      const calls = record();
      const said = await act(n, TODAY, tag as never);
      expect(calls).toEqual([expected]);
      expect(said).toBeTruthy();
    });
  }

  it('every rule has an action', () => {
    const rules: Rule[] = RULES;
    for (const rule of rules) expect(actionFor(nudge({ rule, record_id: 1 })).label).toBeTruthy();
  });

  it('reads the kind of update from the key', () => {
    expect(updateKind({ key: 'update:leader:portfolio_direction:2026-05' })).toBe('portfolio_direction');
    expect(updateKind({ key: 'update:3:okrs:FY27-Q1' })).toBe('okrs');
    expect(() => updateKind({ key: 'request:3' })).toThrow();
  });
});

describe('snooze quick picks', () => {
  it('bring the nudge back in 3 days, next Monday or a week', () => {
    // Thursday 14 May 2026.
    expect(snoozePicks('2026-05-14')).toEqual([
      { label: '3 days', until: '2026-05-16', back: '2026-05-17' },
      { label: 'next Monday', until: '2026-05-17', back: '2026-05-18' },
      { label: 'a week', until: '2026-05-20', back: '2026-05-21' },
    ]);
  });

  it('next Monday is always ahead', () => {
    expect(nextMonday('2026-05-17')).toBe('2026-05-18'); // Sunday
    expect(nextMonday('2026-05-18')).toBe('2026-05-25'); // Monday
    expect(nextMonday('2026-05-16')).toBe('2026-05-18'); // Saturday
    expect(nextMonday('2026-12-31')).toBe('2027-01-04'); // over the year's end
  });

  it('says when the nudge comes back', () => {
    expect(snoozeHint('2026-05-17')).toBe('It comes back on Mon 18 May 2026.');
  });
});
