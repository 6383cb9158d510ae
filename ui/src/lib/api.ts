/**
 * The typed IPC layer: the ONLY module that calls `invoke` (lint enforces it:
 * eslint.config.js bans `@tauri-apps/api/core` elsewhere, and every plugin's
 * JavaScript everywhere — native dialogs, Save and the confirmations, are
 * raised by Rust, and a "no" there rejects with kind `cancelled`).
 *
 * One async function per Tauri command (`src-tauri/src/commands.rs`, listed in
 * `src-tauri/src/command_names.rs`). Arguments travel under the camelCase
 * form of the Rust parameter names (`personId` for `person_id`). Types come
 * from `./bindings`, generated from the Rust types (see docs/desktop.md);
 * a Rust test fails when they drift, and another when a command is missing
 * here.
 *
 * A failing command rejects with an `ApiError` (`kind` to branch on,
 * `message` written for the user), normalised by `toCommandError`
 * (errors.ts). Errors that do not come from the core — arguments Tauri could
 * not read, a command the capability does not allow — arrive as plain
 * strings and become `ApiError`s of kind `internal`.
 *
 * How to add a command: write it in Rust (see command_names.rs), regenerate
 * the bindings, then add its function here with `call('name', { args })`.
 */
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toCommandError } from './errors';
import type {
  AgendaItem,
  Brief,
  CdfReview,
  CdfReviewId,
  CdfReviewInput,
  Counts,
  Milestone,
  MilestoneId,
  MilestoneInput,
  AgendaItemEdit,
  AgendaItemId,
  AgendaItemInput,
  AppInfo,
  BackupFile,
  BackupsInfo,
  ImportedDatabase,
  ImportPreview,
  CheckIn,
  CheckInId,
  CheckInInput,
  CloseTag,
  Command,
  Coverage,
  CustomerLink,
  CustomerLinkInput,
  DemoReport,
  EncryptionStatus,
  Draft,
  ErrorKind,
  Format,
  Hit,
  HistoryFormat,
  Interview,
  InterviewId,
  InterviewInput,
  IpcError,
  KeyState,
  LinkId,
  Logged,
  LogInput,
  LoopMember,
  LoopMemberInput,
  NameKind,
  Nudge,
  MonthCount,
  OneOnOne,
  OneOnOneId,
  OneOnOneInput,
  OpenTag,
  Overview,
  Period,
  RecordKind,
  Person,
  PersonId,
  PersonInput,
  PersonPage,
  Release,
  Requisition,
  RequisitionId,
  RequisitionInput,
  RequisitionStatus,
  Restored,
  SavedFile,
  SettingEntry,
  TeamBalance,
  TrashEntry,
  TrashId,
  Update,
  UpdateId,
  UpdateInput,
  UpdateKind,
  Walkthrough,
  WalkthroughId,
  WalkthroughInput,
  Win,
  WinId,
  WinInput,
} from './bindings';
import type { InForce, Template, TemplateKind } from './bindings';

/** A calendar date as it crosses IPC: `YYYY-MM-DD`. */
type Day = string;

/** A command's failure: `{ kind, message }` from the core. */
export class ApiError extends Error implements IpcError {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
  }

  /** Turns whatever `invoke` rejected with into an `ApiError` (read by `toCommandError`, errors.ts). */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    const { kind, message } = toCommandError(e);
    return new ApiError(kind, message);
  }
}

async function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw ApiError.from(e);
  }
}

// ---- App and settings ---------------------------------------------------------

/** Version, database path, today; `startup_error` if the database could not be opened. */
export const appInfo = () => call<AppInfo>('app_info');
export const settingsList = () => call<SettingEntry[]>('settings_list');
/** Sets one setting; answers with every setting as `settingsList` does. */
export const settingsSet = (key: string, value: string) =>
  call<SettingEntry[]>('settings_set', { key, value });
/** Fills an empty database with the demo team; `conflict` if it has records. */
/**
 * Whether "Start at login in the tray" is on: the login entry (on Linux an
 * XDG autostart file) that starts the app in the tray is there. An OS fact
 * of this user, not a database setting.
 */
export const trayAtLogin = () => call<boolean>('tray_at_login');
/** Writes (`true`) or removes the login entry; answers whether it is there. */
export const trayAtLoginSet = (enabled: boolean) => call<boolean>('tray_at_login_set', { enabled });

export const demoFill = () => call<DemoReport>('demo_fill');
/** Names already used, to offer them again. */
export const names = (kind: NameKind) => call<string[]>('names', { kind });

