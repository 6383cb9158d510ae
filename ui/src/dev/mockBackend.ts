/**
 * An in-memory stand-in for the Tauri shell, for running the UI in a plain
 * browser (`npm run dev`, then open `/?mock`) and for the screen tests. It
 * never ships: `main.ts` loads it only in development builds.
 *
 * It computes nothing of the core's. Its answers are the real core's, in
 * `fixtures.json` (written by `crates/core/tests/integration/ui_fixtures.rs`
 * for the demo team on its `today`; a drift test there fails when the file is
 * stale). Regenerate it with
 * `COACHLOG_WRITE_UI_FIXTURES=1 cargo test -p coachlog-core --test integration ui_fixtures`.
 *
 * - Reads: list and get commands filter the fixture's records by the
 *   command's arguments only (person, dates, open or closed, archived, id).
 *   Derived answers (overview, overdue, coverage, releases, 1:1 months,
 *   summaries, search results) are the fixture's as they are; `overdue`
 *   leaves out the keys snoozed or dismissed here, whatever the day.
 * - Writes change the lists naively (a new record under a new id, fields
 *   patched, closed / archived / shared as the arguments say) so a screen
 *   shows what was just entered; nothing derived follows them. A test that
 *   needs the core's answer after a write sets it (`db.answers.overdue = …`)
 *   or overrides the command (`test/app.ts`).
 * - Deleting is naive too: `record_delete` takes the record itself out of
 *   its list (nothing goes with it) into an in-memory Trash, whose entries
 *   count that record only; `trash_restore` puts it back. A test that needs
 *   the core's counts overrides `record_delete_preview` or `record_delete`.
 * - The shell's own state (app info, backups, encryption, `data_version`)
 *   is hand-written here: the core does not make those answers. The native
 *   dialogs Rust raises (Save, the confirmations) are scripted in
 *   `db.dialogs`: yes by default, for the browser preview; a test sets no.
 */
import { mockIPC } from '@tauri-apps/api/mocks';
import { addDays } from '$lib/dates';
import { formatInfo } from '$lib/exporting';
import { countOf, justOne, kindLabel } from '$lib/kinds';
import type * as T from '$lib/types';
import fixtures from './fixtures.json';
import { handleCoaching, isCoachingCommand, type CoachingAnswers } from './mockCoaching';

/** A type whose every key is a command's name. */
type ByCommand<A extends { [K in keyof A]: K extends T.Command ? unknown : never }> = A;

/** The core's answers, under the name of the command that gives them. */
export type Answers = ByCommand<{
  demo_fill: T.DemoReport;
  settings_list: T.SettingEntry[];
  names: Record<T.NameKind, string[]>;
  /** Every record of the kind (archived, closed, …), in the core's order. */
  people_list: T.Person[];
  one_on_ones_list: T.OneOnOne[];
  one_on_one_months: T.MonthCount[];
  /** The saved drafts (`draft_get` answers one person's). */
  draft_get: T.Draft[];
  agenda_list: T.AgendaItem[];
  updates_list: T.Update[];
  customer_links_list: T.CustomerLink[];
  check_ins_list: T.CheckIn[];
  requisitions_list: T.Requisition[];
  /** The loop members of every requisition. */
  loop_list: T.LoopMember[];
  interviews_list: T.Interview[];
  walkthroughs_list: T.Walkthrough[];
  wins_list: T.Win[];
  cdf_reviews_list: T.CdfReview[];
  milestones_list: T.Milestone[];
  overview: T.Overview;
  /** The `dueSoon = true` answer. */
  overdue: T.Nudge[];
  coverage: T.Coverage;
  /** The next release days from today (a call takes the first `count`). */
  releases: T.Release[];
  /** The summary of the fixtures' `summary_month`, keyed `md`, `md+notes`, `html`, `csv`, `json`. */
  summary_preview: Record<string, string>;
  /**
   * The review packets of two people in the default window (`history_window`),
   * by person id, then keyed `md`, `md+notes`, `html`, `json`.
   */
  history_preview: Record<string, Record<string, string>>;
  /** Results by the word searched. */
  search: Record<string, T.Hit[]>;
}>;

