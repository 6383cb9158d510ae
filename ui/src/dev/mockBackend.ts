/**
 * An in-memory stand-in for the Tauri shell, for running the UI in a plain
 * browser (`npm run dev`, then open `/?mock`) and for the screen smoke tests.
 * It answers every command of the contract with plausible records; it is not
 * the real rules (those live in the Rust core) and never ships: `main.ts`
 * loads it only in development builds.
 */
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AgendaItem,
  BackupFile,
  CheckIn,
  Coverage,
  CustomerLink,
  Draft,
  Hit,
  Interview,
  KeyState,
  LoopMember,
  Nudge,
  OneOnOne,
  Overview,
  Person,
  Practice,
  Release,
  Requisition,
  Rule,
  SettingEntry,
  SnippetPart,
  Update,
  UpdateKind,
  Walkthrough,
  Win,
} from '$lib/types';
import { addDays, addMonths, daysBetween, daysInMonth, monthOf } from '$lib/dates';

type Args = Record<string, unknown>;

export interface MockDb {
  today: string;
  people: Person[];
  oneOnOnes: OneOnOne[];
  items: AgendaItem[];
  updates: Update[];
  links: CustomerLink[];
  checkIns: CheckIn[];
  reqs: Requisition[];
  loop: LoopMember[];
  interviews: Interview[];
  walkthroughs: Walkthrough[];
  wins: Win[];
  drafts: Record<number, Draft>;
  settings: Record<string, string>;
  /** Snoozed and dismissed nudge keys. */
  nudgeState: Record<string, KeyState>;
  /** The backups folder's files, newest first. */
  backups: BackupFile[];
  /** The passphrase the mock database is encrypted with (null: plain), and whether the keyring keeps it. */
  encryption: { passphrase: string | null; remembered: boolean };
  nextId: number;
}

const SETTINGS: [string, string, string][] = [
  ['one_on_one_every_days', '7', '1:1 cadence in days; a person may override it'],
  ['request_reply_business_days', '2', 'business days to answer a HELP request that has no timing'],
  ['release_day', 'third-thursday', 'monthly release day: third-thursday, or a fixed day 1-28'],
  ['release_anchor', '18.0=2025-05', 'maps release versions to months, as A.B=YYYY-MM'],
  ['fiscal_year_start_month', '2', 'first month of the fiscal year (1-12); defines OKR quarters'],
  ['internal_customer_every_days', '30', 'check in with each internal customer at least this often'],
  ['stage_walkthrough_every_days', '90', 'walk through every stage on the team this often'],
  ['hiring_peer_grace_days', '7', 'days an open requisition may lack a loop member who works with the hire'],
  ['requisition_stale_days', '14', 'days an open requisition may go without an interview'],
  ['win_share_days', '7', "days to share a PM's win with senior leadership"],
  ['notifications', 'on', "desktop notification with the day's overdue digest: on or off"],
  ['notify_at', '09:00', 'local time of the daily digest notification (HH:MM)'],
  ['tracking_since', '', 'nothing is owed before this day (YYYY-MM-DD)'],
];

export function emptyDb(today: string): MockDb {
  const settings: Record<string, string> = {};
  for (const [k, v] of SETTINGS) settings[k] = v;
  settings.tracking_since = today;
  return {
    today,
    people: [],
    oneOnOnes: [],
    items: [],
    updates: [],
    links: [],
    checkIns: [],
    reqs: [],
    loop: [],
    interviews: [],
    walkthroughs: [],
    wins: [],
    drafts: {},
    settings,
    nudgeState: {},
    backups: [],
    encryption: { passphrase: null, remembered: false },
    nextId: 100,
  };
}

const BACKUPS = '/home/you/.local/share/coachlog/backups';

function encryptionStatus(db: MockDb) {
  const { passphrase, remembered } = db.encryption;
  return {
    encrypted: passphrase !== null,
    unlocked: true,
    key_source: passphrase === null ? 'none' : remembered ? 'keyring' : 'typed',
    keyring_available: true,
    keyring_name: 'the mock keyring',
    remembered: passphrase !== null && remembered,
  };
}

function fail(kind: string, message: string): never {
  throw { kind, message };
}