// ---- Templates ----------------------------------------------------------------

/**
 * The template in force for `kind` (for `personId`'s 1:1s when given) and
 * where it comes from: the person's own, the leader's, or Coachlog's default.
 */
export const templateGet = (kind: TemplateKind, personId: PersonId | null) =>
  call<InForce>('template_get', { kind, personId });
/** Writes the leader's template (`personId`: that person's own 1:1 template); answers the one now in force. */
export const templateSet = (kind: TemplateKind, personId: PersonId | null, body: string) =>
  call<InForce>('template_set', { kind, personId, body });
/** Removes the leader's template so the next one down applies; answers the one removed (for an Undo), or null. */
export const templateReset = (kind: TemplateKind, personId: PersonId | null) =>
  call<Template | null>('template_reset', { kind, personId });

// ---- People -------------------------------------------------------------------

export const peopleList = (includeArchived: boolean) =>
  call<Person[]>('people_list', { includeArchived });
export const personGet = (id: PersonId) => call<Person>('person_get', { id });
export const personAdd = (input: PersonInput) => call<Person>('person_add', { input });
export const personUpdate = (id: PersonId, input: PersonInput) =>
  call<Person>('person_update', { id, input });
export const personArchive = (id: PersonId, on: Day) => call<Person>('person_archive', { id, on });
export const personUnarchive = (id: PersonId) => call<Person>('person_unarchive', { id });

// ---- 1:1s and drafts ----------------------------------------------------------

export const oneOnOnesList = (personId: PersonId | null, from: Day | null, to: Day | null) =>
  call<OneOnOne[]>('one_on_ones_list', { personId, from, to });
/** The months with 1:1s and how many, newest first (the Export screen's month picker). */
export const oneOnOneMonths = () => call<MonthCount[]>('one_on_one_months');
export const oneOnOneGet = (id: OneOnOneId) => call<OneOnOne>('one_on_one_get', { id });
/** Logs a 1:1 with the items opened and closed in it (one transaction; discards the draft). */
export const oneOnOneLog = (input: LogInput) => call<Logged>('one_on_one_log', { input });
export const oneOnOneUpdate = (id: OneOnOneId, input: OneOnOneInput) =>
  call<OneOnOne>('one_on_one_update', { id, input });

export const draftGet = (personId: PersonId) => call<Draft | null>('draft_get', { personId });
export const draftSave = (draft: Draft) => call<null>('draft_save', { draft });
export const draftDiscard = (personId: PersonId) => call<null>('draft_discard', { personId });

// ---- The living agenda --------------------------------------------------------

/** `open`: true for open items, false for closed ones, null for both. */
export const agendaList = (personId: PersonId | null, open: boolean | null, tag: OpenTag | null) =>
  call<AgendaItem[]>('agenda_list', { personId, open, tag });
export const agendaAdd = (input: AgendaItemInput) => call<AgendaItem>('agenda_add', { input });
export const agendaUpdate = (id: AgendaItemId, edit: AgendaItemEdit) =>
  call<AgendaItem>('agenda_update', { id, edit });
export const agendaClose = (
  id: AgendaItemId,
  tag: CloseTag,
  on: Day,
  inOneOnOne: OneOnOneId | null,
) => call<AgendaItem>('agenda_close', { id, tag, on, inOneOnOne });
export const agendaReopen = (id: AgendaItemId) => call<AgendaItem>('agenda_reopen', { id });

// ---- Accountability updates ---------------------------------------------------

/** One PM's updates (`personId`) or the leader's own (`leaderOnly`), not both. */
export const updatesList = (
  personId: PersonId | null,
  leaderOnly: boolean,
  period: Period | null,
  kind: UpdateKind | null,
) => call<Update[]>('updates_list', { personId, leaderOnly, period, kind });
export const updateAdd = (input: UpdateInput) => call<Update>('update_add', { input });
export const updateUpdate = (id: UpdateId, input: UpdateInput) =>
  call<Update>('update_update', { id, input });
export const updateDone = (id: UpdateId, on: Day, link: string | null) =>
  call<Update>('update_done', { id, on, link });

// ---- Internal customers -------------------------------------------------------

export const customerLinksList = (personId: PersonId | null, includeArchived: boolean) =>
  call<CustomerLink[]>('customer_links_list', { personId, includeArchived });
export const customerLinkAdd = (input: CustomerLinkInput) =>
  call<CustomerLink>('customer_link_add', { input });