export interface Fixtures {
  /** The day the answers were made on. */
  today: string;
  /** The month of the summaries (`YYYY-MM`). */
  summary_month: string;
  /** The window of the review packets: the default one on `today`. */
  history_window: { from: string; to: string };
  answers: Answers;
}

/** The core's answers for the demo team (read-only: a database takes a copy). */
export const FIXTURES: Fixtures = fixtures as Fixtures;

/**
 * Coachlog's own templates (`crates/core/src/store/templates.rs`,
 * `DEFAULT_ONE_ON_ONE` and `DEFAULT_WALKTHROUGH`): what `template_get`
 * answers where the leader wrote none.
 */
export const DEFAULT_TEMPLATES: Record<T.TemplateKind, string> = {
  one_on_one: '## Their items\n- \n\n## My items\n- \n\n## Career and growth\n- \n\n## Feedback\n- Given: \n- Received: \n',
  walkthrough:
    '## Scenario walked through\n- \n\n## What worked across stages and categories\n- \n\n## Friction and gaps\n- \n\n## Follow-ups (issues to open, owners)\n- [ ] \n',
};

/** A command the UI sends (it calls no plugin: the shell raises the dialogs). */
export type MockCommand = T.Command;

export type Args = Record<string, unknown>;

export interface MockDb {
  /** What the read commands answer from; writes change its lists. */
  answers: Answers;
  /** Snoozed and dismissed nudge keys. */
  nudgeState: Record<string, T.KeyState>;
  /** The backups folder's files, newest first. */
  backups: T.BackupFile[];
  /** The passphrase the mock database is encrypted with (null: plain), and whether the keyring keeps it. */
  encryption: { passphrase: string | null; remembered: boolean };
  /**
   * The leader's answers in the native dialogs the shell raises: `confirm`
   * (emptying the Trash, encryption, a restore) and `save` (the Save
   * dialog); false answers `cancelled`.
   */
  dialogs: { confirm: boolean; save: boolean; open: boolean };
  /** The file the Open dialog chooses for Settings → Data → Import…: its name, source and the people it names. */
  importFile: { file: string; source: T.ImportSource; people: string[] };
  /** Whether the login entry of "Start at login in the tray" is there (an OS fact, not a setting). */
  trayAtLogin: boolean;
  /** The templates the leader wrote (their default per kind, and people's own 1:1 templates). */
  templates: T.Template[];
  /** The Trash, newest first: each entry and the record it took out of its list. */
  trash: { entry: T.TrashEntry; record: { id: number } }[];
  /** What `data_version` answers: a test bumps it to play another program's write. */
  dataVersion: number;
  nextId: number;
}

/**
 * A new, empty database (the first-run screen): no records, and for the
 * derived answers the empty shape the core gives for no records. Settings
 * and release days do not depend on records: the fixture's, with the
 * settings at their defaults and tracking from today.
 */
export function emptyDb(): MockDb {
  const f = FIXTURES.answers;
  return {
    answers: {
      demo_fill: structuredClone(f.demo_fill),
      settings_list: f.settings_list.map((s) => ({ ...s, value: s.key === 'tracking_since' ? FIXTURES.today : s.default })),
      names: { stage: [], group: [], category: [], tag: [], team: [] },
      people_list: [],
      one_on_ones_list: [],
      one_on_one_months: [],
      draft_get: [],
      agenda_list: [],
      updates_list: [],
      customer_links_list: [],
      check_ins_list: [],
      requisitions_list: [],
      loop_list: [],
      interviews_list: [],
      walkthroughs_list: [],
      wins_list: [],
      cdf_reviews_list: [],
      milestones_list: [],
      overview: {
        today: FIXTURES.today,
        people: [],
        requests: [],
        actions: [],
        open_requisitions: [],
        unshared_wins: [],
        milestones: [],
        counts: { people: 0, tracked: 0, open_items: 0, open_requests: 0, open_actions: 0, open_requisitions: 0, unshared_wins: 0 },
      },
      overdue: [],
      coverage: { ...structuredClone(f.coverage), rows: [] },
      // mockCoaching.ts's agenda balance: the window is the day's; an empty team has no one in it.
      ...{ agenda_balance: { ...structuredClone((f as unknown as CoachingAnswers).agenda_balance!), people: [] } },
      releases: structuredClone(f.releases),
      summary_preview: {},
      history_preview: {},
      search: {},
    },
    nudgeState: {},
    backups: [],
    encryption: { passphrase: null, remembered: false },
    dialogs: { confirm: true, save: true, open: true },
    importFile: { file: 'oikio-data.json', source: 'oikio', people: ['Dana Whitfield', 'Lee Novak'] },
    trayAtLogin: false,
    templates: [],
    trash: [],
    dataVersion: 1,
    nextId: 1,
  };
}