/** Fills `db` with a small made-up team. */
export function fillDemo(db: MockDb): void {
  const t = db.today;
  db.settings.tracking_since = addDays(t, -60);
  const scope = (stage: string, group: string) => ({ kind: 'group' as const, section: 'Dev', stages: [stage], groups: [group] });
  db.people = [
    { id: 1, name: 'Jane Doe', title: 'Senior Product Manager, Plan', job_family: 'senior_product_manager', level: 'ic', scope: scope('Plan', 'Project Management'), since: addDays(t, -400), cadence_days: null, tracked: true, archived_on: null },
    { id: 2, name: 'Dmitri Janssen', title: 'Product Manager, Create', job_family: 'product_manager', level: 'ic', scope: scope('Create', 'Source Code'), since: addDays(t, -200), cadence_days: 14, tracked: true, archived_on: null },
    { id: 3, name: 'Zoë Ng', title: 'Principal Product Manager, Verify', job_family: 'principal_product_manager', level: 'ic', scope: scope('Verify', 'Pipeline Execution'), since: addDays(t, -90), cadence_days: null, tracked: true, archived_on: null },
  ];
  db.oneOnOnes = [
    { id: 10, person_id: 1, date: addDays(t, -9), status: 'held', notes: '## Growth\nTalked about the **roadmap** and a stretch goal.\n\n- ship pricing\n- mentor a new PM', tags: ['career', 'growth'] },
    { id: 11, person_id: 2, date: addDays(t, -3), status: 'held', notes: 'Feedback on the Source Code vision MR.', tags: ['feedback'] },
    { id: 12, person_id: 1, date: addDays(t, -16), status: 'skipped', notes: '', tags: [] },
  ];
  const it = (id: number, person_id: number, text: string, open_tag: AgendaItem['open_tag'], raised_by: AgendaItem['raised_by'], opened: number, timing: string | null = null, opened_in: number | null = null): AgendaItem => ({
    id, person_id, text, open_tag, timing, raised_by, opened_on: addDays(t, opened), opened_in, close_tag: null, closed_on: null, closed_in: null,
  });
  db.items = [
    it(20, 1, 'Context on the **pricing** decision', 'help', 'person', -9, null, 10),
    it(21, 1, 'Write the 19.2 kickoff MR', 'todo', 'leader', -9, addDays(t, -1), 10),
    it(22, 1, 'Intro to the Sales lead', 'doto', 'leader', -2, addDays(t, 2)),
    it(23, 2, 'Review the category direction page', 'review', 'person', -3, null, 11),
    { ...it(24, 1, 'Share the research summary', 'todo', 'leader', -16), close_tag: 'done', closed_on: addDays(t, -9), closed_in: 10 },
  ];
  const month = t.slice(0, 7);
  db.updates = [
    { id: 30, person_id: 1, kind: 'next_release', period: month, status: 'done', done_on: addDays(t, -5), link: 'https://gitlab.com/gitlab-com/www-gitlab-com/-/merge_requests/1' },
    { id: 31, person_id: 2, kind: 'three_month_vision', period: month, status: 'in_review', done_on: null, link: null },
  ];
  db.links = [{ id: 40, person_id: 1, team: 'Support', category: 'Issue Tracking', since: addDays(t, -300), archived_on: null }];
  db.checkIns = [{ id: 41, link_id: 40, date: addDays(t, -35), epic_updated: true, notes: 'Top asks: bulk edit.' }];
  db.reqs = [{ id: 50, title: 'Senior Product Manager, Verify', level: 'ic', opened_on: addDays(t, -20), status: 'open', closed_on: null }];
  db.loop = [{ id: 51, requisition_id: 50, member: { name: 'Alex (EM, Verify)' }, role: 'hiring manager', works_with_hire: false }];
  db.interviews = [{ id: 52, requisition_id: 50, date: addDays(t, -6), candidate: 'Sam Candidate', interviewers: [{ person: 3 }, { name: 'Alex' }] }];
  db.walkthroughs = [{ id: 60, date: addDays(t, -40), title: 'Plan onboarding walkthrough', stages: ['Plan'], categories: ['Issue Tracking'], findings: 'Creating the first issue takes **7 clicks**.', issue_link: 'https://gitlab.com/gitlab-org/gitlab/-/issues/1' }];
  db.wins = [{ id: 70, person_id: 2, noted_on: addDays(t, -10), text: 'Shipped merge trains GA', shared_on: null, shared_where: null }];
}

function overview(db: MockDb): Overview {
  const t = db.today;
  const active = db.people.filter((p) => p.archived_on === null);
  const tracked = active.filter((p) => p.tracked);
  const every = Number(db.settings.one_on_one_every_days);
  const name = (id: number) => db.people.find((p) => p.id === id)?.name ?? '';
  const open = db.items.filter((i) => i.closed_on === null && active.some((p) => p.id === i.person_id));
  const dueOf = (i: AgendaItem) => (i.timing && i.timing.includes('-') ? i.timing : i.open_tag === 'help' ? addDays(i.opened_on, 2) : null);
  const requests = open.filter((i) => i.open_tag === 'help' && i.raised_by === 'person');
  const actions = open.filter((i) => (i.open_tag === 'todo' || i.open_tag === 'doto') && i.timing);
  const reqs = db.reqs.filter((r) => r.status === 'open');
  const wins = db.wins.filter((w) => w.shared_on === null);
  return {
    today: t,
    people: active.map((p) => {
      const held = db.oneOnOnes.filter((o) => o.person_id === p.id && o.status === 'held' && o.date <= t).map((o) => o.date).sort();
      const last = held.at(-1) ?? null;
      const base = last && last > p.since ? last : p.since;
      return {
        person: p,
        last_held: last,
        days_since_last: last ? daysBetween(last, t) : null,
        next_due: addDays(base, p.cadence_days ?? every),
        open_items: open.filter((i) => i.person_id === p.id).length,
        open_requests: open.filter((i) => i.person_id === p.id && i.open_tag === 'help' && i.raised_by === 'person').length,
      };
    }),
    requests: requests.map((i) => ({ item: i, person: name(i.person_id), due: dueOf(i), owner: 'leader' as const })),
    actions: actions.map((i) => ({ item: i, person: name(i.person_id), due: dueOf(i), owner: i.open_tag === 'doto' ? ('leader' as const) : ('person' as const) })),
    open_requisitions: reqs.map((r) => {
      const ivs = db.interviews.filter((i) => i.requisition_id === r.id && i.date <= t).map((i) => i.date).sort();
      const loop = db.loop.filter((m) => m.requisition_id === r.id);
      return {
        ...r,
        days_open: daysBetween(r.opened_on, t),
        loop_members: loop.length,
        has_peer: loop.some((m) => m.works_with_hire),
        interviews: ivs.length,
        last_interview: ivs.at(-1) ?? null,
      };
    }),
    unshared_wins: wins.map((w) => ({ win: w, person: name(w.person_id), days_since_noted: daysBetween(w.noted_on, t) })),
    counts: {
      people: active.length,
      tracked: tracked.length,
      open_items: open.length,
      open_requests: requests.length,
      open_actions: open.filter((i) => i.open_tag === 'todo' || i.open_tag === 'doto').length,
      open_requisitions: reqs.length,
      unshared_wins: wins.length,
    },
  };
}