export const customerLinkUpdate = (id: LinkId, input: CustomerLinkInput) =>
  call<CustomerLink>('customer_link_update', { id, input });
export const customerLinkArchive = (id: LinkId, on: Day) =>
  call<CustomerLink>('customer_link_archive', { id, on });
export const customerLinkUnarchive = (id: LinkId) =>
  call<CustomerLink>('customer_link_unarchive', { id });
export const checkInsList = (linkId: LinkId | null, personId: PersonId | null) =>
  call<CheckIn[]>('check_ins_list', { linkId, personId });
export const checkInAdd = (input: CheckInInput) => call<CheckIn>('check_in_add', { input });

// ---- Hiring -------------------------------------------------------------------

export const requisitionsList = (includeClosed: boolean) =>
  call<Requisition[]>('requisitions_list', { includeClosed });
export const requisitionOpen = (input: RequisitionInput) =>
  call<Requisition>('requisition_open', { input });
export const requisitionUpdate = (id: RequisitionId, input: RequisitionInput) =>
  call<Requisition>('requisition_update', { id, input });
export const requisitionClose = (id: RequisitionId, status: RequisitionStatus, on: Day) =>
  call<Requisition>('requisition_close', { id, status, on });
export const requisitionReopen = (id: RequisitionId) =>
  call<Requisition>('requisition_reopen', { id });
export const loopList = (requisitionId: RequisitionId) =>
  call<LoopMember[]>('loop_list', { requisitionId });
export const loopAdd = (input: LoopMemberInput) => call<LoopMember>('loop_add', { input });
export const interviewsList = (requisitionId: RequisitionId | null) =>
  call<Interview[]>('interviews_list', { requisitionId });
export const interviewAdd = (input: InterviewInput) => call<Interview>('interview_add', { input });

// ---- Walkthroughs and wins ----------------------------------------------------

export const walkthroughsList = (from: Day | null, to: Day | null) =>
  call<Walkthrough[]>('walkthroughs_list', { from, to });
export const walkthroughAdd = (input: WalkthroughInput) =>
  call<Walkthrough>('walkthrough_add', { input });
export const walkthroughUpdate = (id: WalkthroughId, input: WalkthroughInput) =>
  call<Walkthrough>('walkthrough_update', { id, input });

export const winsList = (personId: PersonId | null, unsharedOnly: boolean) =>
  call<Win[]>('wins_list', { personId, unsharedOnly });
export const winAdd = (input: WinInput) => call<Win>('win_add', { input });
export const winUpdate = (id: WinId, input: WinInput) => call<Win>('win_update', { id, input });
/** Marks a win shared with leadership on `on`, and where (the command's `place`). */
export const winShare = (id: WinId, on: Day, where: string | null) =>
  call<Win>('win_share', { id, on, place: where });
export const winUnshare = (id: WinId) => call<Win>('win_unshare', { id });

// ---- Search and overview ------------------------------------------------------

/** Full-text search; best matches first, at most `limit` (default 50). */
export const search = (text: string, limit?: number) =>
  call<Hit[]>('search', { text, limit: limit ?? null });
/** The Today screen's data. */
export const overview = () => call<Overview>('overview');
/**
 * Tells the shell the Today screen has been painted (see `lib/probe.ts`): the
 * start-up benchmark's signal, a no-op unless `COACHLOG_PROBE_STARTUP=1`.
 */
export const startupPainted = () => call<null>('startup_painted');

// ---- Nudges, coverage and the release calendar ---------------------------------

/**
 * What needs the leader on `asOf` (null: today), most overdue first: overdue
 * items, plus those due within three days when `dueSoon`. Snoozed and
 * dismissed items are left out.
 */
export const overdue = (asOf: Day | null, dueSoon: boolean) =>
  call<Nudge[]>('overdue', { asOf, dueSoon });
/** Hides a nudge until `until` (inclusive); it shows again the day after. */
export const nudgeSnooze = (key: string, until: Day) =>
  call<KeyState>('nudge_snooze', { key, until });
/** Hides a nudge for good (until `nudgeUndo`). */
export const nudgeDismiss = (key: string) => call<KeyState>('nudge_dismiss', { key });
/** Forgets a nudge's snooze or dismissal. */
export const nudgeUndo = (key: string) => call<null>('nudge_undo', { key });
/** The per-PM × practice coverage grid for today. */
export const coverage = () => call<Coverage>('coverage');
/** The next `count` release days from today (1 to 24). */
export const releases = (count: number) => call<Release[]>('releases', { count });