/** Puts the demo team into `db`: a copy of every fixture answer. */
export function fillDemo(db: MockDb): void {
  db.answers = structuredClone(FIXTURES.answers);
  const ids = Object.values(db.answers)
    .filter(Array.isArray)
    .flatMap((list: unknown[]) => list.map((r) => (r as { id?: unknown }).id))
    .filter((id): id is number => typeof id === 'number');
  db.nextId = Math.max(0, ...ids) + 1;
}

const BACKUPS = '/home/you/.local/share/coachlog/backups';
/** Where the scripted Save dialog saves. */
export const SAVE_FOLDER = '/home/you/Documents';

/** The lists of the answers that hold records (with ids). */
type ListKey = { [K in keyof Answers]: Answers[K] extends { id: number }[] ? K : never }[keyof Answers];

/** The list of each kind of record. */
const LISTS: Record<T.RecordKind, ListKey> = {
  person: 'people_list',
  one_on_one: 'one_on_ones_list',
  agenda_item: 'agenda_list',
  update: 'updates_list',
  customer_link: 'customer_links_list',
  check_in: 'check_ins_list',
  requisition: 'requisitions_list',
  loop_member: 'loop_list',
  interview: 'interviews_list',
  walkthrough: 'walkthroughs_list',
  win: 'wins_list',
  cdf_review: 'cdf_reviews_list',
  milestone: 'milestones_list',
};

/** A record's list, loosely typed (the Trash keeps records of every kind). */
const listOf = (d: Answers, kind: T.RecordKind) => d[LISTS[kind]] as { id: number }[];

/** What a deleted record was, in a few words (the core says more). */
function trashLabel(kind: T.RecordKind, rec: object): string {
  const r = rec as Record<string, unknown>;
  if (kind === 'person') return String(r.name);
  const hint = ['title', 'candidate', 'team', 'role', 'text', 'date'].map((f) => r[f]).find((v) => typeof v === 'string' && v !== '');
  return `${kindLabel(kind)} ${hint ? `“${String(hint).slice(0, 60)}”` : String(r.id)}`;
}

/**
 * A milestone's fields as the core stores them: its day is the given date or
 * the day of its release among the fixtures' release days (the core computes
 * any release's day; the mock knows those).
 */
function milestone(d: Answers, input: T.MilestoneInput): Omit<T.Milestone, 'id'> {
  if ((input.date === null) === (input.release === null))
    fail('invalid', 'A milestone falls on a day or on a release\'s day, not both; give either the date or the release version.');
  const date = input.date ?? d.releases.find((r) => r.version === input.release)?.date ?? fail('invalid', `No release day known for ${input.release}.`);
  return { title: input.title.trim(), date, release: input.release, stages: input.stages, link: input.link, notes: input.notes };
}

/** The leader's "no" in a native dialog. */
function declined(what: string): never {
  return fail('cancelled', `You said no; ${what}.`);
}