// ---- Nudges (plausible, not the real rules: those are the core's) ------------------

const RULE_ORDER: Rule[] = [
  'one_on_one',
  'request',
  'action',
  'update',
  'customer_check_in',
  'customer_epic',
  'walkthrough',
  'stage_walkthrough',
  'hiring_peer',
  'requisition_stale',
  'win_unshared',
];

/** The third Thursday of month `YYYY-MM` (or the fixed release day). */
export function releaseDay(month: string, setting = 'third-thursday'): string {
  if (/^\d+$/.test(setting)) return `${month}-${setting.padStart(2, '0')}`;
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return `${month}-${String(firstThursday + 14).padStart(2, '0')}`;
}

function businessDaysAfter(d: string, n: number): string {
  let day = d;
  while (n > 0) {
    day = addDays(day, 1);
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n--;
  }
  return day;
}

function when(days: number): string {
  if (days === 1) return '1 day overdue';
  if (days > 1) return `${days} days overdue`;
  if (days === 0) return 'due today';
  if (days === -1) return 'due tomorrow';
  return `due in ${-days} days`;
}

/** Every nudge of `asOf` (snoozed and dismissed ones included). */
export function review(db: MockDb, asOf: string): Nudge[] {
  const s = db.settings;
  const since = s.tracking_since || asOf;
  const horizon = addDays(asOf, 3);
  const out: Nudge[] = [];
  const push = (n: Omit<Nudge, 'overdue_days' | 'message' | 'due'> & { due: string }, message: (due: string, w: string) => string) => {
    const due = n.due < since ? since : n.due;
    if (due > horizon) return;
    const overdue_days = daysBetween(due, asOf);
    out.push({ ...n, due, overdue_days, message: message(due, when(overdue_days)) });
  };
  const followed = db.people.filter((p) => p.tracked && p.since <= asOf && (p.archived_on === null || p.archived_on > asOf));
  const base = (p: Person) => (p.since > since ? p.since : since);
  const max = (a: string, b: string | null | undefined) => (b && b > a ? b : a);
  const who = (p: Person) => ({ person_id: p.id, person: p.name });

  for (const p of followed) {
    const last = db.oneOnOnes.filter((o) => o.person_id === p.id && o.status === 'held' && o.date <= asOf).map((o) => o.date).sort().at(-1);
    const due = addDays(max(base(p), last), p.cadence_days ?? Number(s.one_on_one_every_days));
    push({ key: `one_on_one:${p.id}:${due < since ? since : due}`, rule: 'one_on_one', ...who(p), owner: null, subject: `1:1 with ${p.name}`, period: null, due, record_id: null }, (d, w) =>
      `1:1 with ${p.name} is ${w} (${last ? `last held ${last}` : 'none held yet'}; due ${d}).`,
    );
  }
  for (const i of db.items) {
    const p = followed.find((x) => x.id === i.person_id);
    if (!p || i.opened_on > asOf || (i.closed_on !== null && i.closed_on <= asOf)) continue;
    const dated = i.timing && i.timing.includes('-') ? i.timing : i.timing ? releaseDay(addMonths('2025-05', 12 * (Number(i.timing.split('.')[0]) - 18) + Number(i.timing.split('.')[1])), s.release_day) : null;
    if (i.open_tag === 'help' && i.raised_by === 'person') {
      const due = dated ?? businessDaysAfter(i.opened_on, Number(s.request_reply_business_days));
      push({ key: `request:${i.id}`, rule: 'request', ...who(p), owner: 'leader', subject: i.text, period: null, due, record_id: i.id }, (d, w) => `${p.name}'s request is ${w} (opened ${i.opened_on}; due ${d}).`);
    } else if ((i.open_tag === 'todo' || i.open_tag === 'doto') && dated) {
      const owner = i.open_tag === 'todo' ? ('person' as const) : ('leader' as const);
      push({ key: `action:${i.id}`, rule: 'action', ...who(p), owner, subject: i.text, period: null, due: dated, record_id: i.id }, (d, w) =>
        `${owner === 'person' ? `${p.name}'s TODO` : `Your DOTO for ${p.name}`} is ${w} (timing ${i.timing}; due ${d}).`,
      );
    }
  }
  // Updates: this month and the last (the mock keeps it short).
  const months = [addMonths(monthOf(asOf), -1), monthOf(asOf), monthOf(horizon)].filter((m, i, a) => a.indexOf(m) === i);
  const update = (p: Person | null, kind: UpdateKind, month: string) => {
    const due = releaseDay(month, s.release_day);
    if (due < (p ? base(p) : since) || due > horizon) return;
    const ups = db.updates.filter((u) => u.person_id === (p?.id ?? null) && u.kind === kind && u.period === month);
    if (ups.some((u) => u.status === 'done' && u.done_on !== null && u.done_on <= asOf)) return;
    const label = { next_release: 'Next release', three_month_vision: '3-month vision', okrs: 'OKRs', portfolio_direction: 'Portfolio direction' }[kind];
    push(
      { key: `update:${p?.id ?? 'leader'}:${kind}:${month}`, rule: 'update', person_id: p?.id ?? null, person: p?.name ?? null, owner: null, subject: label, period: month, due, record_id: ups.map((u) => u.id).sort((a, b) => b - a)[0] ?? null },
      (d, w) => (p ? `${p.name}'s ${label.toLowerCase()} update for ${month} is ${w} (due ${d}).` : `Your portfolio direction for ${month} is ${w} (due ${d}).`),
    );
  };
  for (const m of months) {
    for (const p of followed) for (const k of ['next_release', 'three_month_vision'] as const) update(p, k, m);
    update(null, 'portfolio_direction', m);
  }
  for (const l of db.links) {
    const p = followed.find((x) => x.id === l.person_id);
    if (!p || l.since > asOf || (l.archived_on !== null && l.archived_on <= asOf)) continue;
    const cs = db.checkIns.filter((c) => c.link_id === l.id && c.date <= asOf);
    const start = max(max(l.since, p.since), since);
    const every = Number(s.internal_customer_every_days);
    const last = cs.map((c) => c.date).sort().at(-1);
    const lastEpic = cs.filter((c) => c.epic_updated).map((c) => c.date).sort().at(-1);
    for (const [rule, lastDate] of [['customer_check_in', last], ['customer_epic', lastEpic]] as const) {
      const due = addDays(max(start, lastDate), every);
      push({ key: `${rule}:${l.id}:${due < since ? since : due}`, rule, ...who(p), owner: null, subject: `${l.team} (${l.category})`, period: null, due, record_id: l.id }, (d, w) =>
        `${rule === 'customer_check_in' ? `${p.name}'s check-in with ${l.team}` : `The internal-customer section of ${p.name}'s ${l.category} epic`} is ${w} (${lastDate ? `last ${lastDate}` : 'none yet'}; due ${d}).`,
      );
    }
  }
  const dated = db.walkthroughs.filter((w) => w.date <= asOf);
  for (let m = since.slice(8) === '01' ? monthOf(since) : addMonths(monthOf(since), 1); m <= monthOf(horizon); m = addMonths(m, 1)) {
    if (dated.some((w) => monthOf(w.date) === m)) continue;
    const [y, mo] = m.split('-').map(Number);
    const month = m;
    push({ key: `walkthrough:${m}`, rule: 'walkthrough', person_id: null, person: null, owner: null, subject: `Product walkthrough for ${m}`, period: m, due: `${m}-${String(daysInMonth(y, mo)).padStart(2, '0')}`, record_id: null }, (d, w) =>
      `No product walkthrough in ${month} yet; ${w} (due ${d}).`,
    );
  }
  const stages: Record<string, { name: string; start: string }> = {};
  for (const p of followed)
    for (const st of p.scope.stages) {
      const k = st.trim().toLowerCase();
      if (!stages[k] || base(p) < stages[k].start) stages[k] = { name: stages[k]?.name ?? st.trim(), start: base(p) };
    }
  for (const [k, { name, start }] of Object.entries(stages)) {
    const last = dated.filter((w) => w.stages.some((x) => x.trim().toLowerCase() === k)).map((w) => w.date).sort().at(-1);
    const due = addDays(max(start, last), Number(s.stage_walkthrough_every_days));
    push({ key: `stage_walkthrough:${k}:${due < since ? since : due}`, rule: 'stage_walkthrough', person_id: null, person: null, owner: null, subject: name, period: null, due, record_id: null }, (d, w) =>
      `A walkthrough of the ${name} stage is ${w} (${last ? `last ${last}` : 'none yet'}; due ${d}).`,
    );
  }
  for (const r of db.reqs) {
    if (r.opened_on > asOf || (r.closed_on !== null && r.closed_on <= asOf)) continue;
    if (!db.loop.some((m) => m.requisition_id === r.id && m.works_with_hire)) {
      push({ key: `hiring_peer:${r.id}`, rule: 'hiring_peer', person_id: null, person: null, owner: null, subject: r.title, period: null, due: addDays(r.opened_on, Number(s.hiring_peer_grace_days)), record_id: r.id }, (d, w) =>
        `The loop for "${r.title}" has nobody who will work with the new hire; ${w} (due ${d}).`,
      );
    }
    const last = db.interviews.filter((i) => i.requisition_id === r.id && i.date <= asOf).map((i) => i.date).sort().at(-1);
    const due = addDays(max(r.opened_on, last), Number(s.requisition_stale_days));
    push({ key: `requisition_stale:${r.id}:${due < since ? since : due}`, rule: 'requisition_stale', person_id: null, person: null, owner: null, subject: r.title, period: null, due, record_id: r.id }, (d, w) =>
      `"${r.title}" needs interviews: ${w} (${last ? `last interview ${last}` : 'no interview yet'}; due ${d}).`,
    );
  }
  for (const w of db.wins) {
    const p = followed.find((x) => x.id === w.person_id);
    if (!p || w.noted_on > asOf || (w.shared_on !== null && w.shared_on <= asOf)) continue;
    push({ key: `win_unshared:${w.id}`, rule: 'win_unshared', ...who(p), owner: null, subject: w.text, period: null, due: addDays(w.noted_on, Number(s.win_share_days)), record_id: w.id }, (d, wh) =>
      `${p.name}'s win (noted ${w.noted_on}) is not shared with leadership; ${wh} (due ${d}).`,
    );
  }
  return out.sort(
    (a, b) =>
      b.overdue_days - a.overdue_days ||
      RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
      (a.person ?? '').toLowerCase().localeCompare((b.person ?? '').toLowerCase()) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function overdueList(db: MockDb, asOf: string, dueSoon: boolean): Nudge[] {
  return review(db, asOf).filter((n) => {
    const st = db.nudgeState[n.key];
    const hidden = st && (st.dismissed || (st.snoozed_until !== null && asOf <= st.snoozed_until));
    return !hidden && (dueSoon || n.overdue_days > 0);
  });
}

const PRACTICE_OF: Partial<Record<Rule, Practice>> = {
  one_on_one: 'one_on_one',
  request: 'requests',
  action: 'actions',
  update: 'updates',
  customer_check_in: 'customers',
  customer_epic: 'customers',
  win_unshared: 'wins',
};

function coverage(db: MockDb): Coverage {
  const t = db.today;
  const all = review(db, t);
  const practices: Practice[] = ['one_on_one', 'requests', 'actions', 'updates', 'customers', 'wins'];
  const rows = db.people
    .filter((p) => p.tracked && p.archived_on === null && p.since <= t)
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
    .map((p) => ({
      person_id: p.id,
      name: p.name,
      cells: practices.map((practice) => {
        const mine = all.filter((n) => n.person_id === p.id && PRACTICE_OF[n.rule] === practice);
        const overdue = mine.filter((n) => n.overdue_days > 0).length;
        const hasLinks = db.links.some((l) => l.person_id === p.id && l.archived_on === null);
        return {
          practice,
          status: overdue ? ('overdue' as const) : mine.length ? ('due_soon' as const) : practice === 'customers' && !hasLinks ? ('not_applicable' as const) : ('on_track' as const),
          overdue,
          due_soon: mine.length - overdue,
          worst: mine.length ? mine.reduce((a, b) => (b.overdue_days > a.overdue_days ? b : a)).message : null,
        };
      }),
    }));
  return { as_of: t, practices, rows };
}

function releases(db: MockDb, count: number): Release[] {
  if (!(count >= 1 && count <= 24)) fail('invalid', `Ask for 1 to 24 release days; got ${count}.`);
  const [anchorVersion, anchorMonth] = (db.settings.release_anchor || '18.0=2025-05').split('=');
  const [major, minor] = anchorVersion.split('.').map(Number);
  const out: Release[] = [];
  for (let m = monthOf(db.today); out.length < count; m = addMonths(m, 1)) {
    const date = releaseDay(m, db.settings.release_day);
    if (date < db.today) continue;
    const [y, mo] = m.split('-').map(Number);
    const [ay, am] = anchorMonth.split('-').map(Number);
    const n = (y - ay) * 12 + (mo - am) + minor;
    out.push({ version: n >= 0 ? `${major + Math.floor(n / 12)}.${n % 12}` : null, month: m, date });
  }
  return out;
}

function nudgeKey(key: unknown): string {
  const k = String(key ?? '').trim();
  if (!RULE_ORDER.some((r) => k.startsWith(`${r}:`))) fail('invalid', `'${k}' is not a nudge key; keys look like one_on_one:3:2026-11-20 or request:17 (\`coachlog overdue\` shows them).`);
  return k;
}

function search(db: MockDb, text: string): Hit[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) fail('invalid', 'Give at least one word to search for.');
  const hits: Hit[] = [];
  const name = (id: number) => db.people.find((p) => p.id === id)?.name ?? null;
  const match = (s: string) => words.every((w) => s.toLowerCase().includes(w));
  const snip = (s: string) => ({ snippet: s.slice(0, 160), parts: snippetParts(s.slice(0, 160), words) });
  for (const o of db.oneOnOnes) if (match(o.notes)) hits.push({ kind: 'one_on_one', id: o.id, person_id: o.person_id, person: name(o.person_id), date: o.date, ...snip(o.notes) });
  for (const i of db.items) if (match(i.text)) hits.push({ kind: 'agenda_item', id: i.id, person_id: i.person_id, person: name(i.person_id), date: i.opened_on, ...snip(i.text) });
  for (const c of db.checkIns) {
    const l = db.links.find((x) => x.id === c.link_id);
    if (l && match(c.notes)) hits.push({ kind: 'check_in', id: c.id, person_id: l.person_id, person: name(l.person_id), date: c.date, ...snip(c.notes) });
  }
  for (const w of db.walkthroughs) if (match(`${w.title} ${w.findings}`)) hits.push({ kind: 'walkthrough', id: w.id, person_id: null, person: null, date: w.date, ...snip(`${w.title} ${w.findings}`) });
  for (const w of db.wins) if (match(w.text)) hits.push({ kind: 'win', id: w.id, person_id: w.person_id, person: name(w.person_id), date: w.noted_on, ...snip(w.text) });
  return hits;
}

/** Cuts `text` into parts, the (case-insensitive) occurrences of `words` marked. */
export function snippetParts(text: string, words: string[]): SnippetPart[] {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const w of words) {
    for (let i = lower.indexOf(w); w && i >= 0; i = lower.indexOf(w, i + w.length)) marked.fill(true, i, i + w.length);
  }
  const parts: SnippetPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1);
    if (last && last.matched === marked[i]) last.text += text[i];
    else parts.push({ text: text[i], matched: marked[i] });
  }
  return parts;
}