// ---- The monthly summary ------------------------------------------------------

/**
 * The summary of `month` (`YYYY-MM`) in `format`, as text — the same bytes as
 * `coachlog summary --month M --format F [--include-notes]`. `invalid` for a
 * bad month.
 */
export const summaryPreview = (month: string, format: Format, includeNotes: boolean) =>
  call<string>('summary_preview', { month, format, includeNotes });
/**
 * Builds the summary and saves it where the leader chooses in the native
 * Save dialog, which Rust opens (the page gives no path). `cancelled` when
 * they cancel it (nothing written); `io` when the folder cannot be written.
 */
export const summarySave = (month: string, format: Format, includeNotes: boolean) =>
  call<SavedFile>('summary_save', { month, format, includeNotes });

// ---- A person's review packet -------------------------------------------------

/**
 * `personId`'s review packet for the window `from`..`to` (`YYYY-MM-DD`; null:
 * the core's default) in `format`, as text — the same bytes as `coachlog
 * person history ID --from F --to T --format X [--include-notes]`. `invalid`
 * for a bad window, `not_found` for an unknown person.
 */
export const historyPreview = (personId: PersonId, from: Day | null, to: Day | null, format: HistoryFormat, includeNotes: boolean) =>
  call<string>('history_preview', { personId, from, to, format, includeNotes });
/**
 * Builds the packet and saves it where the leader chooses in the native Save
 * dialog, which Rust opens (the page gives no path). `cancelled` when they
 * cancel it (nothing written).
 */
export const historySave = (personId: PersonId, from: Day | null, to: Day | null, format: HistoryFormat, includeNotes: boolean) =>
  call<SavedFile>('history_save', { personId, from, to, format, includeNotes });
// ---- The calendar feed --------------------------------------------------------

/**
 * Builds the calendar feed (iCalendar) of the next `months` months and saves
 * it where the leader chooses in the native Save dialog, which Rust opens
 * (the page gives no path) — the same bytes as `coachlog calendar`.
 * `cancelled` when they cancel it; `invalid` for months outside 1 to 24.
 */
export const calendarSave = (months: number) => call<SavedFile>('calendar_save', { months });

// ---- Backups ------------------------------------------------------------------

/**
 * The backups folder and its backups, newest first, and this session's last
 * automatic backup. Works while the database cannot be opened too (the
 * start-up screen offers the latest backup).
 */
export const backupsList = () => call<BackupsInfo>('backups_list');
/** Makes a verified backup now and rotates the rolling set. */
export const backupNow = () => call<BackupFile>('backup_now');
/**
 * Replaces the database with `file` (a path from `backupsList`); the current
 * file is kept in the backups folder and the database is opened again.
 * `corrupt` for a damaged backup (nothing changed), `not_found` for a file
 * that is not one of the backups.
 */
export const backupRestore = (file: string) => call<Restored>('backup_restore', { file });

// ---- Settings → Data: imports, the whole database out and in -------------------

/**
 * Rust asks for a file (oikio or CSV) in the native Open dialog and answers with
 * the dry run of its import; the file's text waits in Rust under `token`.
 * Rejects `cancelled` when the leader cancels the dialog.
 */
export const importPreview = () => call<ImportPreview>('import_preview');
/** Imports exactly the file previewed under `token` (once). */
export const importApply = (token: string) => call<ImportPreview>('import_apply', { token });
/** Forgets the file previewed under `token`. */
export const importCancel = (token: string) => call<null>('import_cancel', { token });
/** Writes the whole database as the interchange JSON where the leader chooses in Rust's Save dialog. */
export const databaseExport = () => call<SavedFile>('database_export');
/**
 * Reads a Coachlog export (chosen in Rust's Open dialog) into a new database
 * file (chosen in its Save dialog); the app keeps the database it has open.
 */
export const databaseImport = () => call<ImportedDatabase>('database_import');

// ---- Encryption ---------------------------------------------------------------

/** Whether the database is encrypted and open, and whether a keyring can remember the passphrase. */
export const encryptionStatus = () => call<EncryptionStatus>('encryption_status');
/**
 * Opens the encrypted database with `passphrase`; with `remember`, keeps it
 * in the keyring. `passphrase` when it does not open the file.
 */
export const unlock = (passphrase: string, remember: boolean) =>
  call<EncryptionStatus>('unlock', { passphrase, remember });