function encryptionStatus(db: MockDb): T.EncryptionStatus {
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

/** The arguments of every command, by the names `lib/api.ts` sends them under (each command sends some). */
interface CommandArgs {
  /** An import waiting in the shell (import_apply, import_cancel). */
  token: string;
  id: number;
  personId: number | null;
  linkId: number | null;
  requisitionId: number | null;
  includeArchived: boolean;
  includeClosed: boolean;
  unsharedOnly: boolean;
  leaderOnly: boolean;
  open: boolean | null;
  tag: T.OpenTag | T.CloseTag | null;
  kind: T.NameKind | T.UpdateKind | T.RecordKind | T.TemplateKind | null;
  body: string;
  period: string | null;
  from: string | null;
  to: string | null;
  on: string;
  inOneOnOne: number | null;
  status: T.RequisitionStatus;
  link: string | null;
  place: string | null;
  input: unknown;
  edit: T.AgendaItemEdit;
  draft: T.Draft;
  key: string;
  value: string;
  until: string;
  dueSoon: boolean;
  text: string;
  limit: number | null;
  count: number;
  months: number;
  month: string;
  format: T.Format;
  includeNotes: boolean;
  file: string;
  passphrase: string;
  remember: boolean;
  enabled: boolean;
}

/** No filter (null or absent), or equal. */
const is = (arg: unknown, value: unknown) => arg == null || arg === value;
/** `day` within `from`..`to` (either open). */
const within = (day: string, from: string | null, to: string | null) => (from == null || day >= from) && (to == null || day <= to);

/** The fixture text of a summary, or `invalid` for one the fixtures do not hold. */
function summary(d: Answers, a: CommandArgs): string {
  const key = `${a.format === 'markdown' ? 'md' : a.format}${a.includeNotes ? '+notes' : ''}`;
  const text = a.month === FIXTURES.summary_month ? d.summary_preview[key] : undefined;
  return text ?? fail('invalid', `The mock backend holds the demo team's summary of ${FIXTURES.summary_month} only, as ${Object.keys(FIXTURES.answers.summary_preview).join(', ')}.`);
}

/** The fixture text of a review packet, or `invalid` / `not_found` for one the fixtures do not hold. */
function packet(d: Answers, a: CommandArgs): string {
  const w = FIXTURES.history_window;
  const texts = d.history_preview[String(a.personId)];
  if (!d.people_list.some((p) => p.id === a.personId)) fail('not_found', `There is no person with id ${a.personId}.`);
  const key = `${a.format === 'markdown' ? 'md' : a.format}${a.includeNotes ? '+notes' : ''}`;
  const text = a.from === w.from && a.to === w.to ? texts?.[key] : undefined;
  return (
    text ??
    fail('invalid', `The mock backend holds the packets of people ${Object.keys(d.history_preview).join(', ')} from ${w.from} to ${w.to} only, as md, md+notes, html, json.`)
  );
}

/** The template in force for a kind (and a person): theirs, else the leader's, else Coachlog's. */
function templateInForce(db: MockDb, kind: T.TemplateKind, personId: number | null): T.InForce {
  const find = (p: number | null) => db.templates.find((t) => t.kind === kind && t.person_id === p);
  const own = personId === null ? undefined : find(personId);
  const leader = find(null);
  const [body, source]: [string, T.Source] = own ? [own.body, 'person'] : leader ? [leader.body, 'leader'] : [DEFAULT_TEMPLATES[kind], 'coachlog'];
  return { kind, person_id: personId, body, source };
}

/** Answers one command against `db` (exported for tests). */
export function handle(db: MockDb, cmd: MockCommand, args: Args): unknown {
  const a = args as unknown as CommandArgs;
  const d = db.answers;
  if (isCoachingCommand(cmd)) return handleCoaching(db, cmd, args);
  const byId = <R extends { id: number }>(list: R[], what: string, id = a.id): R => list.find((x) => x.id === id) ?? fail('not_found', `There is no ${what} ${id}.`);
  const add = <R extends { id: number }>(list: R[], fields: Omit<R, 'id'>): R => {
    const rec = { ...fields, id: db.nextId++ } as R;
    list.push(rec);
    return rec;
  };
  const patch = <R extends { id: number }>(list: R[], what: string, fields: Partial<R>, id = a.id): R => Object.assign(byId(list, what, id), fields);
  switch (cmd) {
    case 'app_info':
      return { version: '0.1.0-mock', db_path: '(in-memory mock backend)', schema_version: 1, today: FIXTURES.today, is_empty: d.people_list.length === 0, startup_error: null } satisfies T.AppInfo;
    case 'startup_painted':
      return null;
    case 'settings_list':
      return d.settings_list;
    case 'settings_set':
      for (const s of d.settings_list) if (s.key === a.key) s.value = a.value;
      return d.settings_list;
    case 'tray_at_login':
      return db.trayAtLogin;
    case 'tray_at_login_set':
      db.trayAtLogin = a.enabled;
      return db.trayAtLogin;
    case 'demo_fill':
      fillDemo(db);
      return db.answers.demo_fill;
    case 'names':
      return d.names[a.kind as T.NameKind];

    case 'people_list':
      return d.people_list.filter((p) => a.includeArchived || p.archived_on === null);
    case 'person_get':
      return byId(d.people_list, 'person');
    case 'person_add':
      return add(d.people_list, { ...(a.input as T.PersonInput), archived_on: null });
    case 'person_update':
      return patch(d.people_list, 'person', a.input as T.PersonInput);
    case 'person_archive':
      return patch(d.people_list, 'person', { archived_on: a.on });
    case 'person_unarchive':
      return patch(d.people_list, 'person', { archived_on: null });

    case 'one_on_ones_list':
      return d.one_on_ones_list.filter((o) => is(a.personId, o.person_id) && within(o.date, a.from, a.to));
    case 'one_on_one_months':
      return d.one_on_one_months;
    case 'one_on_one_get':
      return byId(d.one_on_ones_list, '1:1');
    case 'one_on_one_update':
      return patch(d.one_on_ones_list, '1:1', a.input as T.OneOnOneInput);
    case 'one_on_one_log': {
      const input = a.input as T.LogInput;
      const o = input.one_on_one;
      const one = add(d.one_on_ones_list, o);
      const opened = input.new_items.map((n) =>
        add<T.AgendaItem>(d.agenda_list, { ...n, person_id: o.person_id, opened_on: o.date, opened_in: one.id, close_tag: null, closed_on: null, closed_in: null }),
      );
      const closed = input.close_items.map((c) => patch(d.agenda_list, 'agenda item', { close_tag: c.tag, closed_on: o.date, closed_in: one.id }, c.id));
      d.draft_get = d.draft_get.filter((x) => x.person_id !== o.person_id);
      return { one_on_one: one, opened, closed } satisfies T.Logged;
    }
    case 'draft_get':
      return d.draft_get.find((x) => x.person_id === a.personId) ?? null;
    case 'draft_save':
      d.draft_get = [...d.draft_get.filter((x) => x.person_id !== a.draft.person_id), a.draft];
      return null;
    case 'draft_discard':
      d.draft_get = d.draft_get.filter((x) => x.person_id !== a.personId);
      return null;

    case 'agenda_list':
      return d.agenda_list.filter((i) => is(a.personId, i.person_id) && is(a.open, i.closed_on === null) && is(a.tag, i.open_tag));
    case 'agenda_add':
      return add<T.AgendaItem>(d.agenda_list, { ...(a.input as T.AgendaItemInput), close_tag: null, closed_on: null, closed_in: null });
    case 'agenda_update':
      return patch(d.agenda_list, 'agenda item', a.edit);
    case 'agenda_close':
      return patch(d.agenda_list, 'agenda item', { close_tag: a.tag as T.CloseTag, closed_on: a.on, closed_in: a.inOneOnOne });
    case 'agenda_reopen':
      return patch(d.agenda_list, 'agenda item', { close_tag: null, closed_on: null, closed_in: null });

    case 'updates_list':
      return d.updates_list.filter(
        (u) => is(a.personId, u.person_id) && (!a.leaderOnly || u.person_id === null) && is(a.period, u.period) && is(a.kind, u.kind),
      );
    case 'update_add':
      return add(d.updates_list, a.input as T.UpdateInput);
    case 'update_update':
      return patch(d.updates_list, 'update', a.input as T.UpdateInput);
    case 'update_done':
      return patch(d.updates_list, 'update', { status: 'done', done_on: a.on, link: a.link });

    case 'customer_links_list':
      return d.customer_links_list.filter((l) => is(a.personId, l.person_id) && (a.includeArchived || l.archived_on === null));
    case 'customer_link_add':
      return add(d.customer_links_list, { ...(a.input as T.CustomerLinkInput), archived_on: null });
    case 'customer_link_update':
      return patch(d.customer_links_list, 'internal customer', a.input as T.CustomerLinkInput);
    case 'customer_link_archive':
      return patch(d.customer_links_list, 'internal customer', { archived_on: a.on });
    case 'customer_link_unarchive':
      return patch(d.customer_links_list, 'internal customer', { archived_on: null });
    case 'check_ins_list':
      return d.check_ins_list.filter(
        (c) => is(a.linkId, c.link_id) && (a.personId == null || d.customer_links_list.some((l) => l.id === c.link_id && l.person_id === a.personId)),
      );
    case 'check_in_add':
      return add(d.check_ins_list, a.input as T.CheckInInput);
    case 'check_in_update':
      return patch(d.check_ins_list, 'check-in', a.input as T.CheckInInput);

    case 'requisitions_list':
      return d.requisitions_list.filter((r) => a.includeClosed || r.status === 'open');
    case 'requisition_open':
      return add<T.Requisition>(d.requisitions_list, { ...(a.input as T.RequisitionInput), status: 'open', closed_on: null });
    case 'requisition_update':
      return patch(d.requisitions_list, 'requisition', a.input as T.RequisitionInput);
    case 'requisition_close':
      return patch(d.requisitions_list, 'requisition', { status: a.status, closed_on: a.on });
    case 'requisition_reopen':
      return patch(d.requisitions_list, 'requisition', { status: 'open', closed_on: null });
    case 'loop_list':
      return d.loop_list.filter((m) => m.requisition_id === a.requisitionId);
    case 'loop_add':
      return add(d.loop_list, a.input as T.LoopMemberInput);
    case 'interviews_list':
      return d.interviews_list.filter((i) => is(a.requisitionId, i.requisition_id));
    case 'interview_add':
      return add(d.interviews_list, a.input as T.InterviewInput);
    case 'interview_update': {
      // Not its requisition: the command changes the rest only.
      const { requisition_id: _, ...rest } = a.input as T.InterviewInput;
      return patch(d.interviews_list, 'interview', rest);
    }

    case 'walkthroughs_list':
      return d.walkthroughs_list.filter((w) => within(w.date, a.from, a.to));
    case 'walkthrough_add':
      return add(d.walkthroughs_list, a.input as T.WalkthroughInput);
    case 'walkthrough_update':
      return patch(d.walkthroughs_list, 'walkthrough', a.input as T.WalkthroughInput);

    case 'wins_list':
      return d.wins_list.filter((w) => is(a.personId, w.person_id) && (!a.unsharedOnly || w.shared_on === null));
    case 'win_add':
      return add<T.Win>(d.wins_list, { ...(a.input as T.WinInput), shared_on: null, shared_where: null });
    case 'win_update':
      return patch(d.wins_list, 'win', a.input as T.WinInput);
    case 'win_share':
      return patch(d.wins_list, 'win', { shared_on: a.on, shared_where: a.place });
    case 'win_unshare':
      return patch(d.wins_list, 'win', { shared_on: null, shared_where: null });

    case 'cdf_reviews_list':
      return d.cdf_reviews_list.filter((r) => is(a.personId, r.person_id)).sort((x, y) => y.date.localeCompare(x.date) || y.id - x.id);
    case 'cdf_review_add':
      return add(d.cdf_reviews_list, a.input as T.CdfReviewInput);
    case 'cdf_review_update':
      return patch(d.cdf_reviews_list, 'CDF review', a.input as T.CdfReviewInput);
    case 'milestones_list':
      return [...d.milestones_list].sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id);
    case 'milestone_add':
      return add(d.milestones_list, milestone(d, a.input as T.MilestoneInput));
    case 'milestone_update':
      return patch(d.milestones_list, 'milestone', milestone(d, a.input as T.MilestoneInput));

    case 'template_get':
      return templateInForce(db, a.kind as T.TemplateKind, a.personId ?? null);
    case 'template_set': {
      const [kind, person_id] = [a.kind as T.TemplateKind, a.personId ?? null];
      // As the core keeps it: blank lines at either end go, a body ends with one newline.
      const kept = a.body.replace(/^[\r\n]+|[\r\n]+$/g, '');
      const body = kept.trim() === '' ? '' : `${kept}\n`;
      db.templates = [...db.templates.filter((t) => !(t.kind === kind && t.person_id === person_id)), { kind, person_id, body }];
      return templateInForce(db, kind, person_id);
    }
    case 'template_reset': {
      const [kind, person_id] = [a.kind as T.TemplateKind, a.personId ?? null];
      const removed = db.templates.find((t) => t.kind === kind && t.person_id === person_id) ?? null;
      db.templates = db.templates.filter((t) => t !== removed);
      return removed;
    }

    // What the core derives: the fixture's answers as they are.
    case 'search':
      return (d.search[a.text.trim().toLowerCase()] ?? []).slice(0, a.limit ?? 50);
    case 'overview':
      return d.overview;
    case 'overdue':
      return d.overdue.filter((n) => !(n.key in db.nudgeState) && (a.dueSoon || n.overdue_days > 0));
    case 'nudge_snooze':
      return (db.nudgeState[a.key] = { key: a.key, snoozed_until: a.until, dismissed: db.nudgeState[a.key]?.dismissed ?? false });
    case 'nudge_dismiss':
      return (db.nudgeState[a.key] = { key: a.key, snoozed_until: db.nudgeState[a.key]?.snoozed_until ?? null, dismissed: true });
    case 'nudge_undo':
      delete db.nudgeState[a.key];
      return null;
    case 'coverage':
      return d.coverage;
    case 'releases':
      return d.releases.slice(0, a.count);
    case 'summary_preview':
      return summary(d, a);
    case 'history_preview':
      return packet(d, a);
    // Deleting: the record alone, into the Trash and back.
    case 'record_delete_preview':
      byId(listOf(d, a.kind as T.RecordKind), kindLabel(a.kind as T.RecordKind).toLowerCase());
      return justOne(a.kind as T.RecordKind);
    case 'record_delete': {
      const kind = a.kind as T.RecordKind;
      const list = listOf(d, kind);
      const record = byId(list, kindLabel(kind).toLowerCase());
      list.splice(list.indexOf(record), 1);
      const days = Number(d.settings_list.find((s) => s.key === 'trash_days')?.value ?? 30);
      const entry: T.TrashEntry = {
        id: db.nextId++,
        kind,
        record_id: record.id,
        label: trashLabel(kind, record),
        deleted_on: FIXTURES.today,
        purge_on: addDays(FIXTURES.today, days),
        records: justOne(kind),
      };
      db.trash.unshift({ entry, record });
      return entry;
    }
    case 'trash_list':
      return db.trash.map((t) => t.entry);
    case 'trash_restore': {
      const t = db.trash.find((x) => x.entry.id === a.id) ?? fail('not_found', `There is no entry ${a.id} in the Trash.`);
      const list = listOf(d, t.entry.kind);
      if (list.some((r) => r.id === t.record.id)) fail('conflict', `"${t.entry.label}" cannot be restored: a record with its id is back already.`);
      list.push(t.record);
      db.trash = db.trash.filter((x) => x !== t);
      return t.entry;
    }
    case 'trash_empty': {
      if (!db.dialogs.confirm) declined('the Trash was left as it is');
      const n = db.trash.length;
      db.trash = [];
      return n;
    }

    // The shell's own answers.
    case 'data_version':
      return db.dataVersion;
    case 'calendar_save': {
      if (!db.dialogs.save) declined('nothing was saved');
      if (!(a.months >= 1 && a.months <= 24)) fail('invalid', `The calendar covers 1 to 24 months ahead; got ${a.months}.`);
      return { path: `${SAVE_FOLDER}/coachlog.ics`, bytes: 1024 } satisfies T.SavedFile;
    }
    case 'summary_save': {
      if (!db.dialogs.save) declined('nothing was saved');
      const path = `${SAVE_FOLDER}/coachlog-summary-${a.month}.${formatInfo(a.format).extension}`;
      return { path, bytes: new TextEncoder().encode(summary(d, a)).length } satisfies T.SavedFile;
    }
    case 'import_preview':
    case 'import_apply': {
      if (cmd === 'import_preview' && !db.dialogs.open) declined('nothing was imported');
      if (cmd === 'import_apply' && a.token !== 'import-1') fail('not_found', 'That import is no longer waiting; choose the file again with Import….');
      const { file, source, people } = db.importFile;
      const known = (n: string) => d.people_list.some((p) => p.name.toLowerCase() === n.toLowerCase());
      const created = people.filter((n) => !known(n));
      const dryRun = cmd === 'import_preview';
      if (!dryRun) {
        const like = FIXTURES.answers.people_list[0];
        for (const name of created) add(d.people_list, { ...like, name, archived_on: null });
      }
      const added = { ...justOne('person'), people: created.length };
      const verb = dryRun ? 'Would add' : 'Added';
      const text = [`${verb} ${countOf('person', created.length)}.`, created.length ? `New people: ${created.join(', ')}.` : '', dryRun ? 'Dry run: nothing was written.' : '']
        .filter(Boolean)
        .join('\n');
      const report: T.Report = {
        dry_run: dryRun, added, already_there: { ...added, people: people.length - created.length }, matched: people.filter(known), created,
        since_moved: [], merged_meetings: 0, skips_on_a_meeting_day: 0, closed_on_import_day: 0, templates_added: 0, templates_not_imported: [],
      };
      return { token: dryRun ? 'import-1' : '', file, source, report, text } satisfies T.ImportPreview;
    }
    case 'import_cancel':
      return null;
    case 'database_export': {
      if (!db.dialogs.save) declined('nothing was saved');
      return { path: `${SAVE_FOLDER}/coachlog-export-${FIXTURES.today}.json`, bytes: 4096 } satisfies T.SavedFile;
    }
    case 'database_import': {
      if (!db.dialogs.open || !db.dialogs.save) declined('nothing was imported');
      const records = { ...justOne('person'), people: d.people_list.length };
      return { path: `${SAVE_FOLDER}/coachlog-imported.sqlite`, report: { ...records, templates: 0, drafts: 0, nudge_states: 0 } } satisfies T.ImportedDatabase;
    }
    case 'history_save': {
      if (!db.dialogs.save) declined('nothing was saved');
      const ext = a.format === 'markdown' ? 'md' : String(a.format);
      const path = `${SAVE_FOLDER}/coachlog-packet-${a.personId}-${a.from}-${a.to}.${ext}`;
      return { path, bytes: new TextEncoder().encode(packet(d, a)).length } satisfies T.SavedFile;
    }
    case 'backups_list':
      return { folder: BACKUPS, backups: db.backups, last_automatic: null, interval_minutes: 30 } satisfies T.BackupsInfo;
    case 'backup_now': {
      const at = new Date(`${FIXTURES.today}T09:00:00Z`).getTime() + db.backups.length * 60_000;
      const taken_at = new Date(at).toISOString().replace('.000', '');
      const made: T.BackupFile = { path: `${BACKUPS}/coachlog-${taken_at.replace(/[-:]/g, '')}.sqlite`, taken_at, bytes: 196608, kind: 'rolling' };
      db.backups.unshift(made);
      return made;
    }
    case 'backup_restore': {
      if (!db.dialogs.confirm) declined('the database was left as it is');
      const from = db.backups.find((b) => b.path === a.file) ?? fail('not_found', `${a.file} is not one of the backups in ${BACKUPS}; choose one from the list.`);
      const safety = `${BACKUPS}/coachlog-before-restore.sqlite`;
      db.backups.unshift({ ...from, path: safety, kind: 'before_restore' });
      return { database: '(in-memory mock backend)', restored_from: from.path, schema_version: 4, safety_copy: safety } satisfies T.Restored;
    }
    case 'encryption_status':
      return encryptionStatus(db);
    case 'unlock':
      if (a.passphrase !== db.encryption.passphrase) fail('passphrase', 'The passphrase does not open /data/coachlog.sqlite; it was left untouched.');
      db.encryption.remembered = a.remember;
      return encryptionStatus(db);
    case 'encryption_enable':
      if (!db.dialogs.confirm) declined('the database was left as it is');
      db.encryption = { passphrase: a.passphrase, remembered: a.remember };
      return encryptionStatus(db);
    case 'encryption_disable':
      if (!db.dialogs.confirm) declined('the database was left as it is');
      if (a.passphrase !== db.encryption.passphrase) fail('passphrase', 'The passphrase does not open /data/coachlog.sqlite; nothing was changed.');
      db.encryption = { passphrase: null, remembered: false };
      return encryptionStatus(db);
    default: {
      // A command added to the shell and not answered above fails the type check here.
      const _exhaustive: never = cmd;
      return fail('internal', `The mock backend does not know the command ${String(_exhaustive)}.`);
    }
  }
}

/** Answers every IPC command from an in-memory database; returns it for inspection. */
export function installMockBackend(db: MockDb = emptyDb()): MockDb {
  mockIPC((cmd, payload) => {
    // Records cross "IPC" as copies, as they would as JSON.
    return JSON.parse(JSON.stringify(handle(db, cmd as MockCommand, (payload ?? {}) as Args) ?? null));
  });
  return db;
}