/** A rough stand-in for the core's monthly summary (`summary_preview`): the month's 1:1s per PM. */
export function mockSummary(db: MockDb, month: string, format: string, includeNotes: boolean): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) fail('invalid', `'${month}' is not a month: expected YYYY-MM, e.g. 2026-04.`);
  if (!['markdown', 'md', 'html', 'csv', 'json'].includes(format)) fail('invalid', `'${format}' is not a summary format; choose one of: md, html, csv, json.`);
  const people = db.people.filter((p) => p.tracked && p.archived_on === null);
  const rows = people.map((p) => {
    const held = db.oneOnOnes.filter((o) => o.person_id === p.id && o.date.startsWith(month) && o.status === 'held');
    return { p, held };
  });
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (format) {
    case 'html':
      return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<style>body { font-family: sans-serif; } td { border: 1px solid #ccc; }</style>\n</head>\n<body>\n<h1>Monthly summary: ${month} (mock)</h1>\n<table>${rows.map((r) => `<tr><td>${esc(r.p.name)}</td><td>${r.held.length}</td></tr>`).join('')}</table>\n</body>\n</html>\n`;
    case 'csv':
      return `month,person_id,person,metric,value\r\n${rows.map((r) => `${month},${r.p.id},${r.p.name},one_on_ones.held,${r.held.length}\r\n`).join('')}`;
    case 'json':
      return `${JSON.stringify({ month, includes_notes: includeNotes, people: rows.map((r) => ({ person_id: r.p.id, name: r.p.name, one_on_ones: { held: r.held.length } })) }, null, 2)}\n`;
    default: {
      const notes = includeNotes ? rows.flatMap((r) => r.held.map((o) => `\n### ${r.p.name}, ${o.date}\n\n\`\`\`\n${o.notes}\n\`\`\`\n`)).join('') : '';
      return `# Monthly summary: ${month} (mock)\n\n${includeNotes ? 'Private: includes 1:1 notes.' : '1:1 notes, agenda item texts and walkthrough findings are not included.'}\n\n| PM | 1:1s held |\n| --- | ---: |\n${rows.map((r) => `| ${r.p.name} | ${r.held.length} |`).join('\n')}\n\n- [ ] an open item\n${notes}`;
    }
  }
}