/** Encrypts the database and its backups with `passphrase`, then reopens it. */
export const encryptionEnable = (passphrase: string, remember: boolean) =>
  call<EncryptionStatus>('encryption_enable', { passphrase, remember });
/** Decrypts the database and its backups; `passphrase` is the current one. */
export const encryptionDisable = (passphrase: string) =>
  call<EncryptionStatus>('encryption_disable', { passphrase });

// ---- Deleting and the Trash ---------------------------------------------------

/**
 * Moves a record, with what goes with it, to the Trash; answers with the
 * entry (its `id` undoes it with `trashRestore`).
 */
export const recordDelete = (kind: RecordKind, id: number) => call<TrashEntry>('record_delete', { kind, id });
/** How many records of each kind a deletion would take, itself included; changes nothing. */
export const recordDeletePreview = (kind: RecordKind, id: number) =>
  call<Counts>('record_delete_preview', { kind, id });
/** What is in the Trash, most recently deleted first. */
export const trashList = () => call<TrashEntry[]>('trash_list');
/** Puts an entry back with the same ids; `conflict` (nothing changed) when it cannot, saying why. */
export const trashRestore = (id: TrashId) => call<TrashEntry>('trash_restore', { id });
/**
 * Deletes everything in the Trash for good, after the leader says yes in a
 * native dialog raised by Rust; `cancelled` when they say no. Answers how
 * many entries went.
 */
export const trashEmpty = () => call<number>('trash_empty');

// ---- Corrections --------------------------------------------------------------

/** Changes a check-in's day, epic flag and notes. */
export const checkInUpdate = (id: CheckInId, input: CheckInInput) =>
  call<CheckIn>('check_in_update', { id, input });
/** Changes an interview's day, candidate and interviewers (not its requisition). */
export const interviewUpdate = (id: InterviewId, input: InterviewInput) =>
  call<Interview>('interview_update', { id, input });

// ---- Keeping in step with the command line ------------------------------------

/**
 * A number that changes when another program (the command line) writes to
 * the database; the app's own writes leave it as it is (lib/sync.ts).
 */
export const dataVersion = () => call<number>('data_version');

// --- Coaching -------------------------------------------------------------------
// CDF reviews, the brief before a 1:1 and the agenda balance (issue 12).

/** CDF reviews, newest first; only `personId`'s when given. */
export const cdfReviewsList = (personId: PersonId | null) =>
  call<CdfReview[]>('cdf_reviews_list', { personId });
/** Records a CDF review; `invalid` (with the core's words) for a bad date, no or more than 3 focus areas, a bad link. */
export const cdfReviewAdd = (input: CdfReviewInput) => call<CdfReview>('cdf_review_add', { input });
/** Replaces a CDF review's date, focus areas, notes and link. */
export const cdfReviewUpdate = (id: CdfReviewId, input: CdfReviewInput) =>
  call<CdfReview>('cdf_review_update', { id, input });
/** The leader's portfolio milestones, soonest first. */
export const milestonesList = () => call<Milestone[]>('milestones_list');
/** Adds a milestone on a day or a release's day; `invalid` (with the core's words) for both or neither, a bad link or stage. */
export const milestoneAdd = (input: MilestoneInput) => call<Milestone>('milestone_add', { input });
/** Replaces a milestone's title, day or release, stages, link and notes. */
export const milestoneUpdate = (id: MilestoneId, input: MilestoneInput) =>
  call<Milestone>('milestone_update', { id, input });
/** The brief before a 1:1 with `personId` as of the end of `asOf` (null: today). */
export const brief = (personId: PersonId, asOf: Day | null = null) =>
  call<Brief>('brief', { personId, asOf });
/** The same brief as GitLab-flavoured Markdown (`coachlog brief PERSON --format md`). */
export const briefMarkdown = (personId: PersonId, asOf: Day | null = null) =>
  call<string>('brief_markdown', { personId, asOf });
/** Who raised the agenda items opened from `from` to `to` (null: the 90 days ending today), per person. */
export const agendaBalance = (from: Day | null = null, to: Day | null = null) =>
  call<TeamBalance>('agenda_balance', { from, to });
/**
 * A person's page as of today: their coaching facts (the CDF review in
 * force, career conversations, the agenda balance of the last 90 days, a
 * manager's skip-level reports, whom a report reports to) and recent records.
 */
export const personPage = (id: PersonId) => call<PersonPage>('person_page', { id });