function settingsList(db: MockDb): SettingEntry[] {
  return SETTINGS.map(([key, def, description]) => ({
    key,
    value: db.settings[key],
    default: key === 'tracking_since' ? 'the day the database was created' : def,
    description,
  }));
}

/** Answers one command against `db` (exported for tests). */
export function handle(db: MockDb, cmd: string, a: Args): unknown {
  const id = a.id as number;
  const find = <T extends { id: number }>(list: T[], what: string): T => list.find((x) => x.id === id) ?? fail('not_found', `There is no ${what} ${id}.`);
  const replace = <T extends { id: number }>(list: T[], rec: T): T => {
    const i = list.findIndex((x) => x.id === rec.id);
    if (i >= 0) list[i] = rec;
    else list.push(rec);
    return rec;
  };
  const nid = () => db.nextId++;
  switch (cmd) {
    case 'app_info':
      return { version: '0.1.0-mock', db_path: '(in-memory mock backend)', schema_version: 1, today: db.today, is_empty: db.people.length === 0, startup_error: null };
    case 'settings_list':
      return settingsList(db);
    case 'settings_set':
      if (!(String(a.key) in db.settings)) fail('invalid', `There is no setting '${String(a.key)}'.`);
      if (a.key === 'notifications' && !/^(on|off|yes|no|true|false)$/i.test(String(a.value).trim())) fail('invalid', `notifications is on or off; got '${String(a.value)}'.`);
      if (a.key === 'notify_at' && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(String(a.value).trim()))
        fail('invalid', `notify_at is a time of day as HH:MM, from 00:00 to 23:59, e.g. 09:00; got '${String(a.value)}'.`);
      db.settings[String(a.key)] = String(a.value).trim();
      if (a.key === 'notifications') db.settings.notifications = /^(on|yes|true)$/i.test(db.settings.notifications) ? 'on' : 'off';
      return settingsList(db);
    case 'demo_fill':
      if (db.people.length) fail('conflict', 'The database already has records; the demo team fills only an empty one.');
      fillDemo(db);
      return { people: 3, one_on_ones: 3, agenda_items: 5, updates: 2, customer_links: 1, check_ins: 1, requisitions: 1, interviews: 1, walkthroughs: 1, wins: 1, tracking_since: db.today };
    case 'names': {
      const k = a.kind;
      const all =
        k === 'stage' ? db.people.flatMap((p) => p.scope.stages).concat(db.walkthroughs.flatMap((w) => w.stages))
        : k === 'group' ? db.people.flatMap((p) => p.scope.groups)
        : k === 'category' ? db.links.map((l) => l.category).concat(db.walkthroughs.flatMap((w) => w.categories))
        : k === 'team' ? db.links.map((l) => l.team)
        : db.oneOnOnes.flatMap((o) => o.tags);
      return [...new Set(all)].sort();
    }
    case 'people_list':
      return db.people.filter((p) => a.includeArchived || p.archived_on === null);
    case 'person_get':
      return find(db.people, 'person');
    case 'person_add':
    case 'person_update': {
      const input = a.input as Omit<Person, 'id' | 'archived_on'>;
      if (!input.name.trim()) fail('invalid', 'Give the person a name.');
      if (db.people.some((p) => p.name.toLowerCase() === input.name.toLowerCase() && p.id !== id)) fail('conflict', `${input.name} is already on the team.`);
      const prev = cmd === 'person_update' ? find(db.people, 'person') : null;
      return replace(db.people, { ...input, id: prev?.id ?? nid(), archived_on: prev?.archived_on ?? null });
    }
    case 'person_archive':
      return replace(db.people, { ...find(db.people, 'person'), archived_on: a.on as string });
    case 'person_unarchive':
      return replace(db.people, { ...find(db.people, 'person'), archived_on: null });
    case 'one_on_ones_list':
      return db.oneOnOnes.filter((o) => a.personId == null || o.person_id === a.personId);
    case 'one_on_one_months': {
      const counts = new Map<string, number>();
      for (const o of db.oneOnOnes) counts.set(o.date.slice(0, 7), (counts.get(o.date.slice(0, 7)) ?? 0) + 1);
      return [...counts].sort(([a], [b]) => b.localeCompare(a)).map(([month, one_on_ones]) => ({ month, one_on_ones }));
    }
    case 'one_on_one_get':
      return find(db.oneOnOnes, '1:1');
    case 'one_on_one_update':
      return replace(db.oneOnOnes, { ...(a.input as Omit<OneOnOne, 'id'>), id: find(db.oneOnOnes, '1:1').id });
    case 'one_on_one_log': {
      const input = a.input as { one_on_one: Omit<OneOnOne, 'id'>; new_items: Pick<AgendaItem, 'text' | 'open_tag' | 'timing' | 'raised_by'>[]; close_items: { id: number; tag: AgendaItem['close_tag'] }[] };
      const o = input.one_on_one;
      const p = db.people.find((x) => x.id === o.person_id) ?? fail('not_found', `There is no person ${o.person_id}.`);
      if (o.date < p.since) fail('invalid', `The 1:1's date ${o.date} is before ${p.name} started reporting to you (${p.since}).`);
      const one = replace(db.oneOnOnes, { ...o, id: nid() });
      const opened = input.new_items.map((n) =>
        replace(db.items, { ...n, id: nid(), person_id: o.person_id, opened_on: o.date, opened_in: one.id, close_tag: null, closed_on: null, closed_in: null }),
      );
      const closed = input.close_items.map((c) => {
        const i = db.items.find((x) => x.id === c.id) ?? fail('not_found', `There is no agenda item ${c.id}.`);
        return replace(db.items, { ...i, close_tag: c.tag, closed_on: o.date, closed_in: one.id });
      });
      delete db.drafts[o.person_id];
      return { one_on_one: one, opened, closed };
    }
    case 'draft_get':
      return db.drafts[a.personId as number] ?? null;
    case 'draft_save': {
      const d = a.draft as Draft;
      db.drafts[d.person_id] = d;
      return null;
    }
    case 'draft_discard':
      delete db.drafts[a.personId as number];
      return null;
    case 'agenda_list':
      return db.items.filter(
        (i) => (a.personId == null || i.person_id === a.personId) && (a.open == null || (i.closed_on === null) === a.open) && (a.tag == null || i.open_tag === a.tag),
      );
    case 'agenda_add': {
      const input = a.input as Omit<AgendaItem, 'id' | 'close_tag' | 'closed_on' | 'closed_in'>;
      if (!input.text.trim()) fail('invalid', 'An agenda item needs some text.');
      return replace(db.items, { ...input, id: nid(), close_tag: null, closed_on: null, closed_in: null });
    }
    case 'agenda_update':
      return replace(db.items, { ...find(db.items, 'agenda item'), ...(a.edit as object) });
    case 'agenda_close':
      return replace(db.items, { ...find(db.items, 'agenda item'), close_tag: a.tag as AgendaItem['close_tag'], closed_on: a.on as string, closed_in: (a.inOneOnOne as number | null) ?? null });
    case 'agenda_reopen':
      return replace(db.items, { ...find(db.items, 'agenda item'), close_tag: null, closed_on: null, closed_in: null });
    case 'updates_list':
      return db.updates.filter(
        (u) =>
          (a.personId == null || u.person_id === a.personId) &&
          (!a.leaderOnly || u.person_id === null) &&
          (a.period == null || u.period === a.period) &&
          (a.kind == null || u.kind === a.kind),
      );
    case 'update_add':
    case 'update_update': {
      const input = a.input as Omit<Update, 'id'>;
      if (input.status === 'done' && !input.done_on) fail('invalid', 'A done update needs its done date.');
      return replace(db.updates, { ...input, id: cmd === 'update_add' ? nid() : find(db.updates, 'update').id });
    }
    case 'update_done':
      return replace(db.updates, { ...find(db.updates, 'update'), status: 'done', done_on: a.on as string, link: (a.link as string | null) ?? null });
    case 'customer_links_list':
      return db.links.filter((l) => (a.personId == null || l.person_id === a.personId) && (a.includeArchived || l.archived_on === null));
    case 'customer_link_add':
      return replace(db.links, { ...(a.input as Omit<CustomerLink, 'id' | 'archived_on'>), id: nid(), archived_on: null });
    case 'customer_link_update':
      return replace(db.links, { ...find(db.links, 'internal customer'), ...(a.input as object) });
    case 'customer_link_archive':
      return replace(db.links, { ...find(db.links, 'internal customer'), archived_on: a.on as string });
    case 'customer_link_unarchive':
      return replace(db.links, { ...find(db.links, 'internal customer'), archived_on: null });
    case 'check_ins_list':
      return db.checkIns.filter((c) => {
        const l = db.links.find((x) => x.id === c.link_id);
        return (a.linkId == null || c.link_id === a.linkId) && (a.personId == null || l?.person_id === a.personId);
      });
    case 'check_in_add':
      return replace(db.checkIns, { ...(a.input as Omit<CheckIn, 'id'>), id: nid() });
    case 'requisitions_list':
      return db.reqs.filter((r) => a.includeClosed || r.status === 'open');
    case 'requisition_open': {
      const input = a.input as Pick<Requisition, 'title' | 'level' | 'opened_on'>;
      if (!input.title.trim()) fail('invalid', 'Give the requisition a title.');
      return replace(db.reqs, { ...input, id: nid(), status: 'open', closed_on: null });
    }
    case 'requisition_update':
      return replace(db.reqs, { ...find(db.reqs, 'requisition'), ...(a.input as object) });
    case 'requisition_close':
      return replace(db.reqs, { ...find(db.reqs, 'requisition'), status: a.status as Requisition['status'], closed_on: a.on as string });
    case 'requisition_reopen':
      return replace(db.reqs, { ...find(db.reqs, 'requisition'), status: 'open', closed_on: null });
    case 'loop_list':
      return db.loop.filter((m) => m.requisition_id === a.requisitionId);
    case 'loop_add':
      return replace(db.loop, { ...(a.input as Omit<LoopMember, 'id'>), id: nid() });
    case 'loop_remove':
      find(db.loop, 'loop member');
      db.loop = db.loop.filter((m) => m.id !== id);
      return null;
    case 'interviews_list':
      return db.interviews.filter((i) => a.requisitionId == null || i.requisition_id === a.requisitionId);
    case 'interview_add':
      return replace(db.interviews, { ...(a.input as Omit<Interview, 'id'>), id: nid() });
    case 'walkthroughs_list':
      return db.walkthroughs;
    case 'walkthrough_add':
      return replace(db.walkthroughs, { ...(a.input as Omit<Walkthrough, 'id'>), id: nid() });
    case 'walkthrough_update':
      return replace(db.walkthroughs, { ...(a.input as Omit<Walkthrough, 'id'>), id: find(db.walkthroughs, 'walkthrough').id });
    case 'wins_list':
      return db.wins.filter((w) => (a.personId == null || w.person_id === a.personId) && (!a.unsharedOnly || w.shared_on === null));
    case 'win_add':
      return replace(db.wins, { ...(a.input as Omit<Win, 'id' | 'shared_on' | 'shared_where'>), id: nid(), shared_on: null, shared_where: null });
    case 'win_update':
      return replace(db.wins, { ...find(db.wins, 'win'), ...(a.input as object) });
    case 'win_share':
      return replace(db.wins, { ...find(db.wins, 'win'), shared_on: a.on as string, shared_where: ((a.place ?? a.where) as string | null) ?? null });
    case 'win_unshare':
      return replace(db.wins, { ...find(db.wins, 'win'), shared_on: null, shared_where: null });
    case 'search':
      return search(db, String(a.text ?? ''));
    case 'overview':
      return overview(db);
    case 'startup_painted':
      return null;
    case 'overdue':
      return overdueList(db, (a.asOf as string | null) ?? db.today, Boolean(a.dueSoon));
    case 'nudge_snooze': {
      const key = nudgeKey(a.key);
      db.nudgeState[key] = { key, snoozed_until: a.until as string, dismissed: db.nudgeState[key]?.dismissed ?? false };
      return db.nudgeState[key];
    }
    case 'nudge_dismiss': {
      const key = nudgeKey(a.key);
      db.nudgeState[key] = { key, snoozed_until: db.nudgeState[key]?.snoozed_until ?? null, dismissed: true };
      return db.nudgeState[key];
    }
    case 'nudge_undo': {
      const key = nudgeKey(a.key);
      if (!db.nudgeState[key]) fail('not_found', `'${key}' is neither snoozed nor dismissed.`);
      delete db.nudgeState[key];
      return null;
    }
    case 'coverage':
      return coverage(db);
    case 'releases':
      return releases(db, Number(a.count));
    case 'summary_preview':
      return mockSummary(db, String(a.month), String(a.format), Boolean(a.includeNotes));
    case 'summary_save': {
      const text = mockSummary(db, String(a.month), String(a.format), Boolean(a.includeNotes));
      const path = String(a.path ?? '');
      if (!path.startsWith('/')) fail('invalid', `'${path}' is not a full path; choose the file with Save as….`);
      return { path, bytes: new TextEncoder().encode(text).length };
    }
    case 'backups_list':
      return { folder: BACKUPS, backups: db.backups, last_automatic: null, interval_minutes: 30 };
    case 'backup_now': {
      const at = new Date(`${db.today}T09:00:00Z`).getTime() + db.backups.length * 60_000;
      const taken_at = new Date(at).toISOString().replace('.000', '');
      const made: BackupFile = { path: `${BACKUPS}/coachlog-${taken_at.replace(/[-:]/g, '')}.sqlite`, taken_at, bytes: 196608, kind: 'rolling' };
      db.backups.unshift(made);
      return made;
    }
    case 'backup_restore': {
      const from = db.backups.find((b) => b.path === a.file) ?? fail('not_found', `${String(a.file)} is not one of the backups in ${BACKUPS}; choose one from the list.`);
      const safety = `${BACKUPS}/coachlog-before-restore.sqlite`;
      db.backups.unshift({ ...from, path: safety, kind: 'before_restore' });
      return { database: '(in-memory mock backend)', restored_from: from.path, schema_version: 4, safety_copy: safety };
    }
    case 'encryption_status':
      return encryptionStatus(db);
    case 'unlock': {
      if (!a.passphrase) fail('invalid', 'The passphrase is empty; give one.');
      if (a.passphrase !== db.encryption.passphrase) fail('passphrase', 'The passphrase does not open /data/coachlog.sqlite; it was left untouched.');
      db.encryption.remembered = Boolean(a.remember);
      return encryptionStatus(db);
    }
    case 'encryption_enable': {
      if (!a.passphrase) fail('invalid', 'The passphrase is empty; give one.');
      if (db.encryption.passphrase !== null) fail('conflict', 'The database is already encrypted.');
      db.encryption = { passphrase: String(a.passphrase), remembered: Boolean(a.remember) };
      return encryptionStatus(db);
    }
    case 'encryption_disable': {
      if (db.encryption.passphrase === null) fail('conflict', 'The database is not encrypted.');
      if (a.passphrase !== db.encryption.passphrase) fail('passphrase', 'The passphrase does not open /data/coachlog.sqlite; nothing was changed.');
      db.encryption = { passphrase: null, remembered: false };
      return encryptionStatus(db);
    }
    // The native Save dialog: pretend the leader accepted the suggested name.
    case 'plugin:dialog|save': {
      const options = (a.options ?? {}) as { defaultPath?: string };
      return `/home/you/Documents/${options.defaultPath ?? 'coachlog-summary.md'}`;
    }
    default:
      return fail('internal', `The mock backend does not know the command ${cmd}.`);
  }
}

/** Answers every IPC command from an in-memory database; returns it for inspection. */
export function installMockBackend(db: MockDb = emptyDb(new Date().toISOString().slice(0, 10))): MockDb {
  mockIPC((cmd, payload) => {
    // Records cross "IPC" as copies, as they would as JSON.
    return JSON.parse(JSON.stringify(handle(db, cmd, (payload ?? {}) as Args) ?? null));
  });
  return db;
}
